// The one object the preload puts on `window`: typed from the contract, so a renderer cannot call
// a method that does not exist or pass it the wrong input without a compile error.
// Types only: the preload is sandboxed and may import nothing at run time but 'electron'.
import type { AppEvent, AppEventType, MethodInput, MethodName, MethodOutput } from './contract';
import type { Result } from './result';

/** The listener the renderer registers for one event type; gets only events of that type. */
export type AppEventListener<T extends AppEventType> = (event: Extract<AppEvent, { type: T }>) => void;

export interface KefuBridge {
  /** Calls a core method in the main process. Never rejects for domain failures: they are envelopes. */
  invoke<M extends MethodName>(method: M, input: MethodInput<M>): Promise<Result<MethodOutput<M>>>;
  /** Subscribes to one pushed event type; the returned function unsubscribes (safe to call twice). */
  on<T extends AppEventType>(type: T, fn: AppEventListener<T>): () => void;
  /**
   * Saves the page that calls it (the report page) as an A4 PDF: the main process asks where
   * (a save dialog suggesting `title`.pdf) and prints with printToPDF. null = the person cancelled.
   */
  saveReportPdf(title: string): Promise<Result<ReportPdfResult>>;
}

export type ReportPdfResult = { file: string } | null;

/** The IPC channels between preload and main. The preload repeats these strings (see there). */
export const IPC_INVOKE_CHANNEL = 'kefu:invoke';
export const IPC_EVENT_CHANNEL = 'kefu:event';
export const IPC_REPORT_PDF_CHANNEL = 'kefu:report-pdf';

declare global {
  interface Window {
    kefu: KefuBridge;
  }
}
