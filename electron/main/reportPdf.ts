// The printable report (the renderer's report page) to a PDF file with Chromium's printToPDF:
// A4, backgrounds on, written to a temp name, fsynced, then renamed (never a half-written PDF).
// Thin on purpose: the page decides what is printed (its print CSS hides the toolbar).
// The report page asks for it over its own typed channel (shared/bridge.ts, IPC_REPORT_PDF_CHANNEL):
// the same sender check as every call, then a save dialog, then the page that asked is printed.
import { closeSync, fsyncSync, openSync, renameSync, writeSync } from 'node:fs';
import { BrowserWindow, dialog, ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { IPC_REPORT_PDF_CHANNEL, type ReportPdfResult } from '../../shared/bridge';
import { fail, ok, type Result } from '../../shared/result';
import { checkSender, type SenderFrame } from './ipc';
import type { AppOrigin } from './security';

export type PdfSource = Pick<WebContents, 'printToPDF'>;

export async function saveReportPdf(contents: PdfSource, file: string): Promise<void> {
  const pdf = await contents.printToPDF({ pageSize: 'A4', printBackground: true });
  const temp = `${file}.${process.pid}.tmp`;
  const fd = openSync(temp, 'w');
  try {
    writeSync(fd, pdf);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, file);
}

/** A file name from the page's title: no path, nothing Windows refuses, always .pdf. */
export function pdfFileName(title: unknown): string {
  const base = (typeof title === 'string' ? title : '')
    // eslint-disable-next-line no-control-regex -- control characters are exactly what Windows refuses in names
    .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 100);
  return `${base || 'report'}.pdf`;
}

export interface ReportPdfDeps {
  origin: AppOrigin;
  /** Asks where to save (the native save dialog in the app); null when the person cancelled. */
  askFile(sender: WebContents, suggested: string): Promise<string | null>;
  logError(message: string, context?: Record<string, unknown>): void;
}

/** The handler, separate from its registration so a test can call it with fake events. */
export function createReportPdfHandler(deps: ReportPdfDeps) {
  return async function handleReportPdf(event: { senderFrame: SenderFrame; sender: WebContents }, title: unknown): Promise<Result<ReportPdfResult>> {
    const refused = checkSender(event.senderFrame, deps.origin);
    if (refused) return refused;
    let file: string | null = null;
    try {
      file = await deps.askFile(event.sender, pdfFileName(title));
      if (!file) return ok(null);
      await saveReportPdf(event.sender, file);
      return ok({ file });
    } catch (err) {
      deps.logError('Saving the report as PDF failed', { file, error: String(err) });
      return fail('INTERNAL', 'errors.reportPdfFailed', `Could not save the report as PDF: ${String(err)}`);
    }
  };
}

async function askWithSaveDialog(sender: WebContents, suggested: string): Promise<string | null> {
  const win = BrowserWindow.fromWebContents(sender);
  const options = { defaultPath: suggested, filters: [{ name: 'PDF', extensions: ['pdf'] }] };
  const r = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
  return r.canceled || !r.filePath ? null : r.filePath;
}

/** Wires the report page's PDF channel; returns the undo. */
export function registerReportPdf(origin: AppOrigin, logError: ReportPdfDeps['logError']): () => void {
  const handle = createReportPdfHandler({ origin, askFile: askWithSaveDialog, logError });
  ipcMain.handle(IPC_REPORT_PDF_CHANNEL, (event: IpcMainInvokeEvent, title: unknown) => handle(event, title));
  return () => ipcMain.removeHandler(IPC_REPORT_PDF_CHANNEL);
}
