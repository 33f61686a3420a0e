import { calendar } from './calendar';
import { dbBackups, dbCheck } from './db';
import { hubConnect, hubStatus } from './hub';
import { slaDue } from './sla';
import { typesList } from './types-list';
import type { CliCommand } from './types';

export const commands: CliCommand[] = [dbCheck, dbBackups, slaDue, calendar, typesList, hubConnect, hubStatus];
