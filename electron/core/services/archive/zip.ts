// A small, deterministic ZIP writer and reader for the archive (no ZIP64: an archive is far below
// 4 GB). Entries carry one fixed date, so the same files always give the same bytes. Reading
// streams each entry through inflate, so verifying a zip never holds a whole file in memory.
import { createReadStream, closeSync, fstatSync, openSync, readSync, writeSync } from 'node:fs';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { crc32, createDeflateRaw, createInflateRaw } from 'node:zlib';
import { createHash } from 'node:crypto';

/** 1980-01-01 00:00, the earliest DOS date: the entries' fixed time. */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

interface WrittenEntry {
  name: Buffer;
  method: number;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
}

function localHeader(name: Buffer, crc: number, compressed: number, size: number, method: number): Buffer {
  const h = Buffer.alloc(30);
  h.writeUInt32LE(0x04034b50, 0);
  h.writeUInt16LE(20, 4); // version needed
  h.writeUInt16LE(0x0800, 6); // UTF-8 names
  h.writeUInt16LE(method, 8); // 0 store, 8 deflate
  h.writeUInt16LE(DOS_TIME, 10);
  h.writeUInt16LE(DOS_DATE, 12);
  h.writeUInt32LE(crc >>> 0, 14);
  h.writeUInt32LE(compressed, 18);
  h.writeUInt32LE(size, 22);
  h.writeUInt16LE(name.length, 26);
  h.writeUInt16LE(0, 28);
  return Buffer.concat([h, name]);
}

/** A file's raw deflate stream on disk, with the CRC and size of what it inflates to. */
export interface DeflatedPart {
  path: string;
  crc: number;
  size: number;
  compressed: number;
}

/** One entry being written: text or bytes in, compressed into the zip as they come. */
export interface ZipEntrySink {
  write(chunk: Buffer | string): Promise<void>;
  end(): Promise<void>;
}

/**
 * A zip written front to back into an open file descriptor, one entry at a time: each entry's
 * local header is written as a placeholder and rewritten with its CRC and sizes once it ends, so
 * an entry can be streamed (an XLSX sheet, a CSV) without knowing its size first. Files that are
 * compressed already (XLSX, PDF) are stored; the rest deflated at level 1 (CSV and SQLite shrink
 * ~5x at it, level 6 gains little more and takes three times as long). Deflate runs in libuv's
 * thread pool, beside the thread producing the text.
 */
export class ZipWriter {
  private position = 0;
  private readonly entries: WrittenEntry[] = [];
  private open = false;

  constructor(private readonly fd: number) {}

  private put(buf: Buffer, at = this.position): number {
    let done = 0;
    while (done < buf.length) done += writeSync(this.fd, buf, done, buf.length - done, at + done);
    return done;
  }

  entry(fileName: string, store = false): ZipEntrySink {
    if (this.open) throw new Error('A zip entry is still being written.');
    this.open = true;
    const name = Buffer.from(fileName, 'utf8');
    const offset = this.position;
    const method = store ? 0 : 8;
    this.position += this.put(localHeader(name, 0, 0, 0, method));
    let crc = 0;
    let size = 0;
    let compressed = 0;
    const out = (chunk: Buffer) => {
      this.position += this.put(chunk);
      compressed += chunk.length;
    };
    const deflate = method === 8 ? createDeflateRaw({ level: 1 }) : null;
    deflate?.on('data', out);
    const finish = () => {
      this.put(localHeader(name, crc, compressed, size, method), offset);
      this.entries.push({ name, method, crc, compressed, size, offset });
      this.open = false;
    };
    return {
      write: (chunk) => {
        const buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
        crc = crc32(buf, crc);
        size += buf.length;
        if (!deflate) {
          out(buf);
          return Promise.resolve();
        }
        return new Promise<void>((resolve, reject) => {
          deflate.write(buf, (err) => (err ? reject(err) : resolve()));
        });
      },
      end: () =>
        new Promise<void>((resolve, reject) => {
          if (!deflate) {
            finish();
            resolve();
            return;
          }
          deflate.once('error', reject);
          deflate.once('end', () => {
            finish();
            resolve();
          });
          deflate.end();
        }),
    };
  }

  /** Adds a file from disk; gives back its SHA-256, taken on the same read (the bag's manifest). */
  async addFile(fileName: string, path: string, store = false): Promise<string> {
    const sink = this.entry(fileName, store);
    const hash = createHash('sha256');
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
      hash.update(chunk as Buffer);
      await sink.write(chunk as Buffer);
    }
    await sink.end();
    return hash.digest('hex');
  }

  /**
   * Adds an entry whose raw deflate stream was made already (the archive worker deflates each CSV
   * while writing it): the bytes are copied as they are.
   */
  async addDeflated(fileName: string, part: DeflatedPart): Promise<void> {
    if (this.open) throw new Error('A zip entry is still being written.');
    const name = Buffer.from(fileName, 'utf8');
    const offset = this.position;
    this.position += this.put(localHeader(name, part.crc, part.compressed, part.size, 8));
    for await (const chunk of createReadStream(part.path, { highWaterMark: 1 << 20 })) this.position += this.put(chunk as Buffer);
    this.entries.push({ name, method: 8, crc: part.crc, compressed: part.compressed, size: part.size, offset });
  }

  /** Writes the central directory; the zip is complete. */
  finish(): void {
    const cdStart = this.position;
    for (const e of this.entries) {
      const c = Buffer.alloc(46);
      c.writeUInt32LE(0x02014b50, 0);
      c.writeUInt16LE(20, 4); // made by
      c.writeUInt16LE(20, 6);
      c.writeUInt16LE(0x0800, 8);
      c.writeUInt16LE(e.method, 10);
      c.writeUInt16LE(DOS_TIME, 12);
      c.writeUInt16LE(DOS_DATE, 14);
      c.writeUInt32LE(e.crc >>> 0, 16);
      c.writeUInt32LE(e.compressed, 20);
      c.writeUInt32LE(e.size, 24);
      c.writeUInt16LE(e.name.length, 28);
      c.writeUInt32LE(e.offset, 42);
      this.position += this.put(Buffer.concat([c, e.name]));
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(this.position - cdStart, 12);
    end.writeUInt32LE(cdStart, 16);
    this.put(end);
  }
}

