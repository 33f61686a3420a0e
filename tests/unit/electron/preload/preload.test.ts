import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { KefuBridge } from '../../../../shared/bridge';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL, IPC_REPORT_PDF_CHANNEL } from '../../../../shared/bridge';
import type { AppEvent } from '../../../../shared/contract';
import { contextBridge, ipcRenderer } from '../electron-mock';

vi.mock('electron', () => import('../electron-mock'));

const source = readFileSync(join(__dirname, '../../../../electron/preload/index.ts'), 'utf8');
/** The code without its // comments, which may well mention require(). */
const code = source.replace(/^\s*\/\/.*$/gm, '');
let kefu: KefuBridge;

beforeAll(async () => {
  await import('../../../../electron/preload/index');
  expect(contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
  const [name, api] = contextBridge.exposeInMainWorld.mock.calls[0] as unknown as [string, KefuBridge];
  expect(name).toBe('kefu');
  kefu = api;
});

const sessionChanged: AppEvent = { type: 'session.changed', user: null };
const usersChanged: AppEvent = { type: 'users.changed' };

describe('the preload bridge', () => {
  it('exposes exactly invoke, on and saveReportPdf, as named functions', () => {
    expect(Object.keys(kefu).sort()).toEqual(['invoke', 'on', 'saveReportPdf']);
    expect(kefu.saveReportPdf.name).toBe('saveReportPdf');
    expect(kefu.invoke.name).toBe('invoke');
    expect(kefu.on.name).toBe('on');
  });

  it('invokes the one channel with method and input, returning the envelope', async () => {
    ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: 'status' });
    await expect(kefu.invoke('app.status', {})).resolves.toEqual({ ok: true, value: 'status' });
    expect(ipcRenderer.invoke).toHaveBeenCalledWith(IPC_INVOKE_CHANNEL, 'app.status', {});
  });

  it('asks for the report PDF on its one channel with the title only', async () => {
    ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: { file: '/tmp/r.pdf' } });
    await expect(kefu.saveReportPdf('周报')).resolves.toEqual({ ok: true, value: { file: '/tmp/r.pdf' } });
    expect(ipcRenderer.invoke).toHaveBeenCalledWith(IPC_REPORT_PDF_CHANNEL, '周报');
  });

  it('delivers only the subscribed event type, without the IPC event object', () => {
    const fn = vi.fn();
    const off = kefu.on('users.changed', fn);
    ipcRenderer.emit(IPC_EVENT_CHANNEL, { sender: 'secret' }, sessionChanged);
    ipcRenderer.emit(IPC_EVENT_CHANNEL, { sender: 'secret' }, usersChanged);
    expect(fn).toHaveBeenCalledTimes(1);
    expect(fn).toHaveBeenCalledWith(usersChanged);
    off();
  });

  it('removes its wrapper on unsubscribe, and a second unsubscribe is harmless', () => {
    const before = ipcRenderer.listenerCount(IPC_EVENT_CHANNEL);
    const fn = vi.fn();
    const off = kefu.on('session.changed', fn);
    expect(ipcRenderer.listenerCount(IPC_EVENT_CHANNEL)).toBe(before + 1);
    off();
    off();
    expect(ipcRenderer.listenerCount(IPC_EVENT_CHANNEL)).toBe(before);
    ipcRenderer.emit(IPC_EVENT_CHANNEL, {}, sessionChanged);
    expect(fn).not.toHaveBeenCalled();
  });

  it('keeps two subscriptions to the same type independent', () => {
    const a = vi.fn();
    const b = vi.fn();
    const offA = kefu.on('users.changed', a);
    const offB = kefu.on('users.changed', b);
    offA();
    ipcRenderer.emit(IPC_EVENT_CHANNEL, {}, usersChanged);
    expect(a).not.toHaveBeenCalled();
    expect(b).toHaveBeenCalledTimes(1);
    offB();
  });

  it('refuses a subscription without a type string or a function', () => {
    const on = kefu.on as unknown as (type: unknown, fn: unknown) => () => void;
    expect(() => on(42, () => {})).toThrow(TypeError);
    expect(() => on('users.changed', 'not a function')).toThrow(TypeError);
  });

  it('uses the same channel names as the main side', () => {
    expect(source).toContain(`const INVOKE_CHANNEL = '${IPC_INVOKE_CHANNEL}'`);
    expect(source).toContain(`const EVENT_CHANNEL = '${IPC_EVENT_CHANNEL}'`);
    expect(source).toContain(`const REPORT_PDF_CHANNEL = '${IPC_REPORT_PDF_CHANNEL}'`);
  });

  it("imports nothing at run time but 'electron' (a sandboxed preload cannot require)", () => {
    const runtimeImports = [...code.matchAll(/^import\s+(?!type\b)[^;]*?from\s+'([^']+)'/gm)].map((m) => m[1]);
    expect(runtimeImports).toEqual(['electron']);
    expect(code).not.toMatch(/\brequire\(/);
  });

  it('never hands the page ipcRenderer itself', () => {
    expect(Object.values(kefu)).not.toContain(ipcRenderer);
    expect(source).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer/);
  });
});
