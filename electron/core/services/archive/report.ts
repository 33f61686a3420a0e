// The month's report inside the archive: report.html always, report.pdf when a PDF printer is
// available (Electron's printToPDF in the app, Chromium in tests). The renderer is a plug-in
// point: the statistics feature can replace this simple report with its own
// (setMonthReportRenderer), the archive only needs `renderMonthReport(data) → html`.
import type { MonthSource } from './sections';
import { monthDeductions, type AgentDeduction } from './sections';

export interface MonthReportData {
  centreName: string;
  seats: string[];
  month: string;
  timeZone: string;
  opened: number;
  closed: number;
  stillOpen: number;
  /** Feedback given in the month: how many, how many on time. */
  feedback: { total: number; onTime: number };
  byType: { typeCode: string; opened: number; feedback: number; onTime: number }[];
  complaints: { category: string; count: number }[];
  deductions: AgentDeduction[];
}

export type MonthReportRenderer = (data: MonthReportData) => string;

/** Prints HTML to PDF bytes; the shell passes Electron's printToPDF, tests pass Chromium's page.pdf. */
export type PdfPrinter = (html: string) => Promise<Uint8Array>;

export function monthReportData(src: MonthSource, centreName: string, seats: string[]): MonthReportData {
  const { db, from, to } = src;
  const one = (sql: string, ...p: unknown[]) => db.prepare(sql).pluck().get(...p) as number;
  const opened = one('SELECT count(*) FROM tickets WHERE created_at >= ? AND created_at < ?', from, to);
  const closed = one('SELECT count(*) FROM tickets WHERE feedback_at >= ? AND feedback_at < ?', from, to);
  const stillOpen = one('SELECT count(*) FROM tickets WHERE created_at < ? AND (feedback_at IS NULL OR feedback_at >= ?)', to, to);
  const onTime = one('SELECT count(*) FROM tickets WHERE feedback_at >= ? AND feedback_at < ? AND coalesce(overtime_minutes, 0) <= 0', from, to);
  const byType = db
    .prepare(
      `SELECT type_code AS typeCode,
              sum(created_at >= @from AND created_at < @to) AS opened,
              sum(feedback_at >= @from AND feedback_at < @to) AS feedback,
              sum(feedback_at >= @from AND feedback_at < @to AND coalesce(overtime_minutes, 0) <= 0) AS onTime
       FROM tickets WHERE id IN (SELECT id FROM temp.month_tickets) GROUP BY type_code ORDER BY type_code`,
    )
    .all({ from, to }) as MonthReportData['byType'];
  const complaints = db
    .prepare(
      `SELECT coalesce(json_extract(complaint, '$.category'), '-') AS category, count(*) AS count
       FROM tickets WHERE category = 'complaint' AND created_at >= ? AND created_at < ? GROUP BY 1 ORDER BY 1`,
    )
    .all(from, to) as MonthReportData['complaints'];
  return {
    centreName,
    seats,
    month: src.month,
    timeZone: src.timeZone,
    opened,
    closed,
    stillOpen,
    feedback: { total: closed, onTime },
    byType,
    complaints,
    deductions: monthDeductions(src),
  };
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const pct = (n: number, d: number) => (d === 0 ? '—' : `${((100 * n) / d).toFixed(1)} %`);

/** The archive's own simple report: volumes by type, SLA compliance, complaints, deductions. */
export const simpleMonthReport: MonthReportRenderer = (d) => {
  const rows = (cells: (string | number)[][]) =>
    cells.map((r) => `<tr>${r.map((c) => `<td>${esc(String(c))}</td>`).join('')}</tr>`).join('');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(d.centreName)} · ${esc(d.month)} 月度报告 Monthly report</title>
<style>
body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:24px;color:#222}
h1{font-size:20px;margin:0 0 4px}h2{font-size:15px;margin:20px 0 6px;border-bottom:1px solid #ccc}
.sub{color:#666;font-size:12px}table{border-collapse:collapse;width:100%;font-size:12px}
td,th{border:1px solid #ddd;padding:4px 6px;text-align:left}th{background:#f4f6f8}
.figs{display:flex;gap:16px}.fig{border:1px solid #ddd;padding:8px 12px;border-radius:4px}.fig b{font-size:18px;display:block}
</style></head><body>
<h1>${esc(d.centreName)} · ${esc(d.month)} 月度报告 <span class="sub">Monthly report</span></h1>
<div class="sub">坐席 Seats: ${esc(d.seats.join(', '))} · 时区 Time zone: ${esc(d.timeZone)}</div>
<h2>业务量 Volumes</h2>
<div class="figs">
<div class="fig">受理 Opened<b>${d.opened}</b></div>
<div class="fig">已反馈 Feedback given<b>${d.closed}</b></div>
<div class="fig">月末未结 Open at month end<b>${d.stillOpen}</b></div>
<div class="fig">按时率 On time<b>${pct(d.feedback.onTime, d.feedback.total)}</b></div>
</div>
<h2>按业务类型 By request type</h2>
<table><tr><th>业务类型 Type</th><th>受理 Opened</th><th>已反馈 Feedback</th><th>按时 On time</th><th>按时率 Compliance</th></tr>
${rows(d.byType.map((t) => [t.typeCode, t.opened, t.feedback, t.onTime, pct(t.onTime, t.feedback)]))}</table>
<h2>投诉 Complaints</h2>
<table><tr><th>分类 Category</th><th>数量 Count</th></tr>${rows(d.complaints.map((c) => [c.category, c.count]))}</table>
<h2>坐席扣分 Per-agent deductions</h2>
<table><tr><th>坐席 Agent</th><th>超时 Overtime</th><th>过失 Errors</th><th>扣分 Deducted</th><th>抵消 Credited</th><th>合计 Total</th></tr>
${rows(d.deductions.map((a) => [a.agent, a.overtimeLines, a.errorLines, a.deducted, a.credited, a.total]))}</table>
</body></html>
`;
};

let renderer: MonthReportRenderer = simpleMonthReport;

/** The statistics feature plugs its monthly report in here. */
export function setMonthReportRenderer(next: MonthReportRenderer): void {
  renderer = next;
}

export function renderMonthReport(data: MonthReportData): string {
  return renderer(data);
}
