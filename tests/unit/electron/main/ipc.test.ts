import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from '../../../../shared/bridge';
import type { AppEvent } from '../../../../shared/contract';
import type { Result } from '../../../../shared/result';
import { BrowserWindow, FakeWebContents, ipcMain, resetElectronMock } from '../electron-mock';
import { broadcast, checkSender, createInvokeHandler, registerIpc, type InvokableCore } from '../../../../electron/main/ipc';
import type { AppOrigin } from '../../../../electron/main/security';

vi.mock('electron', () => import('../electron-mock'));

const rendererDir = join('/app', 'out', 'renderer');
const origin: AppOrigin = { rendererDir };
const appPage = pathToFileURL(join(rendererDir, 'index.html')).toString();

function fakeCore() {
  let listener: ((e: AppEvent) => void) | null = null;
  const core = {
    invoke: vi.fn((): Result<unknown> => ({ ok: true, value: 'done' })),
    on: vi.fn((l: (e: AppEvent) => void) => {
      listener = l;
      return () => {
        listener = null;
      };
    }),
    logger: { error: vi.fn() },
    emit: (e: AppEvent) => listener?.(e),
    hasListener: () => listener !== null,
  };
  return core satisfies InvokableCore;
}

beforeEach(() => resetElectronMock());

describe('checkSender', () => {
  it('trusts a frame showing one of our pages', () => expect(checkSender({ url: appPage }, origin)).toBeNull());
  it('refuses a frame that is gone', () => {
    for (const frame of [null, undefined]) {
      const r = checkSender(frame, origin);
      expect(r?.ok).toBe(false);
      expect(r?.error.code).toBe('FORBIDDEN');
      expect(r?.error.messageKey).toBe('errors.untrustedSender');
    }
  });
  it('refuses a frame on any other URL, naming it', () => {
    const r = checkSender({ url: 'https://evil.example/' }, origin);
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', messageKey: 'errors.untrustedSender' } });
    expect(r?.error.message).toContain('https://evil.example/');
    expect(checkSender({ url: '' }, origin)?.error.code).toBe('FORBIDDEN');
  });
});

describe('the invoke handler', () => {
  it('delegates to core.invoke for a trusted sender', () => {
    const core = fakeCore();
    const handle = createInvokeHandler(core, origin);
    expect(handle({ senderFrame: { url: appPage } }, 'app.status', {})).toEqual({ ok: true, value: 'done' });
    expect(core.invoke).toHaveBeenCalledWith('app.status', {});
  });
  it('never reaches the core for an untrusted or missing sender', () => {
    const core = fakeCore();
    const handle = createInvokeHandler(core, origin);
    expect(handle({ senderFrame: { url: 'https://evil.example/' } }, 'users.list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(handle({ senderFrame: null }, 'users.list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(core.invoke).not.toHaveBeenCalled();
  });
  it('turns an exception from the core into an INTERNAL envelope and logs it', () => {
    const core = fakeCore();
    core.invoke.mockImplementation(() => {
      throw new Error('boom');
    });
    const r = createInvokeHandler(core, origin)({ senderFrame: { url: appPage } }, 'app.status', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(core.logger.error).toHaveBeenCalled();
  });
});

describe('broadcast', () => {
  const event: AppEvent = { type: 'users.changed' };
  it('sends to every live app page on the one event channel', () => {
    const a = Object.assign(new FakeWebContents(), { url: appPage });
    const b = Object.assign(new FakeWebContents(), { url: `${pathToFileURL(join(rendererDir, 'wallboard.html'))}` });
    broadcast([a, b], event, origin);
    expect(a.send).toHaveBeenCalledWith(IPC_EVENT_CHANNEL, event);
    expect(b.send).toHaveBeenCalledWith(IPC_EVENT_CHANNEL, event);
  });
  it('skips destroyed contents and anything not showing our pages', () => {
    const gone = Object.assign(new FakeWebContents(), { url: appPage, destroyed: true });
    const foreign = Object.assign(new FakeWebContents(), { url: 'https://evil.example/' });
    broadcast([gone, foreign], event, origin);
    expect(gone.send).not.toHaveBeenCalled();
    expect(foreign.send).not.toHaveBeenCalled();
  });
});

describe('registerIpc', () => {
  it('handles kefu:invoke with the sender check', () => {
    const core = fakeCore();
    registerIpc(core, origin);
    const handler = ipcMain.handlers.get(IPC_INVOKE_CHANNEL);
    expect(IPC_INVOKE_CHANNEL).toBe('kefu:invoke');
    expect(handler?.({ senderFrame: { url: appPage } }, 'app.status', {})).toEqual({ ok: true, value: 'done' });
    expect(handler?.({ senderFrame: { url: 'https://evil.example/' } }, 'app.status', {})).toMatchObject({ ok: false });
    expect(core.invoke).toHaveBeenCalledTimes(1);
  });
  it('forwards core events to every app window on kefu:event', () => {
    const core = fakeCore();
    registerIpc(core, origin);
    const main = new BrowserWindow({});
    main.webContents.url = appPage;
    const closed = new BrowserWindow({});
    closed.destroyed = true;
    core.emit({ type: 'users.changed' });
    expect(IPC_EVENT_CHANNEL).toBe('kefu:event');
    expect(main.webContents.send).toHaveBeenCalledWith('kefu:event', { type: 'users.changed' });
    expect(closed.webContents.send).not.toHaveBeenCalled();
  });
  it('undoes both when disposed', () => {
    const core = fakeCore();
    const dispose = registerIpc(core, origin);
    dispose();
    expect(ipcMain.handlers.has(IPC_INVOKE_CHANNEL)).toBe(false);
    expect(core.hasListener()).toBe(false);
  });
});
