import { dbBackups, dbCheck } from './db';
import type { CliCommand } from './types';

export const commands: CliCommand[] = [dbCheck, dbBackups];
