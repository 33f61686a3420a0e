import { calendar } from './calendar';
import { archiveCreate, archiveVerify } from './archive';
import { dbBackup, dbBackups, dbCheck, dbRestore } from './db';
import { slaDue } from './sla';
import { typesList } from './types-list';
import type { CliCommand } from './types';

export const commands: CliCommand[] = [dbCheck, dbBackups, dbBackup, dbRestore, archiveCreate, archiveVerify, slaDue, calendar, typesList];
