// A small, deterministic ZIP writer and reader for the archive (no ZIP64: an archive is far below
// 4 GB). Entries carry one fixed date, so the same files always give the same bytes. Reading
// streams each entry through inflate, so verifying a zip never holds a whole file in memory.
import { createReadStream, closeSync, fstatSync, openSync, readSync, writeSync } from 'node:fs';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { crc32, createDeflateRaw, createInflateRaw } from 'node:zlib';

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

/**
 * Writes a zip of files (name in the zip → path on disk) to an open file descriptor. Files that
 * are compressed already (XLSX, PDF) are stored; the rest deflated at level 1 (CSV and SQLite
 * shrink ~5× at it, level 6 gains little more and takes three times as long).
 */
export async function writeZip(fd: number, files: { name: string; path: string; store?: boolean }[], onBytes?: (n: number) => void): Promise<void> {
  let position = 0;
  const entries: WrittenEntry[] = [];
  const put = (buf: Buffer, at = position) => {
    let done = 0;
    while (done < buf.length) done += writeSync(fd, buf, done, buf.length - done, at + done);
    return done;
  };
  for (const file of files) {
    const name = Buffer.from(file.name, 'utf8');
    const offset = position;
    // Placeholder header; rewritten with the CRC and sizes once the entry is written.
    const method = file.store ? 0 : 8;
    position += put(localHeader(name, 0, 0, 0, method));
    let crc = 0;
    let size = 0;
    let compressed = 0;
    const count = new Transform({
      transform(chunk: Buffer, _enc, cb) {
        crc = crc32(chunk, crc);
        size += chunk.length;
        onBytes?.(chunk.length);
        cb(null, chunk);
      },
    });
    const sink = new Transform({
      transform(chunk: Buffer, _enc, cb) {
        position += put(chunk);
        compressed += chunk.length;
        cb();
      },
    });
    if (method === 8) await pipeline(createReadStream(file.path, { highWaterMark: 1 << 20 }), count, createDeflateRaw({ level: 1 }), sink);
    else await pipeline(createReadStream(file.path, { highWaterMark: 1 << 20 }), count, sink);
    put(localHeader(name, crc, compressed, size, method), offset);
    entries.push({ name, method, crc, compressed, size, offset });
  }
  const cdStart = position;
  for (const e of entries) {
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
    position += put(Buffer.concat([c, e.name]));
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(position - cdStart, 12);
  end.writeUInt32LE(cdStart, 16);
  put(end);
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
