import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { saveReportPdf } from '../../../../electron/main/reportPdf';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('saveReportPdf', () => {
  it('asks Chromium for an A4 PDF with backgrounds and writes it whole, leaving no temp file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kefu-pdf-'));
    dirs.push(dir);
    const asked: unknown[] = [];
    const file = join(dir, '周报.pdf');
    await saveReportPdf({ printToPDF: async (o) => (asked.push(o), Buffer.from('%PDF-1.7 report')) }, file);
    expect(readFileSync(file, 'utf8')).toBe('%PDF-1.7 report');
    expect(asked).toEqual([expect.objectContaining({ pageSize: 'A4', printBackground: true })]);
    expect(readdirSync(dir)).toEqual(['周报.pdf']);
  });

  it('a failed print leaves no file behind', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kefu-pdf-'));
    dirs.push(dir);
    const file = join(dir, 'r.pdf');
    await expect(saveReportPdf({ printToPDF: async () => Promise.reject(new Error('renderer gone')) }, file)).rejects.toThrow('renderer gone');
    expect(existsSync(file)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });
});
