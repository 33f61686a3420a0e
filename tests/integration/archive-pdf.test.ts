// report.pdf in the archive, printed the way the app prints it: Chromium renders the report's HTML
// to A4 (Electron's printToPDF in the app is Chromium's printing; here the Chromium the e2e tests
// drive, through Playwright's page.pdf with the same page size and backgrounds). The file must be a
// real PDF whose text an independent tool (pdftotext, poppler-utils) reads back.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbFileIn } from '../../electron/core/paths';
import { createArchive } from '../../electron/core/services/archive/create';
import type { PdfPrinter } from '../../electron/core/services/archive/report';
import { verifyArchive } from '../../electron/core/services/archive/verify';
import { CUSTOMER } from './samples';
import { startCore, tempDir, type TestCore } from './helpers';

const CHROMIUM = process.env.KEFU_CHROMIUM ?? '/usr/bin/chromium';
const hasPdftotext = spawnSync('pdftotext', ['-v']).error === undefined;
const out = tempDir('kefu-archive-pdf-');
let t: TestCore;
let browser: Browser;

const printWithChromium: PdfPrinter = async (html) => {
  const page = await browser.newPage();
  try {
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({ format: 'A4', printBackground: true });
  } finally {
    await page.close();
  }
};

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM} (set KEFU_CHROMIUM): the report cannot be printed.`);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  t = await startCore();
  t.clock.set(Date.parse('2026-03-03T09:00:00+08:00'));
  for (let i = 0; i < 3; i++) {
    const row = t.must('tickets.create', { customer: { new: { ...CUSTOMER, phones: [`1380013900${i}`] } }, typeCode: 'password_reset', channel: 'phone', priority: 'normal', subject: `第 ${i} 单`, description: '' });
    t.must('tickets.act', { id: row.id, action: 'accept' });
  }
}, 60_000);
afterAll(async () => {
  await t?.close();
  await browser?.close();
  out.remove();
});

describe('report.pdf', () => {
  it('is in the archive, listed in the manifest, a real PDF whose text reads back', async () => {
    const made = await createArchive({
      dbFile: dbFileIn(t.dir),
      month: '2026-03',
      targetDir: out.dir,
      createdBy: 'test',
      createdAt: Date.now(),
      appVersion: 'test',
      printPdf: printWithChromium,
    });
    expect(made.pdf).toBe(true);
    const pdf = join(made.folder, 'data', 'report.pdf');
    const bytes = readFileSync(pdf);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.subarray(-64).toString('latin1')).toMatch(/%%EOF\s*$/);
    expect(readFileSync(join(made.folder, 'manifest-sha256.txt'), 'utf8')).toMatch(/^[0-9a-f]{64} {2}data\/report\.pdf$/m);
    const report = await verifyArchive(`${made.folder}.zip`);
    expect(report.ok).toBe(true);
    expect(report.files.find((f) => f.path === 'data/report.pdf')).toMatchObject({ ok: true });

    if (!hasPdftotext) {
      console.warn('pdftotext (poppler-utils) is not installed: the PDF text is not read back');
      return;
    }
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('2026-03');
    expect(text).toContain('Monthly report');
    expect(text).toContain('示范客服中心');
    expect(text).toMatch(/受理 Opened/);
    expect(text).toContain("Per-agent deductions");
  }, 60_000);
});
