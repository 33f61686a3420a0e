// The SLA settings through the registry: catalogue, calendars (edit, import), deduction rules and
// the due-time preview, on a real database seeded with the defaults of DOMAIN.md.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppEvent } from '../../shared/contract';
import {
  DEFAULT_CALENDARS,
  DEFAULT_CATALOGUE,
  DEFAULT_DEDUCTION_RULES,
  compileCalendar,
  computeDue,
  type CalendarSpec,
  type RequestType,
} from '../../shared/sla';
import { ADMIN, startCore, type TestCore } from './helpers';
import { snapshot } from './snapshot';

let t: TestCore;
beforeEach(async () => {
  t = await startCore();
});
afterEach(async () => t.close());

const ICS_2026 = readFileSync(resolve(__dirname, '../../node_modules/chinese-days/dist/years/2026.ics'), 'utf8');
const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();
const find = (code: string) => t.must('catalogue.list', {}).find((x) => x.code === code)!;
const china = () => t.must('calendars.list', {}).find((c) => c.id === 'cn-mainland')!;

/** Records the events published while `fn` runs. */
/** The events a call pushes, less audit.changed (the audit view's refresh, tested in defects.test.ts). */
function eventsOf(fn: () => unknown): AppEvent[] {
  const seen: AppEvent[] = [];
  const off = t.core.on((e) => e.type !== 'audit.changed' && seen.push(e));
  try {
    fn();
  } finally {
    off();
  }
  return seen;
}

function signInAs(name: string, role: 'agent' | 'supervisor') {
  t.must('users.create', { name, displayName: name, role, password: 'password-1' });
  t.must('auth.signOut', {});
  t.must('auth.signIn', { name, password: 'password-1' });
}

// DOMAIN.md's target table, as the length of each target on its clock in minutes
// (1 working day = 450 min on the China calendar: 09:00–12:00 + 13:30–18:00).
const DOMAIN_TABLE: [code: string, standardMinutes: number, keyMinutes: number][] = [
  ['account_open', 30, 15],
  ['account_open_online', 20, 5],
  ['activation', 450, 240],
  ['activation_online', 450, 240],
  ['login_unlock', 10, 3],
  ['data_change', 450, 30],
  ['remote_help', 10, 3],
  ['auth_code', 15, 3],
  ['password_reset', 450, 15],
  ['account_transfer', 450, 30],
  ['account_close', 450, 30],
  ['other', 450, 30],
  ['consultation', 450, 30],
  ['complaint', 24 * 60, 4 * 60],
  ['after_sales', 24 * 60, 4 * 60],
];

const INSTANTS = [
  '2026-03-03T11:50:00+08:00', // Tuesday, ten minutes before lunch
  '2026-03-06T17:45:00+08:00', // Friday, a quarter before closing
  '2026-03-07T10:00:00+08:00', // Saturday
  '2025-09-30T17:00:00+08:00', // the eve of National Day 2025
  '2026-02-14T17:00:00+08:00', // make-up Saturday before Spring Festival 2026
];

