// The sandboxed preload: puts exactly `window.kefu = { invoke, on }` into the page and nothing
// else. The page never sees ipcRenderer, channel names or the IPC event object, so a script
// injected into it cannot talk to other channels or fake a sender.
//
// Only 'electron' may be imported at run time: a sandboxed preload gets a tiny require() that
// knows no other module. Types from shared/ are erased by the compiler, so they are fine.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { AppEventListener, KefuBridge, ReportPdfResult } from '../../shared/bridge';
import type { AppEvent, AppEventType, MethodInput, MethodName, MethodOutput } from '../../shared/contract';
import type { Result } from '../../shared/result';

// Same strings as IPC_INVOKE_CHANNEL / IPC_EVENT_CHANNEL / IPC_REPORT_PDF_CHANNEL in shared/bridge.ts
// (a unit test keeps them equal); repeated here because importing a value would need a require()
// the sandbox lacks.
const INVOKE_CHANNEL = 'kefu:invoke';
const EVENT_CHANNEL = 'kefu:event';
const REPORT_PDF_CHANNEL = 'kefu:report-pdf';

function invoke<M extends MethodName>(method: M, input: MethodInput<M>): Promise<Result<MethodOutput<M>>> {
  return ipcRenderer.invoke(INVOKE_CHANNEL, method, input) as Promise<Result<MethodOutput<M>>>;
}

function on<T extends AppEventType>(type: T, fn: AppEventListener<T>): () => void {
  if (typeof type !== 'string' || typeof fn !== 'function') {
    throw new TypeError('kefu.on(type, fn) needs an event type string and a function.');
  }
  // Our own wrapper, created in the isolated world: removing it later is reliable, whereas the
  // page's `fn` reaches us as a fresh proxy on every call and could not be matched for removal.
  function deliver(_event: IpcRendererEvent, appEvent: AppEvent): void {
    if (appEvent.type === type) fn(appEvent as Extract<AppEvent, { type: T }>);
  }
  ipcRenderer.on(EVENT_CHANNEL, deliver);
  return function unsubscribe(): void {
    ipcRenderer.removeListener(EVENT_CHANNEL, deliver);
  };
}

function saveReportPdf(title: string): Promise<Result<ReportPdfResult>> {
  return ipcRenderer.invoke(REPORT_PDF_CHANNEL, String(title)) as Promise<Result<ReportPdfResult>>;
}

const kefu: KefuBridge = { invoke, on, saveReportPdf };
contextBridge.exposeInMainWorld('kefu', kefu);
