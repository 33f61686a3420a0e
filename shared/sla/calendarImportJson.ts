// Reads a calendar JSON file. Two shapes are accepted:
// 1. Our own format (resources/calendars/china.json): { "format": "kefu-calendar/1",
//    "years": { "from": 2020, "to": 2026 }, "holidays": ["2025-10-01", …], "workdays": [...], … }
//    — weekly hours and names in it are ignored here; only the dated days are imported.
// 2. The chinese-days package shape: { "holidays": { "2025-10-01": "National Day,国庆节,3" },
//    "workdays": { "2025-09-28": "National Day,国庆节,3" }, "inLieuDays": {…} } (inLieuDays are
//    holidays already and are ignored); the years are those of the dates.
import { parseIsoDate } from './civilDate';
import { CALENDAR_YEARS, finishImport, importError, lineOf, type CalendarImportResult } from './calendarImport';
import type { YearRange } from './types';

type DateList = { ok: true; dates: string[] } | { ok: false; result: CalendarImportResult };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function jsonErrorLine(text: string, error: unknown): number {
  const msg = error instanceof Error ? error.message : String(error);
  const line = /line (\d+)/.exec(msg);
  if (line) return Number(line[1]);
  const pos = /position (\d+)/.exec(msg);
  return pos ? text.slice(0, Number(pos[1])).split('\n').length : 0;
}

function checkDates(dates: string[], field: string, text: string): DateList {
  for (const d of dates) {
    if (typeof d !== 'string' || parseIsoDate(d) === null) {
      const line = typeof d === 'string' ? lineOf(text, `"${d}"`) : 0;
      return {
        ok: false,
        result: importError('badDate', `"${String(d)}" in ${field} is not a YYYY-MM-DD date (line ${line}).`, { field, date: String(d), line }),
      };
    }
  }
  return { ok: true, dates };
}

function readYears(value: unknown, text: string): YearRange | CalendarImportResult {
  const y = isRecord(value) ? value : {};
  const from = y.from;
  const to = y.to;
  if (typeof from === 'number' && typeof to === 'number' && Number.isInteger(from) && Number.isInteger(to) && from <= to && from >= CALENDAR_YEARS.min && to <= CALENDAR_YEARS.max) {
    return { from, to };
  }
  const line = lineOf(text, '"years"');
  return importError('badYears', `"years" must be { "from": year, "to": year } with from ≤ to (line ${line}).`, { line });
}

export function parseCalendarJson(text: string): CalendarImportResult {
  if (text.trim() === '') return importError('empty', 'The calendar file is empty.');
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const line = jsonErrorLine(text, error);
    return importError('invalidJson', `The file is not valid JSON (line ${line}).`, { line });
  }
  if (!isRecord(data)) return importError('unknownShape', 'The calendar file must hold a JSON object.');
  const at = (d: string): number => lineOf(text, `"${d}"`);

  if (data.format === 'kefu-calendar/1') {
    if (!Array.isArray(data.holidays) || !Array.isArray(data.workdays)) {
      return importError('unknownShape', '"holidays" and "workdays" must be lists of YYYY-MM-DD dates.');
    }
    const years = readYears(data.years, text);
    if ('ok' in years) return years;
    const h = checkDates(data.holidays as string[], 'holidays', text);
    if (!h.ok) return h.result;
    const w = checkDates(data.workdays as string[], 'workdays', text);
    if (!w.ok) return w.result;
    return finishImport(h.dates, w.dates, years, at);
  }
  if (isRecord(data.holidays) && isRecord(data.workdays)) {
    const h = checkDates(Object.keys(data.holidays), 'holidays', text);
    if (!h.ok) return h.result;
    const w = checkDates(Object.keys(data.workdays), 'workdays', text);
    if (!w.ok) return w.result;
    return finishImport(h.dates, w.dates, null, at);
  }
  return importError(
    'unknownShape',
    'Unrecognised calendar JSON: expected "format": "kefu-calendar/1" or chinese-days "holidays"/"workdays" maps.',
  );
}