describe('catalogue', () => {
  it('lists the 15 seeded request types in the order of DOMAIN.md', () => {
    const list = t.must('catalogue.list', {});
    expect(list).toHaveLength(15);
    expect(list.map((x) => x.code)).toEqual(DEFAULT_CATALOGUE.map((x) => x.code));
    expect(list).toEqual(DEFAULT_CATALOGUE);
  });

  it('saves an edited target, audited with before and after, and tells every window', () => {
    const before = find('account_open');
    const edited: RequestType = { ...before, standard: { ...before.standard, amount: 45 } };
    t.clock.advance(60_000);
    const events = eventsOf(() => t.must('catalogue.save', { type: edited, isNew: false }));
    expect(events).toEqual([{ type: 'catalogue.changed' }]);
    expect(find('account_open').standard.amount).toBe(45);
    expect(t.must('catalogue.list', {}).map((x) => x.code)).toEqual(DEFAULT_CATALOGUE.map((x) => x.code));
    const [latest] = t.must('audit.list', { limit: 1 });
    expect(latest).toMatchObject({ action: 'requestType.update', subject: 'account_open', actorName: ADMIN.displayName, at: t.clock.now(), before, after: edited });
    // New tickets get the new target.
    expect(t.must('sla.preview', { typeCode: 'account_open', tier: 'standard', at: at('2026-03-03T10:00:00+08:00') })).toMatchObject({
      due: at('2026-03-03T10:45:00+08:00'),
      targetMinutes: 45,
    });
  });

  it('adds a new type at the end of the list', () => {
    const fresh: RequestType = { ...DEFAULT_CATALOGUE[0]!, code: 'invoice_copy', names: { zh: '发票补打', en: 'Invoice copy' } };
    t.must('catalogue.save', { type: fresh, isNew: true });
    expect(t.must('catalogue.list', {}).at(-1)).toEqual(fresh);
    expect(t.must('audit.list', { limit: 1 })[0]).toMatchObject({ action: 'requestType.create', subject: 'invoice_copy', before: null, after: fresh });
  });

  it('refuses a new type with an existing code, and an update of a missing one, changing nothing', () => {
    const existing = find('auth_code');
    const before = snapshot(t.core.db);
    const events = eventsOf(() => {
      expect(t.core.call('catalogue.save', { type: existing, isNew: true })).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT', messageKey: 'errors.requestTypeExists', params: { code: 'auth_code' } },
      });
      expect(t.core.call('catalogue.save', { type: { ...existing, code: 'no_such_type' }, isNew: false })).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND', messageKey: 'errors.requestTypeNotFound', params: { code: 'no_such_type' } },
      });
    });
    expect(events).toEqual([]);
    expect(snapshot(t.core.db)).toBe(before);
  });

  it('refuses a target on a calendar that does not exist', () => {
    const x = find('auth_code');
    const before = snapshot(t.core.db);
    expect(t.core.call('catalogue.save', { type: { ...x, keyAccount: { ...x.keyAccount, calendarId: 'cn-nowhere' } }, isNew: false })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', messageKey: 'errors.calendarNotFound', params: { id: 'cn-nowhere' } },
    });
    expect(snapshot(t.core.db)).toBe(before);
  });

  it('refuses working days on the 24x7 clock', () => {
    const x = find('password_reset');
    const r = t.core.call('catalogue.save', { type: { ...x, standard: { ...x.standard, clock: '24x7' } }, isNew: false });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ message: 'validation.sla.workingDaysOn24x7' }] } });
    expect(find('password_reset').standard.clock).toBe('working');
  });
});

describe('due-time preview', () => {
  const compiled = new Map(DEFAULT_CALENDARS.map((c) => [c.id, compileCalendar(c)]));

  it('seeds the targets of DOMAIN.md', () => {
    for (const [code, standard, key] of DOMAIN_TABLE) {
      const start = at(INSTANTS[0]!);
      expect([code, t.must('sla.preview', { typeCode: code, tier: 'standard', at: start }).targetMinutes]).toEqual([code, standard]);
      expect([code, t.must('sla.preview', { typeCode: code, tier: 'key', at: start }).targetMinutes]).toEqual([code, key]);
    }
  });

  it('matches the engine on the default calendars for every type, tier and instant', () => {
    let checked = 0;
    for (const type of DEFAULT_CATALOGUE) {
      for (const tier of ['standard', 'key'] as const) {
        const target = tier === 'key' ? type.keyAccount : type.standard;
        for (const instant of INSTANTS) {
          const expected = computeDue(compiled.get(target.calendarId)!, at(instant), target);
          const got = t.must('sla.preview', { typeCode: type.code, tier, at: at(instant) });
          expect({ type: type.code, tier, instant, due: iso(got.due), beyond: got.beyondKnownYears, calendarId: got.calendarId }).toEqual({
            type: type.code,
            tier,
            instant,
            due: iso(expected.due),
            beyond: expected.beyondKnownYears,
            calendarId: target.calendarId,
          });
          checked++;
        }
      }
    }
    expect(checked).toBe(15 * 2 * INSTANTS.length);
  });

  it.each<[string, 'standard' | 'key', string, string]>([
    ['account_open', 'standard', '2026-03-03T11:50:00+08:00', '2026-03-03T13:50:00+08:00'],
    ['auth_code', 'standard', '2026-03-03T11:50:00+08:00', '2026-03-03T13:35:00+08:00'],
    ['account_open', 'standard', '2026-03-06T17:45:00+08:00', '2026-03-09T09:15:00+08:00'],
    ['password_reset', 'standard', '2026-03-07T10:00:00+08:00', '2026-03-09T18:00:00+08:00'],
    ['activation', 'standard', '2025-09-30T17:00:00+08:00', '2025-10-09T17:00:00+08:00'],
    ['account_open', 'standard', '2025-09-30T17:00:00+08:00', '2025-09-30T17:30:00+08:00'],
    ['login_unlock', 'standard', '2025-09-30T17:55:00+08:00', '2025-10-09T09:05:00+08:00'],
    ['complaint', 'standard', '2025-09-30T17:00:00+08:00', '2025-10-01T17:00:00+08:00'],
    ['password_reset', 'key', '2026-03-07T10:00:00+08:00', '2026-03-07T10:15:00+08:00'],
    ['activation', 'key', '2025-09-30T17:00:00+08:00', '2025-09-30T21:00:00+08:00'],
  ])('%s (%s) taken in at %s is due %s', (typeCode, tier, start, due) => {
    expect(iso(t.must('sla.preview', { typeCode, tier, at: at(start) }).due)).toBe(iso(at(due)));
  });

  it('refuses an unknown type', () => {
    expect(t.core.call('sla.preview', { typeCode: 'nope', tier: 'standard', at: at(INSTANTS[0]!) })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', messageKey: 'errors.requestTypeNotFound' },
    });
  });
});