/** Writes a zip of files (name in the zip -> path on disk) to an open file descriptor. */
export async function writeZip(fd: number, files: { name: string; path: string; store?: boolean }[]): Promise<void> {
  const zip = new ZipWriter(fd);
  for (const file of files) await zip.addFile(file.name, file.path, file.store);
  zip.finish();
}

export interface ZipEntry {
  name: string;
  method: number;
  crc: number;
  compressed: number;
  size: number;
  /** Offset of the local header. */
  offset: number;
  /** Where the central directory keeps this entry's date and time (for normaliseZipDates). */
  centralAt: number;
}

function readAt(fd: number, length: number, position: number): Buffer {
  const buf = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const n = readSync(fd, buf, done, length - done, position + done);
    if (n === 0) break;
    done += n;
  }
  return buf.subarray(0, done);
}

/** The entries of a zip file, from its central directory. Throws on a file that is not a zip. */
export function listZip(path: string): ZipEntry[] {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const tailLen = Math.min(size, 22 + 65535);
    const tail = readAt(fd, tailLen, size - tailLen);
    let eocd = -1;
    for (let i = tail.length - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === 0x06054b50) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw new Error(`${path} is not a zip file (no end of central directory).`);
    const count = tail.readUInt16LE(eocd + 10);
    const cdSize = tail.readUInt32LE(eocd + 12);
    const cdStart = tail.readUInt32LE(eocd + 16);
    const cd = readAt(fd, cdSize, cdStart);
    const entries: ZipEntry[] = [];
    let p = 0;
    for (let i = 0; i < count; i++) {
      if (cd.readUInt32LE(p) !== 0x02014b50) throw new Error(`${path}: damaged central directory at entry ${i}.`);
      const nameLen = cd.readUInt16LE(p + 28);
      const extraLen = cd.readUInt16LE(p + 30);
      const commentLen = cd.readUInt16LE(p + 32);
      entries.push({
        name: cd.toString('utf8', p + 46, p + 46 + nameLen),
        method: cd.readUInt16LE(p + 10),
        crc: cd.readUInt32LE(p + 16),
        compressed: cd.readUInt32LE(p + 20),
        size: cd.readUInt32LE(p + 24),
        offset: cd.readUInt32LE(p + 42),
        centralAt: cdStart + p + 12,
      });
      p += 46 + nameLen + extraLen + commentLen;
    }
    return entries;
  } finally {
    closeSync(fd);
  }
}

/** Streams one entry's uncompressed bytes to `onChunk`. */
export async function readZipEntry(path: string, entry: ZipEntry, onChunk: (chunk: Buffer) => void): Promise<void> {
  const fd = openSync(path, 'r');
  let dataStart: number;
  try {
    const h = readAt(fd, 30, entry.offset);
    if (h.readUInt32LE(0) !== 0x04034b50) throw new Error(`${path}: damaged local header of ${entry.name}.`);
    dataStart = entry.offset + 30 + h.readUInt16LE(26) + h.readUInt16LE(28);
  } finally {
    closeSync(fd);
  }
  const sink = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      onChunk(chunk);
      cb();
    },
  });
  if (entry.compressed === 0) return;
  const raw = createReadStream(path, { start: dataStart, end: dataStart + entry.compressed - 1 });
  if (entry.method === 0) await pipeline(raw, sink);
  else if (entry.method === 8) await pipeline(raw, createInflateRaw(), sink);
  else throw new Error(`${path}: ${entry.name} uses compression method ${entry.method}, which is not supported.`);
}

export async function readZipEntryText(path: string, entry: ZipEntry): Promise<string> {
  const parts: Buffer[] = [];
  await readZipEntry(path, entry, (c) => parts.push(c));
  return Buffer.concat(parts).toString('utf8');
}

/**
 * Sets every entry's date in a zip written by someone else (exceljs' archiver stamps the current
 * time) to the fixed date, in place: the only bytes of an XLSX that change between two runs.
 */
export function normaliseZipDates(path: string): void {
  const entries = listZip(path);
  const fd = openSync(path, 'r+');
  try {
    const stamp = Buffer.alloc(4);
    stamp.writeUInt16LE(DOS_TIME, 0);
    stamp.writeUInt16LE(DOS_DATE, 2);
    for (const e of entries) {
      writeSync(fd, stamp, 0, 4, e.centralAt);
      writeSync(fd, stamp, 0, 4, e.offset + 10);
    }
  } finally {
    closeSync(fd);
  }
}
