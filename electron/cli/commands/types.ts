export interface CliCommand {
  /** Words that select the command, e.g. "db check". */
  name: string;
  usage: string;
  summary: string;
  /** Returns the process exit code. */
  run(args: string[]): Promise<number>;
}

export function printJson(value: unknown): void {
  process.stdout.write(JSON.stringify(value, null, 2) + '\n');
}
