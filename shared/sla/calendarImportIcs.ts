// Reads an iCalendar (.ics) holiday file such as chinese-days' dist/holidays.ics: one all-day
// VEVENT per holiday period or make-up day, whose SUMMARY ends with (休) for days off or (班)
// for make-up working days — or (Holiday)/(Workday) in the English files. DTEND is exclusive,
// as RFC 5545 says for all-day events, so 20251001–20251009 is eight days.
import { dayNumber, formatIsoDate } from './civilDate';
import { finishImport, importError, type CalendarImportResult } from './calendarImport';

interface LogicalLine {
  line: number; // 1-based line where it starts, for error messages
  name: string; // property name, upper case, without parameters
  params: string;
  value: string;
}

// RFC 5545 §3.1: a line starting with a space or tab continues the previous one.
function unfold(text: string): LogicalLine[] {
  const out: LogicalLine[] = [];
  const raw = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  let current: { line: number; text: string } | null = null;
  const flush = (): void => {
    if (!current || current.text === '') return;
    const colon = current.text.indexOf(':');
    const head = colon < 0 ? current.text : current.text.slice(0, colon);
    const semi = head.indexOf(';');
    out.push({
      line: current.line,
      name: (semi < 0 ? head : head.slice(0, semi)).toUpperCase(),
      params: semi < 0 ? '' : head.slice(semi + 1).toUpperCase(),
      value: colon < 0 ? '' : current.text.slice(colon + 1),
    });
  };
  raw.forEach((text, i) => {
    if ((text.startsWith(' ') || text.startsWith('\t')) && current) current.text += text.slice(1);
    else {
      flush();
      current = { line: i + 1, text };
    }
  });
  flush();
  return out;
}

const DAY_OFF = /[(（](休|holiday)[)）]\s*$/i;
const MAKE_UP_DAY = /[(（](班|workday)[)）]\s*$/i;

/** Day number of an all-day DATE value (YYYYMMDD), or null. */
function dateValue(l: LogicalLine): number | null {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(l.value.trim());
  if (!m) return null;
  const n = dayNumber(Number(m[1]), Number(m[2]), Number(m[3]));
  return formatIsoDate(n) === `${m[1]}-${m[2]}-${m[3]}` ? n : null;
}

export function parseCalendarIcs(text: string): CalendarImportResult {
  const lines = unfold(text);
  const first = lines[0];
  if (!first) return importError('empty', 'The calendar file is empty.');
  if (first.name !== 'BEGIN' || first.value.trim().toUpperCase() !== 'VCALENDAR') {
    return importError('notICalendar', `The file does not start with BEGIN:VCALENDAR (line ${first.line}).`, { line: first.line });
  }
  const holidays: string[] = [];
  const workdays: string[] = [];
  const lineByDate = new Map<string, number>();
  let event: { line: number; start?: number; end?: number; summary?: LogicalLine } | null = null;
  let closed = false;

  for (const l of lines) {
    if (l.name === 'BEGIN' && l.value.trim().toUpperCase() === 'VEVENT') {
      event = { line: l.line };
    } else if (l.name === 'END' && l.value.trim().toUpperCase() === 'VCALENDAR') {
      closed = true;
    } else if (event && (l.name === 'DTSTART' || l.name === 'DTEND')) {
      const n = dateValue(l);
      if (n === null) {
        const reason = /^\d{8}T/.test(l.value.trim()) ? 'notAllDay' : 'badDate';
        return importError(reason, `${l.name} "${l.value}" is not an all-day date YYYYMMDD (line ${l.line}).`, { line: l.line, value: l.value });
      }
      if (l.name === 'DTSTART') event.start = n;
      else event.end = n;
    } else if (event && l.name === 'SUMMARY') {
      event.summary = l;
    } else if (event && l.name === 'END' && l.value.trim().toUpperCase() === 'VEVENT') {
      const { start, summary } = event;
      if (start === undefined) return importError('badDate', `The event starting at line ${event.line} has no DTSTART.`, { line: event.line });
      const end = event.end ?? start + 1;
      if (end <= start) return importError('badRange', `The event starting at line ${event.line} ends before it starts.`, { line: event.line });
      const title = summary?.value ?? '';
      const target = DAY_OFF.test(title) ? holidays : MAKE_UP_DAY.test(title) ? workdays : null;
      if (!target) {
        const line = summary?.line ?? event.line;
        return importError('unknownSummary', `SUMMARY "${title}" must end with (休) or (班) (line ${line}).`, { line, value: title });
      }
      for (let d = start; d < end; d++) {
        const iso = formatIsoDate(d);
        target.push(iso);
        if (!lineByDate.has(iso)) lineByDate.set(iso, event.line);
      }
      event = null;
    }
  }
  if (event) return importError('unterminated', `The event starting at line ${event.line} has no END:VEVENT.`, { line: event.line });
  if (!closed) return importError('unterminated', 'The file has no END:VCALENDAR.', { line: lines[lines.length - 1]?.line ?? 0 });
  return finishImport(holidays, workdays, null, (d) => lineByDate.get(d) ?? 0);
}
