// Daily, weekly and monthly reports: the data (pure reads of the core) and, through
// shared/stats/reportHtml.ts, a self-contained printable HTML page. The monthly archive uses
// buildMonthlyReport + renderReportHtml to put the month's report into the archive.
import { civilFromDayNumber, dayNumber, formatIsoDate, parseIsoDate } from '../../../shared/sla/civilDate';
import { PeriodError, mondayIndex, resolvePeriod } from '../../../shared/stats/period';
import type { PeriodInput, ReportData, ReportKind } from '../../../shared/stats/types';
import type { Db } from '../db/open';
import { listRequestTypes } from './catalogue';
import { agentPerformance } from './performance';
import { getSetting } from './settings';
import { refreshFacts } from './statsFacts';
import { statsSummary } from './stats';

/** The local days of the report of `kind` that contains `day`. */
export function reportPeriod(kind: ReportKind, day: string): PeriodInput {
  const d = parseIsoDate(day);
  if (d === null) throw new PeriodError(`Not a day: ${day}`);
  if (kind === 'daily') return { from: day, to: day };
  if (kind === 'weekly') {
    const monday = d - mondayIndex(d);
    return { from: formatIsoDate(monday), to: formatIsoDate(monday + 6) };
  }
  const c = civilFromDayNumber(d);
  const first = dayNumber(c.year, c.month, 1);
  const next = c.month === 12 ? dayNumber(c.year + 1, 1, 1) : dayNumber(c.year, c.month + 1, 1);
  return { from: formatIsoDate(first), to: formatIsoDate(next - 1) };
}

/** Everything the report shows, for the period of `kind` containing `day`. Refreshes the facts first. */
export function buildReport(db: Db, kind: ReportKind, day: string, now: number): ReportData {
  refreshFacts(db, now);
  const centre = getSetting(db, 'centre');
  const timeZone = centre?.timeZone ?? 'Asia/Shanghai';
  const period = reportPeriod(kind, day);
  const summary = statsSummary(db, { period, groupBy: 'day' }, now, timeZone, false);
  const { current } = resolvePeriod(period, now, timeZone);
  const typeNames: ReportData['typeNames'] = {};
  for (const t of listRequestTypes(db)) typeNames[t.code] = t.names;
  const departmentNames: ReportData['departmentNames'] = {};
  for (const d of db.prepare('SELECT id, name_zh, name_en FROM departments').all() as { id: string; name_zh: string; name_en: string }[]) {
    departmentNames[d.id] = { zh: d.name_zh, en: d.name_en };
  }
  const agentNames: Record<string, string> = {};
  for (const u of db.prepare('SELECT id, display_name FROM users').all() as { id: string; display_name: string }[]) agentNames[u.id] = u.display_name;
  return {
    kind,
    centreName: centre?.centreName ?? '',
    generatedAt: now,
    summary,
    performance: agentPerformance(db, current).filter((a) => a.handled > 0 || a.lines.length > 0 || a.credits.length > 0),
    typeNames,
    departmentNames,
    agentNames,
  };
}

/** The month's report (month 1–12), for the monthly archive (issue 13). */
export function buildMonthlyReport(db: Db, year: number, month: number, now: number): ReportData {
  return buildReport(db, 'monthly', formatIsoDate(dayNumber(year, month, 1)), now);
}
