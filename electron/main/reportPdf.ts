// The printable report (the renderer's report page) to a PDF file with Chromium's printToPDF:
// A4, backgrounds on, written to a temp name, fsynced, then renamed (never a half-written PDF).
// Thin on purpose: the page decides what is printed (its print CSS hides the toolbar).
import { closeSync, fsyncSync, openSync, renameSync, writeSync } from 'node:fs';
import type { WebContents } from 'electron';

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
