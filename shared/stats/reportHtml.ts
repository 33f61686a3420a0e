// The printable report as ONE self-contained HTML string (inline CSS and SVG, no scripts, no
// external resources): the renderer shows it for printing / PDF, the monthly archive stores it.
// Pure: every value is escaped; times are formatted in the report's time zone.
import { FIGURES, FIGURE_IDS, ARRIVALS_DEFINITION, type FigureId } from './definitions';
import type { AgentPerformance, BreakdownRow, ReportData } from './types';
import { offsetMsAt } from '../sla/timeZone';

export type ReportLanguage = 'zh-CN' | 'en';

const esc = (s: unknown): string =>
  String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const LABELS = {
  'zh-CN': {
    daily: '日报', weekly: '周报', monthly: '月报', period: '统计期间', previous: '上期', change: '变化', figure: '指标', value: '本期',
    generated: '生成时间', series: '分日数据', day: '日期', created: '受理', completed: '办结', breaches: '超时', compliance: '达标率',
    byType: '按业务类型', byChannel: '按渠道', type: '业务类型', channel: '渠道', handling: '处理时长（分）', complaints: '投诉',
    category: '投诉分类', department: '责任部门', count: '数量', answered: '已回复', reply: '回复时长（分）', agents: '坐席绩效',
    agent: '坐席', handled: '办结', onTime: '按时', overtime: '超时扣分', errors: '过失', errorPoints: '过失扣分', credited: '抵消', net: '净扣分',
    definitions: '指标定义', none: '无', unclassified: '未分类', minutes: '分', arrivals: ARRIVALS_DEFINITION.name.zh, hours: '时段', volume: '受理与办结',
  },
  en: {
    daily: 'Daily report', weekly: 'Weekly report', monthly: 'Monthly report', period: 'Period', previous: 'Previous', change: 'Change',
    figure: 'Figure', value: 'This period', generated: 'Generated', series: 'By day', day: 'Day', created: 'Received', completed: 'Completed',
    breaches: 'Breaches', compliance: 'Compliance', byType: 'By request type', byChannel: 'By channel', type: 'Request type', channel: 'Channel',
    handling: 'Handling (min)', complaints: 'Complaints', category: 'Category', department: 'Responsible department', count: 'Count',
    answered: 'Answered', reply: 'Reply time (min)', agents: 'Agent performance', agent: 'Agent', handled: 'Completed', onTime: 'On time',
    overtime: 'Overtime points', errors: 'Errors', errorPoints: 'Error points', credited: 'Credits', net: 'Net deduction',
    definitions: 'Definitions', none: 'None', unclassified: 'Unclassified', minutes: 'min', arrivals: ARRIVALS_DEFINITION.name.en, hours: 'Hours', volume: 'Received and completed',
  },
} as const;

const CHANNELS: Record<string, { zh: string; en: string }> = {
  phone: { zh: '电话', en: 'Phone' },
  walk_in: { zh: '到访', en: 'Walk-in' },
  chat: { zh: '在线', en: 'Chat' },
  email: { zh: '邮件', en: 'E-mail' },
  wechat: { zh: '微信', en: 'WeChat' },
  other: { zh: '其他', en: 'Other' },
};

function formatValue(id: FigureId, v: number | null, lang: ReportLanguage): string {
  if (v === null) return '—';
  const unit = FIGURES[id].unit;
  const n = v.toLocaleString(lang, { maximumFractionDigits: unit === 'count' ? 0 : 1 });
  return unit === 'percent' ? `${n} %` : unit === 'minutes' ? `${n} ${LABELS[lang].minutes}` : n;
}

function formatInstant(at: number, timeZone: string): string {
  const local = new Date(at + offsetMsAt(timeZone, at)).toISOString();
  return `${local.slice(0, 10)} ${local.slice(11, 16)}`;
}

const num = (v: number | null, digits = 1) => (v === null ? '—' : v.toLocaleString('en', { maximumFractionDigits: digits }));

