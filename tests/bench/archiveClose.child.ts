// One month close in a process of its own, as the app's core runs it: the bench's own process has
// already generated or opened the centre (about 140 MB it keeps), which says nothing about the
// close. Prints one JSON line with the wall and CPU time and the process's true peak RSS (VmHWM
// from /proc: the kernel's high-water mark, which counts the worker threads and misses no spike,
// unlike sampling).
import { readFileSync } from 'node:fs';
import { createArchive } from '../../electron/core/services/archive/create';

const kb = (field: string): number => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? NaN);

async function main(): Promise<void> {
  const [dbFile, month, targetDir] = process.argv.slice(2) as [string, string, string];
  const baseKb = kb('VmRSS');
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const created = await createArchive({ dbFile, month, targetDir, createdBy: 'bench', createdAt: Date.now(), appVersion: 'bench' });
  const cpu = process.cpuUsage(c0);
  const out = { wallMs: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000, baseKb, peakKb: kb('VmHWM'), folder: created.folder, counts: created.counts, sizeBytes: created.sizeBytes };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

void main();
