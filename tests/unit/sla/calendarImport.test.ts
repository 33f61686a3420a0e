// Calendar import: the chinese-days package's real .ics and .json files, our own format, and
// malformed input, which must come back as a VALIDATION error naming the reason and the line.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCalendarIcs, parseCalendarJson } from '../../../shared/sla';

const require = createRequire(import.meta.url);
const dist = join(dirname(require.resolve('chinese-days/package.json')), 'dist');
const read = (name: string) => readFileSync(join(dist, name), 'utf8');
const pkg = JSON.parse(read('chinese-days.json')) as { holidays: Record<string, string>; workdays: Record<string, string> };
const datesOf = (map: Record<string, string>, from: number, to: number) =>
  Object.keys(map).filter((d) => Number(d.slice(0, 4)) >= from && Number(d.slice(0, 4)) <= to).sort();

describe('parseCalendarIcs with the chinese-days files', () => {
  it.each(['holidays.ics', 'holidays.en.ics'])('%s matches the package JSON', (file) => {
    const r = parseCalendarIcs(read(file));
    if (!r.ok) throw new Error(r.error.message);
    const { from, to } = r.value.years;
    expect(r.value.holidays).toEqual(datesOf(pkg.holidays, from, to));
    expect(r.value.workdays).toEqual(datesOf(pkg.workdays, from, to));
  });

  const yearFiles = readdirSync(join(dist, 'years')).filter((f) => /^20(2\d)\.ics$/.test(f));
  it.each(yearFiles)('years/%s matches years/*.json', (file) => {
    const r = parseCalendarIcs(read(`years/${file}`));
    const j = parseCalendarJson(read(`years/${file.replace('.ics', '.json')}`));
    if (!r.ok || !j.ok) throw new Error('parse failed');
    expect(r.value).toEqual(j.value);
    expect(r.value.years.from).toBe(Number(file.slice(0, 4)));
  });

  it('reads a folded SUMMARY and CRLF or LF line ends', () => {
    const ics = ['BEGIN:VCALENDAR', 'BEGIN:VEVENT', 'DTSTART;VALUE=DATE:20251001', 'DTEND;VALUE=DATE:20251009', 'SUMMARY:国庆', ' 节(休)', 'END:VEVENT', 'END:VCALENDAR'];
    for (const eol of ['\r\n', '\n']) {
      const r = parseCalendarIcs(ics.join(eol));
      expect(r.ok && r.value.holidays.length).toBe(8);
    }
  });
});

describe('parseCalendarJson', () => {
  it('reads the chinese-days JSON shape and our own format', () => {
    const r = parseCalendarJson(read('chinese-days.json'));
    expect(r.ok && r.value.years).toEqual({ from: 2004, to: 2026 });
    const own = parseCalendarJson(readFileSync(join(__dirname, '../../../resources/calendars/china.json'), 'utf8'));
    expect(own.ok && own.value.years).toEqual({ from: 2020, to: 2026 });
    expect(own.ok && own.value.workdays).toContain('2025-09-28');
  });
});

describe('malformed calendar files', () => {
  const vevent = (summary: string, start = '20251001', end = '20251002') =>
    ['BEGIN:VCALENDAR', 'BEGIN:VEVENT', `DTSTART;VALUE=DATE:${start}`, `DTEND;VALUE=DATE:${end}`, `SUMMARY:${summary}`, 'END:VEVENT', 'END:VCALENDAR'].join('\r\n');

  it.each([
    ['not a calendar', 'hello', 'calendar.import.notICalendar', 1],
    ['unknown summary', vevent('国庆节'), 'calendar.import.unknownSummary', 5],
    ['impossible date', vevent('国庆节(休)', '20250230'), 'calendar.import.badDate', 3],
    ['a timed event', vevent('国庆节(休)', '20251001T090000'), 'calendar.import.notAllDay', 3],
    ['end before start', vevent('国庆节(休)', '20251005', '20251001'), 'calendar.import.badRange', 2],
    ['unterminated event', 'BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20251001\n', 'calendar.import.unterminated', 2],
  ])('ics: %s', (_name, text, key, line) => {
    const r = parseCalendarIcs(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatchObject({ code: 'VALIDATION', messageKey: key, params: { line } });
    expect(r.error.message).toContain(`line ${line}`);
  });

  it.each([
    ['broken JSON', '{\n  "holidays": {\n    "2025-10-01": 1,\n  }\n}', 'calendar.import.invalidJson', { line: 4 }],
    ['bad date', '{\n"holidays": {"2025-13-01": "x"},\n"workdays": {}\n}', 'calendar.import.badDate', { line: 2, date: '2025-13-01' }],
    ['conflict', '{"holidays": {"2025-10-01": "x"}, "workdays": {"2025-10-01": "y"}}', 'calendar.import.conflict', { date: '2025-10-01' }],
    ['unknown shape', '[1, 2]', 'calendar.import.unknownShape', {}],
    ['empty', '  ', 'calendar.import.empty', {}],
    ['bad years', '{"format": "kefu-calendar/1", "years": {"from": 2026, "to": 2020}, "holidays": [], "workdays": []}', 'calendar.import.badYears', {}],
    ['date outside years', '{"format": "kefu-calendar/1", "years": {"from": 2025, "to": 2025}, "holidays": ["2026-01-01"], "workdays": []}', 'calendar.import.dateOutsideYears', { date: '2026-01-01' }],
  ])('json: %s', (_name, text, key, params) => {
    const r = parseCalendarJson(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'VALIDATION', messageKey: key, params });
  });
});