function table(head: string[], rows: string[][], numericFrom = 1): string {
  const th = head.map((h, i) => `<th${i >= numericFrom ? ' class="n"' : ''}>${esc(h)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c, i) => `<td${i >= numericFrom ? ' class="n"' : ''}>${esc(c)}</td>`).join('')}</tr>`).join('');
  return `<table><thead><tr>${th}</tr></thead><tbody>${body}</tbody></table>`;
}

/** Grouped bars of received and completed per bucket, as inline SVG. */
function volumeSvg(data: ReportData, lang: ReportLanguage): string {
  const points = data.summary.series;
  const max = Math.max(1, ...points.map((p) => Math.max(p.created, p.completed)));
  const w = 680;
  const h = 160;
  const band = w / Math.max(1, points.length);
  const bar = Math.max(1, Math.min(18, band / 2.6));
  const L = LABELS[lang];
  const bars = points
    .map((p, i) => {
      const x = i * band + band / 2;
      const hc = (p.created / max) * (h - 20);
      const hd = (p.completed / max) * (h - 20);
      const label = points.length <= 16 || i % Math.ceil(points.length / 16) === 0 ? `<text x="${x}" y="${h + 12}" text-anchor="middle">${esc(p.label.slice(5))}</text>` : '';
      return `<rect x="${x - bar}" y="${h - hc}" width="${bar}" height="${hc}" fill="#1677ff"/><rect x="${x}" y="${h - hd}" width="${bar}" height="${hd}" fill="#52c41a"/>${label}`;
    })
    .join('');
  return `<svg class="chart" viewBox="0 0 ${w} ${h + 30}" role="img" aria-label="${esc(L.volume)}"><g font-size="9" fill="#555">${bars}</g>
    <g font-size="10"><rect x="0" y="${h + 20}" width="10" height="8" fill="#1677ff"/><text x="14" y="${h + 28}">${esc(L.created)}</text>
    <rect x="80" y="${h + 20}" width="10" height="8" fill="#52c41a"/><text x="94" y="${h + 28}">${esc(L.completed)}</text></g></svg>`;
}

function breakdownTable(rows: BreakdownRow[], keyLabel: string, name: (k: string) => string, lang: ReportLanguage): string {
  const L = LABELS[lang];
  return table(
    [keyLabel, L.created, L.completed, L.breaches, L.compliance, L.handling],
    rows.map((r) => [name(r.key), num(r.created, 0), num(r.completed, 0), num(r.breaches, 0), r.compliance === null ? '—' : `${num(r.compliance)} %`, num(r.handling)]),
  );
}

function agentsTable(agents: AgentPerformance[], lang: ReportLanguage): string {
  const L = LABELS[lang];
  return table(
    [L.agent, L.handled, L.compliance, L.handling, L.overtime, L.errors, L.errorPoints, L.credited, L.net],
    agents.map((a) => [
      a.agentName,
      num(a.handled, 0),
      a.compliance === null ? '—' : `${num(a.compliance)} %`,
      num(a.handlingMinutes),
      num(a.overtimePoints, 2),
      num(a.errors, 0),
      num(a.errorPoints, 2),
      num(a.credited, 2),
      num(a.net, 2),
    ]),
  );
}

export function reportTitle(data: ReportData, lang: ReportLanguage): string {
  const p = data.summary.period;
  return `${data.centreName} · ${LABELS[lang][data.kind]} · ${p.fromDay === p.toDay ? p.fromDay : `${p.fromDay} – ${p.toDay}`}`;
}

