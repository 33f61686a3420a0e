import { archiveCreate, archiveVerify } from './archive';
import { calendar } from './calendar';
import { dbBackup, dbBackups, dbCheck, dbRestore } from './db';
import { hubConnect, hubStatus } from './hub';
import { slaDue } from './sla';
import { statsRebuild } from './stats';
import { typesList } from './types-list';
import type { CliCommand } from './types';

export const commands: CliCommand[] = [dbCheck, dbBackups, dbBackup, dbRestore, archiveCreate, archiveVerify, slaDue, calendar, typesList, hubConnect, hubStatus, statsRebuild];
