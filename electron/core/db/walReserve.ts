// The WAL's file, written ahead of the commits that will land in it.
//
// SQLite deletes the WAL at the last close, so each start begins with an empty file, and until the
// WAL first starts over from its beginning every commit appends past the file's end: its fsync
// then also commits the file system's journal (the new size, the new blocks). Measured on this
// machine's disk, 27 frames (a ticket's creation) appended and synced: p99 4-6 ms; the same frames
// written over blocks already written: p99 0.5-2 ms. On the 1M-ticket centre the slowest creates
// spent their time in exactly that COMMIT. SQLite's own SQLITE_FCNTL_CHUNK_SIZE or PERSIST_WAL
// would keep the file allocated, but better-sqlite3 does not expose them; so zeros are written from
// the WAL file's end up to the size it works in, once per start.
//
// Each slice is synced before the next is written, so a commit that lands meanwhile (its fsync
// flushes the whole file) finds at most one slice of zeros to flush with its frames.
//
// Zeros past the last frame are what SQLite ignores anyway: a frame counts only with the header's
// salts and a running checksum, recovery stops at the first frame without them, and a WAL that
// has started over always holds stale frames there.
//
// Safety: no connection may append a frame while the end is extended. Each slice runs on the main
// thread between two of its transactions and holds the WAL write lock (BEGIN IMMEDIATE, which
// writes nothing itself) on the main connection: another connection (the customer import's, the
// CLI's) that holds it makes the slice wait for a later turn instead.
import { closeSync, fdatasync, fstatSync, openSync, writeSync } from 'node:fs';
import type { Db } from './open';

/** Zeros per slice: a slice keeps the main thread about a millisecond. */
export const RESERVE_SLICE_BYTES = 256 * 1024;
/** When another connection holds the write lock: try again this much later. */
const BUSY_RETRY_MS = 200;

export interface WalReserve {
  /** Resolves once the file is reserved (or the reserve was stopped). */
  readonly done: Promise<void>;
  /** Stops between two slices (before the database closes). */
  stop(): void;
}

export function reserveWal(db: Db, bytes: number): WalReserve {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  let fd: number | null = null;
  const end = () => {
    if (fd !== null) closeSync(fd);
    fd = null;
    finish();
  };
  const zeros = Buffer.alloc(RESERVE_SLICE_BYTES);
  // unref(): a reserve under way never keeps a process (the CLI, a test) alive.
  const next = (ms: number) => (timer = setTimeout(slice, ms).unref());
  const slice = () => {
    timer = null;
    if (stopped || !db.open) return end();
    // Not waiting busy_timeout for another connection's lock: the main thread would stand still.
    const wait = db.pragma('busy_timeout', { simple: true }) as number;
    db.pragma('busy_timeout = 0');
    try {
      db.exec('BEGIN IMMEDIATE');
    } catch {
      // Busy: another connection is writing (an import holds it for its whole transaction).
      next(BUSY_RETRY_MS);
      return;
    } finally {
      db.pragma(`busy_timeout = ${wait}`);
    }
    let n = 0;
    try {
      fd ??= openSync(`${db.name}-wal`, 'r+');
      const size = fstatSync(fd).size;
      n = Math.min(RESERVE_SLICE_BYTES, bytes - size);
      if (n > 0) writeSync(fd, zeros, 0, n, size);
    } catch {
      // No WAL file or no room on the disk: commits append to the file as SQLite does by default.
      n = 0;
    } finally {
      db.exec('COMMIT');
    }
    if (n <= 0) return end();
    // Each slice reaches the disk before the next is written, outside the lock and off the main
    // thread: a commit meanwhile syncs the WAL file, and must not find megabytes of zeros to flush.
    fdatasync(fd!, () => next(0));
  };
  next(0);
  return {
    done,
    stop() {
      stopped = true;
      if (timer) {
        clearTimeout(timer);
        timer = null;
        end();
      }
    },
  };
}
