import { beforeEach, describe, expect, it, vi } from 'vitest';
import { Notification, powerMonitor, resetElectronMock } from '../electron-mock';
import { createNotifier } from '../../../../electron/main/notifications';
import { resumeHookOf, watchResume } from '../../../../electron/main/power';

vi.mock('electron', () => import('../electron-mock'));

beforeEach(() => resetElectronMock());

describe('notifications', () => {
  const setup = () => {
    const deps = { iconPath: '/r/icon.png', onClick: vi.fn(), logError: vi.fn() };
    return { deps, notify: createNotifier(deps) };
  };
  it('shows an OS notification with the title, body and icon', () => {
    const { notify } = setup();
    notify({ title: '回访到期', body: '张伟 13800000000' });
    const n = Notification.instances[0]!;
    expect(n.options).toEqual({ title: '回访到期', body: '张伟 13800000000', silent: false, icon: '/r/icon.png' });
    // A user who turned the sound off gets silent notifications.
    notify({ title: '已超时', body: 'x', silent: true });
    expect(Notification.instances.at(-1)?.options).toMatchObject({ silent: true });
    expect(n.show).toHaveBeenCalled();
  });
  it('a click calls the hook with the ticket', () => {
    const { deps, notify } = setup();
    notify({ title: 't', body: 'b', ticketId: '0190-ticket' });
    Notification.instances[0]!.emit('click');
    expect(deps.onClick).toHaveBeenCalledWith({ ticketId: '0190-ticket' });
  });
  it('a click on a notification without a ticket still brings the app forward', () => {
    const { deps, notify } = setup();
    notify({ title: 't', body: 'b' });
    Notification.instances[0]!.emit('click');
    expect(deps.onClick).toHaveBeenCalledWith({});
  });
  it('does nothing where the OS has no notifications', () => {
    Notification.supported = false;
    setup().notify({ title: 't', body: 'b' });
    expect(Notification.instances).toHaveLength(0);
  });
  it('logs a failed notification instead of throwing into the scheduler', () => {
    const { deps, notify } = setup();
    notify({ title: 't', body: 'b' });
    Notification.instances[0]!.emit('failed', {}, 'toast denied');
    expect(deps.logError).toHaveBeenCalledWith('An OS notification failed', { title: 't', error: 'toast denied' });
  });
});

describe('resume from sleep', () => {
  it('finds the optional onResume hook and calls it on the core', () => {
    const core = { resumed: 0, onResume(this: { resumed: number }) { this.resumed++; } };
    resumeHookOf(core)?.();
    expect(core.resumed).toBe(1);
  });
  it('is undefined for a core without the hook, or with a non-function', () => {
    expect(resumeHookOf({})).toBeUndefined();
    expect(resumeHookOf({ onResume: 'soon' })).toBeUndefined();
  });
  it('calls the hook on resume and on screen unlock, and stops when told', () => {
    const onResume = vi.fn();
    const stop = watchResume({ onResume }, vi.fn());
    powerMonitor.emit('resume');
    powerMonitor.emit('unlock-screen');
    expect(onResume).toHaveBeenCalledTimes(2);
    stop();
    powerMonitor.emit('resume');
    expect(onResume).toHaveBeenCalledTimes(2);
  });
  it('tolerates a core without the hook', () => {
    watchResume({}, vi.fn());
    expect(() => powerMonitor.emit('resume')).not.toThrow();
  });
  it('logs a hook that throws', () => {
    const logError = vi.fn();
    watchResume({ onResume: () => { throw new Error('scheduler'); } }, logError);
    powerMonitor.emit('unlock-screen');
    expect(logError).toHaveBeenCalledWith('The core failed to handle a resume', { reason: 'unlock-screen', error: 'Error: scheduler' });
  });
});
