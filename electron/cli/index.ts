// Headless commands over the same core the app uses: `npm run cli -- <command> [options]`.
// Output is JSON on stdout, so scripts and support staff can read it; errors go to stderr.
import { commands } from './commands';

async function main(argv: string[]): Promise<number> {
  const words = argv.filter((a) => !a.startsWith('-'));
  const wantsHelp = argv.includes('--help') || argv.includes('-h');
  // The longest command name that the leading words spell, e.g. "db check" before "db".
  const command = [...commands]
    .sort((a, b) => b.name.split(' ').length - a.name.split(' ').length)
    .find((c) => c.name.split(' ').every((w, i) => words[i] === w));
  if (!command || wantsHelp) {
    process.stdout.write(helpText(command?.name));
    return command || wantsHelp ? 0 : 2;
  }
  const rest = argv.slice(argv.indexOf(command.name.split(' ').at(-1)!) + 1);
  try {
    return await command.run(rest);
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    return 2;
  }
}

function helpText(only?: string): string {
  const list = commands.filter((c) => !only || c.name === only);
  const width = Math.max(...list.map((c) => c.usage.length));
  return [
    'Kefu Desk command line — headless tools over the centre database.',
    '',
    'Usage: npm run cli -- <command> [options]',
    '',
    ...list.map((c) => `  ${c.usage.padEnd(width)}  ${c.summary}`),
    '',
    'Options common to commands that read a database:',
    '  --data <dir>   the data folder (default: $KEFU_DATA_DIR or the app’s user-data folder)',
    '',
  ].join('\n');
}

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
