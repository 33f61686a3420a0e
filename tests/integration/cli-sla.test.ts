// The SLA commands of the command line, run as support staff run them: against the bundled
// defaults, and read-only against a real data folder where an admin has changed the settings.
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCore, tempDir } from './helpers';

const tmp = tempDir('kefu-cli-sla-');
const dbFile = resolve(tmp.dir, 'kefu.sqlite');
// No database here: without --data the commands fall back to the bundled defaults.
const empty = resolve(tmp.dir, 'no-data-here');

function cli(args: string[], env: Record<string, string> = { KEFU_DATA_DIR: empty }) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', resolve(__dirname, '../../electron/cli/index.ts'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  return { ...r, json: () => JSON.parse(r.stdout) as Record<string, unknown> };
}

beforeAll(async () => {
  const t = await startCore({ dir: tmp.dir });
  const type = t.must('catalogue.list', {}).find((x) => x.code === 'account_open')!;
  t.must('catalogue.save', { type: { ...type, standard: { ...type.standard, amount: 45 } }, isNew: false });
  const cal = t.must('calendars.list', {}).find((c) => c.id === 'cn-mainland')!;
  t.must('calendars.save', { calendar: { ...cal, holidays: [...cal.holidays, '2026-03-04'].sort() } });
  await t.close();
});
afterAll(() => tmp.remove());

