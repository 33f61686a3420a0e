import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { WebContents } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_REPORT_PDF_CHANNEL } from '../../../../shared/bridge';
import { createReportPdfHandler, pdfFileName, registerReportPdf, saveReportPdf } from '../../../../electron/main/reportPdf';
import type { AppOrigin } from '../../../../electron/main/security';
import { ipcMain, resetElectronMock } from '../electron-mock';

vi.mock('electron', () => import('../electron-mock'));
beforeEach(() => resetElectronMock());

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

describe('the report page asks for its PDF over its own channel', () => {
  const origin: AppOrigin = { rendererDir: join('/app', 'out', 'renderer') };
  const appPage = pathToFileURL(join(origin.rendererDir, 'index.html')).toString();
  const sender = (print: () => Promise<Buffer>) => ({ printToPDF: vi.fn(print) }) as unknown as WebContents & { printToPDF: ReturnType<typeof vi.fn> };

  it('a trusted page: asks where with a name from its title, prints that page there, answers the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kefu-pdf-'));
    dirs.push(dir);
    const file = join(dir, '周报 2026-03-02.pdf');
    const askFile = vi.fn(async () => file);
    const handle = createReportPdfHandler({ origin, askFile, logError: vi.fn() });
    const contents = sender(async () => Buffer.from('%PDF-1.7 weekly'));
    const r = await handle({ senderFrame: { url: appPage }, sender: contents }, '周报 2026-03-02 / 上海客服中心');
    expect(r).toEqual({ ok: true, value: { file } });
    expect(askFile).toHaveBeenCalledWith(contents, '周报 2026-03-02 上海客服中心.pdf');
    expect(contents.printToPDF).toHaveBeenCalledWith({ pageSize: 'A4', printBackground: true });
    expect(readFileSync(file, 'utf8')).toBe('%PDF-1.7 weekly');
  });

  it('cancelled: nothing printed, null; another page: FORBIDDEN, no dialog', async () => {
    const askFile = vi.fn(async (): Promise<string | null> => null);
    const handle = createReportPdfHandler({ origin, askFile, logError: vi.fn() });
    const contents = sender(async () => Buffer.from('%PDF'));
    expect(await handle({ senderFrame: { url: appPage }, sender: contents }, 'r')).toEqual({ ok: true, value: null });
    expect(contents.printToPDF).not.toHaveBeenCalled();
    askFile.mockClear();
    const r = await handle({ senderFrame: { url: 'https://evil.example/' }, sender: contents }, 'r');
    expect(r.ok ? null : r.error.code).toBe('FORBIDDEN');
    expect(askFile).not.toHaveBeenCalled();
  });

  it('a failed print is a translated error envelope, logged, with no file left', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kefu-pdf-'));
    dirs.push(dir);
    const logError = vi.fn();
    const handle = createReportPdfHandler({ origin, askFile: async () => join(dir, 'r.pdf'), logError });
    const r = await handle({ senderFrame: { url: appPage }, sender: sender(async () => Promise.reject(new Error('renderer gone'))) }, 'r');
    expect(r).toMatchObject({ ok: false, error: { code: 'INTERNAL', messageKey: 'errors.reportPdfFailed' } });
    expect(logError).toHaveBeenCalledTimes(1);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('registers on kefu:report-pdf, the channel the preload uses, and unregisters', () => {
    const undo = registerReportPdf(origin, vi.fn());
    expect(IPC_REPORT_PDF_CHANNEL).toBe('kefu:report-pdf');
    expect(ipcMain.handlers.has(IPC_REPORT_PDF_CHANNEL)).toBe(true);
    undo();
    expect(ipcMain.handlers.has(IPC_REPORT_PDF_CHANNEL)).toBe(false);
  });

  it('file names from titles carry no path and always end in .pdf', () => {
    expect(pdfFileName('..\\..\\evil:name?')).toBe('.. .. evil name.pdf');
    expect(pdfFileName('')).toBe('report.pdf');
    expect(pdfFileName(42)).toBe('report.pdf');
  });
});
