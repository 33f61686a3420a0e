// `npm run bench`: runs every tests/bench/*.bench.ts and prints one JSON object per line per figure:
// {"bench": "<name>", "value": n, "unit": "ms|ops/s|MB", "budget": n, "reference": n}
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchFigure } from './figure';

async function main(): Promise<void> {
  const only = process.argv[2];
  const files = readdirSync(__dirname)
    .filter((f) => f.endsWith('.bench.ts') && (!only || f.includes(only)))
    .sort();
  for (const file of files) {
    const mod = (await import(join(__dirname, file))) as { run(): Promise<BenchFigure[]> };
    for (const figure of await mod.run()) console.log(JSON.stringify(figure));
  }
}
// Exits when the last bench is done: something a bench left open (a socket of the hub bench's
// PostgreSQL client, a child's pipe) kept the process waiting for ever once. What it was is printed.
main().then(
  () => {
    const open = process.getActiveResourcesInfo().filter((r) => r !== 'TTYWrap');
    if (open.length > 0) process.stderr.write(`[bench] still open after the last bench: ${open.join(', ')}\n`);
    process.exit(0);
  },
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