describe('calendars', () => {
  const wednesday = '2026-03-04T15:00:00+08:00';
  const preview = () => iso(t.must('sla.preview', { typeCode: 'password_reset', tier: 'standard', at: at('2026-03-03T15:00:00+08:00') }).due);

  it('a holiday added to the calendar changes the preview at once (no stale compiled calendar)', () => {
    expect(preview()).toBe(iso(at(wednesday)));
    const cal = china();
    // The clock never moves in this test: a cache keyed on updated_at alone would serve the old calendar.
    const events = eventsOf(() => t.must('calendars.save', { calendar: { ...cal, holidays: [...cal.holidays, '2026-03-04'].sort() } }));
    expect(events).toEqual([{ type: 'calendars.changed' }]);
    expect(preview()).toBe(iso(at('2026-03-05T15:00:00+08:00')));
    expect(t.must('audit.list', { limit: 1 })[0]).toMatchObject({ action: 'calendar.update', subject: 'cn-mainland', before: cal });
    // Saved again without the clock moving: still fresh.
    t.must('calendars.save', { calendar: cal });
    expect(preview()).toBe(iso(at(wednesday)));
  });

  it('a change saved by another connection to the same file is seen too', async () => {
    expect(preview()).toBe(iso(at(wednesday)));
    const cal = china();
    const Database = (await import('better-sqlite3')).default;
    const other = new Database(t.core.dbFile);
    t.clock.advance(1000);
    other
      .prepare('UPDATE calendars SET spec = ?, updated_at = ? WHERE id = ?')
      .run(JSON.stringify({ ...cal, holidays: [...cal.holidays, '2026-03-04'].sort() }), t.clock.now(), cal.id);
    other.close();
    expect(preview()).toBe(iso(at('2026-03-05T15:00:00+08:00')));
  });

  it('refuses an invalid calendar', () => {
    const cal = china();
    expect(t.core.call('calendars.save', { calendar: { ...cal, workdays: [...cal.workdays, '2026-10-01'] } })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', issues: [{ message: 'validation.sla.holidayWorkdayConflict' }] },
    });
    expect(t.core.call('calendars.save', { calendar: { ...cal, holidays: ['2026-02-30'] } })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});

describe('calendar import', () => {
  const file = { calendarId: 'cn-mainland', fileName: '2026.ics', content: ICS_2026 };

  /** The China calendar without 2026 (known years 2020–2025), plus a wrong guess for 2026. */
  function without2026(): CalendarSpec {
    const cal = china();
    const not2026 = (d: string) => !d.startsWith('2026-');
    const edited: CalendarSpec = {
      ...cal,
      holidays: [...cal.holidays.filter(not2026), '2026-03-10'].sort(),
      workdays: cal.workdays.filter(not2026),
      years: { from: 2020, to: 2025 },
    };
    t.must('calendars.save', { calendar: edited });
    return edited;
  }

  it('previewing the bundled 2026 file over the bundled calendar changes and adds nothing', () => {
    const before = snapshot(t.core.db);
    const p = t.must('calendars.previewImport', file);
    expect(p).toMatchObject({
      calendarId: 'cn-mainland',
      imported: { years: { from: 2026, to: 2026 } },
      added: { holidays: [], workdays: [] },
      removed: { holidays: [], workdays: [] },
      yearsAfter: { from: 2020, to: 2026 },
    });
    expect(p.imported.holidays).toContain('2026-10-01');
    expect(p.imported.workdays).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
    expect(snapshot(t.core.db)).toBe(before);
  });

  it('preview reports what the file adds and removes, and changes nothing', () => {
    without2026();
    const before = snapshot(t.core.db);
    const events = eventsOf(() => {
      const p = t.must('calendars.previewImport', file);
      expect(p.added.holidays).toHaveLength(33);
      expect(p.added.holidays).toContain('2026-10-01');
      expect(p.added.workdays).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
      expect(p.removed).toEqual({ holidays: ['2026-03-10'], workdays: [] });
      expect(p.yearsAfter).toEqual({ from: 2020, to: 2026 });
    });
    expect(events).toEqual([]);
    expect(snapshot(t.core.db)).toBe(before);
  });

  it('apply merges the file, extends the known years, is audited and reaches the preview', () => {
    const edited = without2026();
    // Before: 2026 is beyond the known years and 2026-03-10 is a (wrong) holiday.
    const sat = at('2026-03-09T15:00:00+08:00');
    expect(t.must('sla.preview', { typeCode: 'password_reset', tier: 'standard', at: sat })).toMatchObject({
      due: at('2026-03-11T15:00:00+08:00'),
      beyondKnownYears: true,
    });
    t.clock.advance(60_000);
    const events = eventsOf(() => t.must('calendars.applyImport', file));
    expect(events).toEqual([{ type: 'calendars.changed' }]);
    const after = china();
    expect(after.years).toEqual({ from: 2020, to: 2026 });
    expect(after.holidays).toEqual(DEFAULT_CALENDARS[0]!.holidays);
    expect(after.workdays).toEqual(DEFAULT_CALENDARS[0]!.workdays);
    // Other years are kept as they were.
    expect(after.holidays.filter((d) => d.startsWith('2025-'))).toEqual(edited.holidays.filter((d) => d.startsWith('2025-')));
    expect(t.must('audit.list', { limit: 1 })[0]).toMatchObject({
      action: 'calendar.import',
      subject: 'cn-mainland',
      at: t.clock.now(),
      before: { years: { from: 2020, to: 2025 } },
      after: { fileName: '2026.ics', years: { from: 2020, to: 2026 }, removed: { holidays: ['2026-03-10'], workdays: [] } },
    });
    expect(t.must('sla.preview', { typeCode: 'password_reset', tier: 'standard', at: sat })).toMatchObject({
      due: at('2026-03-10T15:00:00+08:00'),
      beyondKnownYears: false,
    });
  });

  it.each<[string, string, string]>([
    ['not an iCalendar file', 'hello, world\n', 'calendar.import.notICalendar'],
    ['a bad date', 'BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20261301\nSUMMARY:国庆节(休)\nEND:VEVENT\nEND:VCALENDAR\n', 'calendar.import.badDate'],
    ['an unknown summary', 'BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20261001\nSUMMARY:国庆节\nEND:VEVENT\nEND:VCALENDAR\n', 'calendar.import.unknownSummary'],
    ['a file cut off inside an event', ICS_2026.slice(0, ICS_2026.indexOf('END:VEVENT')), 'calendar.import.unterminated'],
  ])('a malformed file (%s) is refused and nothing changes', (_name, content, messageKey) => {
    const before = snapshot(t.core.db);
    for (const method of ['calendars.previewImport', 'calendars.applyImport'] as const) {
      const r = t.core.call(method, { calendarId: 'cn-mainland', fileName: 'bad.ics', content });
      expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', messageKey } });
      expect(r.ok ? '' : r.error.messageKey).toMatch(/^calendar\.import\./);
    }
    expect(snapshot(t.core.db)).toBe(before);
  });

  it('an import into a calendar that does not exist is NOT_FOUND', () => {
    expect(t.core.call('calendars.applyImport', { ...file, calendarId: 'cn-nowhere' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('deduction rules', () => {
  const edited = {
    overtimeBands: [
      { id: 'overtime.upTo3', upToMinutes: 3, points: 0.25 },
      { id: 'overtime.upTo10', upToMinutes: 10, points: 1 },
    ],
    errorPoints: [1.5, 3],
  };

  it('are the defaults until a supervisor saves others', () => {
    expect(t.must('deductions.rules', {})).toEqual(DEFAULT_DEDUCTION_RULES);
    signInAs('zhangli', 'supervisor');
    const events = eventsOf(() => t.must('deductions.saveRules', { rules: edited }));
    expect(events).toEqual([{ type: 'deductions.changed' }]);
    expect(t.must('deductions.rules', {})).toEqual(edited);
    t.must('auth.signOut', {});
    t.must('auth.signIn', { name: ADMIN.name, password: ADMIN.password });
    expect(t.must('audit.list', { limit: 10 }).find((e) => e.action === 'deductions.update')).toMatchObject({
      action: 'deductions.update',
      actorName: 'zhangli',
      before: DEFAULT_DEDUCTION_RULES,
      after: edited,
    });
  });

  it('an agent may read them but not change them', () => {
    signInAs('wangwei', 'agent');
    expect(t.must('deductions.rules', {})).toEqual(DEFAULT_DEDUCTION_RULES);
    const before = snapshot(t.core.db);
    expect(t.core.call('deductions.saveRules', { rules: edited })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', messageKey: 'errors.forbidden' } });
    expect(snapshot(t.core.db)).toBe(before);
  });

  it('refuses bands out of order', () => {
    const before = snapshot(t.core.db);
    const r = t.core.call('deductions.saveRules', { rules: { ...edited, overtimeBands: [...edited.overtimeBands].reverse() } });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ message: 'validation.sla.bandOrder' }] } });
    expect(snapshot(t.core.db)).toBe(before);
    expect(t.must('deductions.rules', {})).toEqual(DEFAULT_DEDUCTION_RULES);
  });
});
