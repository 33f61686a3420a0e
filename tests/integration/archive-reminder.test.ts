// The month-close reminder is a due moment of the scheduler: it fires once, on the first working
// day of the month, for a supervisor or admin on this seat, and not again after a restart.
import { afterAll, describe, expect, it } from 'vitest';
import { createCore, manualClock, type Core } from '../../electron/core';
import type { AppEvent } from '../../shared/contract';
import { ADMIN, T0, tempDir } from './helpers';
import { CUSTOMER } from './samples';

const tmp = tempDir('kefu-reminder-');
afterAll(() => tmp.remove());

async function open(clock: ReturnType<typeof manualClock>, seen: AppEvent[], notes: string[]): Promise<Core> {
  const core = await createCore({ dataDir: tmp.dir, clock, backupCheckEveryMs: 0, maintenanceEveryMs: 0, notify: (n) => notes.push(n.title) });
  core.on((e) => {
    if (e.type === 'archive.reminder') seen.push(e);
  });
  return core;
}

describe('month-close reminder', () => {
  it('fires once on the first working day of the next month, caught up after a restart, never twice', async () => {
    const clock = manualClock(T0);
    const seen: AppEvent[] = [];
    const notes: string[] = [];
    let core = await open(clock, seen, notes);
    expect(core.call('setup.init', { centreName: '示范客服中心', timeZone: 'Asia/Shanghai', seatCode: 'A1', admin: ADMIN }).ok).toBe(true);
    core.call('auth.signIn', { name: ADMIN.name, password: ADMIN.password });
    core.call('tickets.create', { customer: { new: CUSTOMER }, typeCode: 'password_reset', channel: 'phone', priority: 'normal', subject: '三月', description: '' });
    core.startScheduler();
    const due = core.db.prepare(`SELECT due_at FROM due_moments WHERE kind = 'archive.reminder' AND subject_id = '2026-03'`).pluck().get() as number;
    // 1 April 2026 is a Wednesday, a working day: the reminder is due when work starts.
    expect(new Date(due).toISOString()).toBe('2026-04-01T01:00:00.000Z');

    clock.set(Date.parse('2026-03-31T17:00:00+08:00'));
    core.onResume();
    expect(seen).toEqual([]);
    await core.close();

    // Closed over the turn of the month: the start catches it up, once.
    clock.set(Date.parse('2026-04-01T10:00:00+08:00'));
    core = await open(clock, seen, notes);
    core.call('auth.signIn', { name: ADMIN.name, password: ADMIN.password });
    core.startScheduler();
    core.onResume();
    core.onResume();
    expect(seen).toEqual([{ type: 'archive.reminder', month: '2026-03' }]);
    expect(notes.filter((n) => n.includes('归档'))).toEqual(['请完成 2026-03 月度归档']);
    // April's own reminder is scheduled for the first working day of May.
    expect(core.db.prepare(`SELECT count(*) FROM due_moments WHERE kind = 'archive.reminder' AND subject_id = '2026-04' AND fired_at IS NULL`).pluck().get()).toBe(1);
    await core.close();
    core = await open(clock, seen, notes);
    core.startScheduler();
    expect(seen.length).toBe(1);
    await core.close();
  });
});
