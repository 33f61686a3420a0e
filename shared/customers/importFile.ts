// Pieces of reading an import file shared by the core (which reads the uploaded bytes, see
// electron/core/services/customerImportFile.ts) and the renderer (which uploads them): how a cell
// becomes text, how CSV bytes are decoded, how uploads and rows are cut into bridge-sized calls.

/** The first bytes of every zip, hence of every .xlsx. */
const isZip = (b: Uint8Array) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

export type ImportFileKind = 'xlsx' | 'csv';

export class ImportFileError extends Error {
  constructor(
    readonly messageKey: string,
    message: string,
  ) {
    super(message);
  }
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The text of one cell as the admin sees it in Excel: dates as YYYY-MM-DD (exceljs gives the
 * cell's calendar date at UTC midnight), numbers without exponent or float noise, rich text
 * joined, a formula's cached result, a hyperlink's text.
 */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isInteger(v) ? v.toFixed(0) : String(Number(v.toPrecision(15)));
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return '';
    const date = `${v.getUTCFullYear()}-${pad(v.getUTCMonth() + 1)}-${pad(v.getUTCDate())}`;
    const secs = v.getUTCHours() * 3600 + v.getUTCMinutes() * 60 + v.getUTCSeconds();
    return secs === 0 ? date : `${date} ${pad(v.getUTCHours())}:${pad(v.getUTCMinutes())}`;
  }
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: string };
    if (Array.isArray(o.richText)) return o.richText.map((r) => r.text).join('');
    if ('result' in o) return cellText(o.result);
    if (o.text !== undefined) return cellText(o.text);
    if (o.error) return '';
  }
  return String(v);
}

export function fileKind(bytes: Uint8Array): ImportFileKind {
  return isZip(bytes) ? 'xlsx' : 'csv';
}

/** CSV text: UTF-8 (BOM or not) when valid, else GB18030. */
export function decodeCsv(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** Bytes per `import.upload` call: base64 makes 4/3 of it, well under the bridge's 256 KB. */
export const UPLOAD_PART_BYTES = 150 * 1024;

/**
 * The rows cut into `import.stage` calls: each call stays well under the bridge's 256 KB input
 * limit (measured as JSON, which is what the registry measures) and the contract's 5,000 rows.
 */
export function stageChunks(rows: readonly string[][], maxChars = 200_000, maxRows = 5000): string[][][] {
  const chunks: string[][][] = [];
  let chunk: string[][] = [];
  let size = 0;
  for (const r of rows) {
    const n = JSON.stringify(r).length + 1;
    if (chunk.length && (size + n > maxChars || chunk.length >= maxRows)) {
      chunks.push(chunk);
      chunk = [];
      size = 0;
    }
    chunk.push(r);
    size += n;
  }
  if (chunk.length) chunks.push(chunk);
  return chunks;
}
