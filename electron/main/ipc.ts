// The one door from the renderers into the core: ipcMain.handle('kefu:invoke') → core.invoke,
// after making sure the call comes from one of the app's own pages. Core events go out to every
// app window on one channel, 'kefu:event'; the preload filters them by type.
import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from '../../shared/bridge';
import type { AppEvent } from '../../shared/contract';
import { fail, type AppError, type Result } from '../../shared/result';
import { isAppUrl, type AppOrigin } from './security';

/** The slice of the core the IPC layer needs; a fake in tests. */
export interface InvokableCore {
  /** The core's queued door (core.invokeQueued): a call during an import waits for it, then runs. */
  invoke(method: unknown, input: unknown): Result<unknown> | Promise<Result<unknown>>;
  on(listener: (event: AppEvent) => void): () => void;
  readonly logger: { error(message: string, context?: Record<string, unknown>): void };
}

/** What we need to know of the calling frame; `null` when it navigated away or was destroyed. */
export type SenderFrame = { readonly url: string } | null | undefined;

/** null when the sender is one of our pages; otherwise the FORBIDDEN envelope to answer with. */
export function checkSender(frame: SenderFrame, origin: AppOrigin): { ok: false; error: AppError } | null {
  if (frame && isAppUrl(frame.url, origin)) return null;
  return fail(
    'FORBIDDEN',
    'errors.untrustedSender',
    // The URL helps whoever reads the log; it is not secret, the page itself sent it.
    `Refused a call from ${frame ? frame.url || 'a frame without a URL' : 'a frame that is gone'}: not a Kefu Desk page.`,
  );
}

/** The ipcMain handler, separate from its registration so a test can call it with fake events. */
export function createInvokeHandler(core: InvokableCore, origin: AppOrigin) {
  return function handleInvoke(event: { senderFrame: SenderFrame }, method: unknown, input: unknown): Result<unknown> | Promise<Result<unknown>> {
    const refused = checkSender(event.senderFrame, origin);
    if (refused) return refused;
    // The core promises not to throw; if it ever does, the renderer still gets an envelope
    // instead of a rejected promise with a main-process stack in it.
    const threw = (err: unknown) => {
      core.logger.error('core.invoke threw', { method: String(method), error: String(err) });
      return fail('INTERNAL', 'errors.internal', `Unexpected failure in ${String(method)}.`);
    };
    try {
      const r = core.invoke(method, input);
      return r instanceof Promise ? r.catch(threw) : r;
    } catch (err) {
      return threw(err);
    }
  };
}

/** Something that can receive pushed events; a BrowserWindow's webContents in the app. */
export interface EventRecipient {
  isDestroyed(): boolean;
  getURL(): string;
  send(channel: string, event: AppEvent): void;
}

/** Sends an event to every target that currently shows one of our pages (never to anything else). */
export function broadcast(targets: readonly EventRecipient[], event: AppEvent, origin: AppOrigin): void {
  for (const target of targets) {
    if (!target.isDestroyed() && isAppUrl(target.getURL(), origin)) target.send(IPC_EVENT_CHANNEL, event);
  }
}

/** Wires the handler and the event broadcast; returns the undo (used on quit and in tests). */
export function registerIpc(core: InvokableCore, origin: AppOrigin): () => void {
  const handleInvoke = createInvokeHandler(core, origin);
  ipcMain.handle(IPC_INVOKE_CHANNEL, (event: IpcMainInvokeEvent, method: unknown, input: unknown) =>
    handleInvoke(event, method, input),
  );
  const unsubscribe = core.on((event) =>
    broadcast(
      BrowserWindow.getAllWindows().map((w) => w.webContents),
      event,
      origin,
    ),
  );
  return () => {
    unsubscribe();
    ipcMain.removeHandler(IPC_INVOKE_CHANNEL);
  };
}