export function renderReportHtml(data: ReportData, lang: ReportLanguage): string {
  const L = LABELS[lang];
  const zh = lang === 'zh-CN';
  const s = data.summary;
  const nameOf = (n: { zh: string; en: string } | undefined, fallback: string) => (n ? (zh ? n.zh : n.en) : fallback);
  const figures = table(
    [L.figure, L.value, L.previous, L.change],
    FIGURE_IDS.map((id) => {
      const v = s.figures[id];
      const prev = s.previousFigures[id];
      const change = v !== null && prev !== null ? (v - prev).toLocaleString(lang, { maximumFractionDigits: 1, signDisplay: 'exceptZero' }) : '—';
      return [zh ? FIGURES[id].name.zh : FIGURES[id].name.en, formatValue(id, v, lang), formatValue(id, prev, lang), change];
    }),
  );
  const series = table(
    [L.day, L.created, L.completed, L.breaches, L.compliance],
    s.series.map((p) => [p.label, num(p.created, 0), num(p.completed, 0), num(p.breaches, 0), p.compliance === null ? '—' : `${num(p.compliance)} %`]),
  );
  const complaints = s.complaints.length
    ? table(
        [L.category, L.department, L.count, L.answered, L.reply],
        s.complaints.map((c) => [c.category ?? L.unclassified, c.departmentId ? nameOf(data.departmentNames[c.departmentId], c.departmentId) : L.unclassified, num(c.count, 0), num(c.answered, 0), num(c.replyMinutes)]),
        2,
      )
    : `<p class="muted">${esc(L.none)}</p>`;
  const definitions = FIGURE_IDS.map((id) => `<dt>${esc(zh ? FIGURES[id].name.zh : FIGURES[id].name.en)}</dt><dd>${esc(zh ? FIGURES[id].definition.zh : FIGURES[id].definition.en)}</dd>`).join('');
  const title = reportTitle(data, lang);
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${esc(title)}</title>
<style>
  @page { size: A4; margin: 14mm 12mm; }
  body { margin: 0; }
  .kefu-report { font-family: "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif; color: #1f1f1f; font-size: 11px; }
  h1 { font-size: 18px; margin: 0 0 4px; } h2 { font-size: 13px; margin: 16px 0 6px; border-bottom: 1px solid #d9d9d9; padding-bottom: 3px; }
  .meta { color: #666; margin-bottom: 8px; } .muted { color: #888; }
  table { border-collapse: collapse; width: 100%; margin-bottom: 6px; page-break-inside: auto; }
  tr { page-break-inside: avoid; } th, td { border: 1px solid #e5e5e5; padding: 3px 6px; text-align: left; }
  th { background: #fafafa; font-weight: 600; } td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
  .chart { width: 100%; height: auto; } .cols { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 10px; color: #444; } dt { font-weight: 600; } dd { margin: 0; }
</style></head>
<body><div class="kefu-report">
<h1>${esc(title)}</h1>
<div class="meta">${esc(L.period)}: ${esc(s.period.fromDay)} – ${esc(s.period.toDay)} (${esc(s.period.timeZone)}) · ${esc(L.previous)}: ${esc(s.previous.fromDay)} – ${esc(s.previous.toDay)} · ${esc(L.generated)}: ${esc(formatInstant(data.generatedAt, s.period.timeZone))}</div>
${figures}
<h2>${esc(L.volume)}</h2>
${volumeSvg(data, lang)}
${s.series.length > 1 ? `<h2>${esc(L.series)}</h2>${series}` : ''}
<div class="cols"><div><h2>${esc(L.byType)}</h2>${breakdownTable(s.byType, L.type, (k) => nameOf(data.typeNames[k], k), lang)}</div>
<div><h2>${esc(L.byChannel)}</h2>${breakdownTable(s.byChannel, L.channel, (k) => nameOf(CHANNELS[k], k), lang)}</div></div>
<h2>${esc(L.complaints)}</h2>
${complaints}
<h2>${esc(L.agents)}</h2>
${data.performance.length ? agentsTable(data.performance, lang) : `<p class="muted">${esc(L.none)}</p>`}
<h2>${esc(L.definitions)}</h2>
<dl>${definitions}</dl>
</div></body></html>`;
}