describe('sla due', () => {
  it('one working day from Tuesday 15:00 is Wednesday 15:00, 450 working minutes', () => {
    const r = cli(['sla', 'due', '--type', 'password_reset', '--tier', 'standard', '--at', '2026-03-03T15:00:00+08:00']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.json()).toEqual({ due: '2026-03-04T15:00:00+08:00', workingMinutes: 450, calendar: 'cn-mainland', source: 'defaults' });
  });

  it('30 minutes from Friday 17:45 is Monday 09:15, whatever zone --at is written in', () => {
    for (const at of ['2026-03-06T17:45:00+08:00', '2026-03-06T09:45:00Z', '2026-03-06T04:45-05:00']) {
      const r = cli(['sla', 'due', '--type', 'account_open', '--tier', 'standard', '--at', at]);
      expect(r.status, r.stderr).toBe(0);
      expect(r.json()).toMatchObject({ due: '2026-03-09T09:15:00+08:00', workingMinutes: 30, calendar: 'cn-mainland' });
    }
  });

  it('a key account’s 15 minutes run on the 24x7 line, even on a Saturday evening', () => {
    const r = cli(['sla', 'due', '--type', 'password_reset', '--tier', 'key', '--at', '2026-03-07T23:50:00+08:00']);
    expect(r.json()).toEqual({ due: '2026-03-08T00:05:00+08:00', workingMinutes: 15, calendar: 'cn-key-account', source: 'defaults' });
  });

  it('flags a due time beyond the calendar’s known holiday years', () => {
    const r = cli(['sla', 'due', '--type', 'password_reset', '--tier', 'standard', '--at', '2026-12-31T15:00:00+08:00']);
    expect(r.json()).toMatchObject({ due: '2027-01-01T15:00:00+08:00', beyondKnownYears: true });
  });

  it('with --data reads the centre’s own targets and calendar, read-only', () => {
    const mtime = statSync(dbFile).mtimeMs;
    const target = cli(['sla', 'due', '--type', 'account_open', '--tier', 'standard', '--at', '2026-03-03T10:00:00+08:00', '--data', tmp.dir]);
    expect(target.status, target.stderr).toBe(0);
    expect(target.json()).toEqual({ due: '2026-03-03T10:45:00+08:00', workingMinutes: 45, calendar: 'cn-mainland', source: `database:${dbFile}` });
    // 2026-03-04 was made a holiday in that database.
    const holiday = cli(['sla', 'due', '--type', 'password_reset', '--tier', 'standard', '--at', '2026-03-03T15:00:00+08:00', '--data', tmp.dir]);
    expect(holiday.json()).toMatchObject({ due: '2026-03-05T15:00:00+08:00' });
    expect(statSync(dbFile).mtimeMs).toBe(mtime);
  });

  it('finds the database through $KEFU_DATA_DIR', () => {
    const r = cli(['sla', 'due', '--type', 'account_open', '--tier', 'standard', '--at', '2026-03-03T10:00:00+08:00'], { KEFU_DATA_DIR: tmp.dir });
    expect(r.json()).toMatchObject({ workingMinutes: 45, source: `database:${dbFile}` });
  });

  it.each<[string, string[], RegExp]>([
    ['an unknown type', ['--type', 'teleport', '--tier', 'standard', '--at', '2026-03-03T15:00:00+08:00'], /Unknown request type "teleport"/],
    ['an unknown tier', ['--type', 'account_open', '--tier', 'vip', '--at', '2026-03-03T15:00:00+08:00'], /tier "vip"/],
    ['a time without an offset', ['--type', 'account_open', '--tier', 'standard', '--at', '2026-03-03T15:00:00'], /--at "2026-03-03T15:00:00" is not an ISO time with an offset/],
    ['an impossible date', ['--type', 'account_open', '--tier', 'standard', '--at', '2026-02-30T15:00:00+08:00'], /2026-02-30/],
    ['a missing option', ['--type', 'account_open'], /Missing --tier, --at/],
    ['a folder without a database', ['--type', 'account_open', '--tier', 'standard', '--at', '2026-03-03T15:00:00Z', '--data', empty], /No Kefu Desk database at .*no-data-here/],
  ])('%s is refused with exit 2 and a message', (_name, args, message) => {
    const r = cli(['sla', 'due', ...args]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
  });

  it('--help shows the usage', () => {
    const r = cli(['sla', 'due', '--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('sla due --type <code> --tier standard|key --at');
  });
});

describe('calendar', () => {
  it('lists 2026’s holidays, make-up days with weekdays, and the days without working time', () => {
    const r = cli(['calendar', '--year', '2026']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const c = r.json() as {
      calendar: string;
      timeZone: string;
      knownYears: unknown;
      publicHolidays: { date: string; weekday: string; name: { zh: string } | null }[];
      makeUpWorkdays: { date: string; weekday: string }[];
      nonWorkingDays: string[];
      source: string;
    };
    expect(c).toMatchObject({ calendar: 'cn-mainland', timeZone: 'Asia/Shanghai', year: 2026, knownYears: { from: 2020, to: 2026 }, source: 'defaults' });
    expect(c.publicHolidays).toContainEqual({ date: '2026-10-01', weekday: 'thu', name: { zh: '国庆节', en: 'National Day' } });
    expect(c.makeUpWorkdays.map((d) => `${d.date} ${d.weekday}`)).toEqual([
      '2026-01-04 sun',
      '2026-02-14 sat',
      '2026-02-28 sat',
      '2026-05-09 sat',
      '2026-09-20 sun',
      '2026-10-10 sat',
    ]);
    expect(c.nonWorkingDays).toContain('2026-10-01');
    expect(c.nonWorkingDays).toContain('2026-03-07'); // an ordinary Saturday
    expect(c.nonWorkingDays).not.toContain('2026-01-04'); // a Sunday worked in lieu
    expect(c.nonWorkingDays).not.toContain('2026-03-04');
    expect(c.nonWorkingDays).toEqual([...c.nonWorkingDays].sort());
  });

  it('with --data shows the centre’s calendar', () => {
    const r = cli(['calendar', '--year', '2026', '--data', tmp.dir]);
    const c = r.json() as { nonWorkingDays: string[]; publicHolidays: { date: string; name: unknown }[]; source: string };
    expect(c.source).toBe(`database:${dbFile}`);
    expect(c.nonWorkingDays).toContain('2026-03-04');
    expect(c.publicHolidays).toContainEqual({ date: '2026-03-04', weekday: 'wed', name: null });
  });

  it('warns, but succeeds, for a year outside the known years', () => {
    const r = cli(['calendar', '--year', '2031']);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/knows public holidays for 2020–2026 only/);
    expect(r.json()).toMatchObject({ year: 2031, publicHolidays: [], makeUpWorkdays: [] });
  });

  it('refuses an unknown calendar and a bad year', () => {
    expect(cli(['calendar', '--calendar', 'cn-mars'])).toMatchObject({ status: 2, stderr: expect.stringMatching(/Unknown calendar "cn-mars"/) });
    expect(cli(['calendar', '--year', 'next'])).toMatchObject({ status: 2, stderr: expect.stringMatching(/--year "next"/) });
  });
});

describe('types', () => {
  it('prints the 15 request types with both targets', () => {
    const r = cli(['types']);
    expect(r.status).toBe(0);
    const { source, types } = r.json() as { source: string; types: { code: string; standard: { amount: number } }[] };
    expect(source).toBe('defaults');
    expect(types).toHaveLength(15);
    expect(types[0]).toEqual({
      code: 'account_open',
      names: { zh: '常规开户', en: 'Account opening' },
      category: 'business',
      standard: { amount: 30, unit: 'minutes', clock: 'working', calendarId: 'cn-mainland', warning: { kind: 'share', share: 0.8 } },
      keyAccount: { amount: 15, unit: 'minutes', clock: 'working', calendarId: 'cn-key-account', warning: { kind: 'share', share: 0.8 } },
      active: true,
    });
  });

  it('with --data shows what the admin changed', () => {
    const { types } = cli(['types', '--data', tmp.dir]).json() as { types: { code: string; standard: { amount: number } }[] };
    expect(types.find((x) => x.code === 'account_open')!.standard.amount).toBe(45);
  });

  it('refuses an unknown option', () => {
    expect(cli(['types', '--verbose'])).toMatchObject({ status: 2, stderr: expect.stringMatching(/--verbose/) });
  });
});
