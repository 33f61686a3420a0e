// Every statistics figure computed by the core equals an independent computation here: a plain
// loop over the tickets and their events as tickets.get returns them, with shared/sla only for the
// working-time arithmetic. The month is made through the real registry (tests/fixtures/statsCentre.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileCalendar, slaStatus, workingMinutesBetween, type CompiledCalendar } from '../../shared/sla';
import { FIGURE_IDS, FIGURES, type FigureId } from '../../shared/stats/definitions';
import type { StatsFilters } from '../../shared/stats/types';
import type { TicketDetail } from '../../shared/tickets/types';
import { scriptCentre, STATS_AGENTS, type ScriptedCentre } from '../fixtures/statsCentre';
import { ADMIN, startCore, type TestCore } from './helpers';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const SHANGHAI = 8 * HOUR; // no DST: local time is UTC+8 all year
const MARCH = Date.parse('2026-03-01T00:00:00+08:00');
const APRIL = Date.parse('2026-04-01T00:00:00+08:00');
const PERIOD = { from: '2026-03-01', to: '2026-03-31' };

let t: TestCore;
let centre: ScriptedCentre;
let tickets: Ref[];
let calendars: Map<string, CompiledCalendar>;

interface Ref {
  d: TicketDetail;
  created: number;
  accepted: number | null;
  feedback: number | null;
  breached: boolean;
  overtime: number;
  handling: number | null;
  resolution: number | null;
  reopens: number;
  transfers: number;
  role: string;
}

/** The reference: what each ticket's own events and SLA say, computed without the facts cache. */
function reference(d: TicketDetail, calendars: Map<string, CompiledCalendar>): Ref {
  let accepted: number | null = null;
  let acceptIndex = -1;
  d.events.forEach((e, i) => {
    if (e.kind === 'accept' && accepted === null) {
      accepted = e.at;
      acceptIndex = i;
    }
  });
  const reopens = d.events.filter((e) => e.kind === 'reopen').length;
  const transfers = d.events.filter((e, i) => acceptIndex >= 0 && i > acceptIndex && (e.kind === 'transferred' || e.kind === 'forwarded')).length;
  const feedback = d.sla.feedbackAt;
  const cal = calendars.get(d.sla.target.calendarId)!;
  let breached = false;
  let overtime = 0;
  let handling: number | null = null;
  let resolution: number | null = null;
  if (feedback !== null) {
    const s = slaStatus({ calendar: cal, start: d.createdAt, target: d.sla.target, warning: d.sla.target.warning, pauses: d.sla.pauses }, feedback);
    breached = s.overtimeMs > 0;
    overtime = s.overtimeMinutes;
    resolution = s.elapsedMs / 60_000;
    if (accepted !== null) handling = workingMinutesBetween(cal, accepted, feedback, d.sla.pauses);
  }
  return { d, created: d.createdAt, accepted, feedback, breached, overtime, handling, resolution, reopens, transfers, role: d.customer.role };
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
const share = (part: number, whole: number) => (whole ? (part / whole) * 100 : null);

function matches(r: Ref, f: StatsFilters): boolean {
  return (
    (f.typeCode === undefined || r.d.typeCode === f.typeCode) &&
    (f.category === undefined || r.d.category === f.category) &&
    (f.channel === undefined || r.d.channel === f.channel) &&
    (f.tier === undefined || r.d.tier === f.tier) &&
    (f.role === undefined || r.role === f.role) &&
    (f.agentId === undefined || r.d.assignee?.id === f.agentId) &&
    (f.departmentId === undefined || r.d.departmentId === f.departmentId)
  );
}

/** The cohort of each figure, as its definition says. */
function cohort(id: FigureId, from: number, to: number, f: StatsFilters = {}): Ref[] {
  const all = tickets.filter((r) => matches(r, f));
  const created = all.filter((r) => r.created >= from && r.created < to);
  const completed = all.filter((r) => r.feedback !== null && r.feedback >= from && r.feedback < to);
  switch (id) {
    case 'created':
      return created;
    case 'completed':
    case 'compliance':
    case 'resolution':
      return completed;
    case 'backlog':
      return all.filter((r) => r.created < to && (r.feedback === null || r.feedback >= to));
    case 'breaches':
      return completed.filter((r) => r.breached);
    case 'firstResponse':
      return created.filter((r) => r.accepted !== null);
    case 'handling':
      return completed.filter((r) => r.handling !== null);
    case 'fcr':
      return completed.filter((r) => r.reopens === 0 && r.transfers === 0);
    case 'reopenRate':
      return completed.filter((r) => r.reopens > 0);
    case 'complaints':
      return created.filter((r) => r.d.category === 'complaint');
    case 'complaintReply':
      return created.filter((r) => r.d.category === 'complaint' && r.feedback !== null);
  }
}

function expected(from: number, to: number, f: StatsFilters = {}): Record<FigureId, number | null> {
  const completed = cohort('completed', from, to, f);
  return {
    created: cohort('created', from, to, f).length,
    completed: completed.length,
    backlog: cohort('backlog', from, to, f).length,
    compliance: share(completed.filter((r) => !r.breached).length, completed.length),
    breaches: cohort('breaches', from, to, f).length,
    firstResponse: mean(cohort('firstResponse', from, to, f).map((r) => (r.accepted! - r.created) / 60_000)),
    handling: mean(cohort('handling', from, to, f).map((r) => r.handling!)),
    resolution: mean(completed.map((r) => r.resolution!)),
    fcr: share(cohort('fcr', from, to, f).length, completed.length),
    reopenRate: share(cohort('reopenRate', from, to, f).length, completed.length),
    complaints: cohort('complaints', from, to, f).length,
    complaintReply: mean(cohort('complaintReply', from, to, f).map((r) => r.resolution!)),
  };
}

function expectFigures(actual: Record<FigureId, number | null>, want: Record<FigureId, number | null>) {
  for (const id of FIGURE_IDS) {
    if (want[id] === null) expect(actual[id], id).toBeNull();
    // Figures are rounded to 0.01; per-ticket minutes are cached to 0.01 before averaging.
    else expect(actual[id], id).toBeCloseTo(want[id]!, FIGURES[id].unit === 'count' ? 6 : 1);
  }
}

beforeAll(async () => {
  t = await startCore();
  centre = scriptCentre({ must: t.must, setTime: (ms) => t.clock.set(ms) }, { from: MARCH + 2 * DAY, days: 26, count: 160 });
  t.clock.set(Date.parse('2026-04-02T10:00:00+08:00'));
  calendars = new Map(t.must('calendars.list', {}).map((c) => [c.id, compileCalendar(c)]));
  tickets = centre.ticketIds.map((id) => reference(t.must('tickets.get', { id }), calendars));
}, 120_000);
afterAll(async () => t.close());

describe('statistics of a generated month', () => {
  it('the month has what the figures need: late, reopened, transferred, paused, open and complaint tickets', () => {
    expect(tickets.length).toBe(160);
    expect(tickets.filter((r) => r.breached).length).toBeGreaterThan(5);
    expect(tickets.filter((r) => !r.breached && r.feedback !== null).length).toBeGreaterThan(5);
    expect(tickets.filter((r) => r.reopens > 0).length).toBeGreaterThan(2);
    expect(tickets.filter((r) => r.transfers > 0).length).toBeGreaterThan(2);
    expect(tickets.filter((r) => r.d.sla.pauses.length > 0).length).toBeGreaterThan(5);
    expect(tickets.filter((r) => r.feedback === null).length).toBeGreaterThan(3);
    expect(tickets.filter((r) => r.d.category === 'complaint').length).toBeGreaterThan(5);
  });

  it('every figure of the month equals the plain-loop reference, and the previous period is empty', () => {
    const s = t.must('stats.summary', { period: PERIOD, groupBy: 'day' });
    expect(s.period.from).toBe(MARCH);
    expect(s.period.to).toBe(APRIL);
    expectFigures(s.figures, expected(MARCH, APRIL));
    expect(s.previous.fromDay).toBe('2026-01-29');
    expectFigures(s.previousFigures, expected(s.previous.from, s.previous.to));
    expect(s.previousFigures.created).toBe(0);
  });

  it('with filters (tier, channel, role, agent, type, category, department) each figure still equals the reference', () => {
    const filterSets: StatsFilters[] = [
      { tier: 'key' },
      { channel: 'phone' },
      { role: 'partner' },
      { agentId: centre.agents[1]!.id },
      { typeCode: 'complaint' },
      { category: 'business', tier: 'standard' },
      { departmentId: 'tech' },
    ];
    for (const filters of filterSets) {
      const s = t.must('stats.summary', { period: PERIOD, filters });
      expectFigures(s.figures, expected(MARCH, APRIL, filters));
    }
  });

  it('each week of a custom period, and its previous week, equals the reference', () => {
    for (let d = 2; d < 28; d += 7) {
      const from = MARCH + d * DAY;
      const day = (ms: number) => new Date(ms + SHANGHAI).toISOString().slice(0, 10);
      const s = t.must('stats.summary', { period: { from: day(from), to: day(from + 6 * DAY) } });
      expectFigures(s.figures, expected(from, from + 7 * DAY));
      expectFigures(s.previousFigures, expected(from - 7 * DAY, from));
    }
  });

  it('the daily series, the hour × weekday arrivals and the complaint groups equal the reference', () => {
    const s = t.must('stats.summary', { period: PERIOD, groupBy: 'day' });
    expect(s.series).toHaveLength(31);
    s.series.forEach((p, i) => {
      const from = MARCH + i * DAY;
      expect(p.from).toBe(from);
      expect(p.created, p.label).toBe(cohort('created', from, from + DAY).length);
      expect(p.completed, p.label).toBe(cohort('completed', from, from + DAY).length);
      expect(p.breaches, p.label).toBe(cohort('breaches', from, from + DAY).length);
    });
    const grid = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
    for (const r of cohort('created', MARCH, APRIL)) {
      const local = new Date(r.created + SHANGHAI);
      grid[(local.getUTCDay() + 6) % 7]![local.getUTCHours()]! += 1;
    }
    expect(s.arrivals).toEqual(grid);
    const groups = new Map<string, Ref[]>();
    for (const r of cohort('complaints', MARCH, APRIL)) {
      const key = `${r.d.complaint?.category || null}|${r.d.complaint?.responsibleDepartmentId ?? null}`;
      groups.set(key, [...(groups.get(key) ?? []), r]);
    }
    expect(s.complaints.map((g) => `${g.category}|${g.departmentId}`).sort()).toEqual([...groups.keys()].sort());
    for (const g of s.complaints) {
      const refs = groups.get(`${g.category}|${g.departmentId}`)!;
      expect(g.count).toBe(refs.length);
      const answered = refs.filter((r) => r.feedback !== null);
      expect(g.answered).toBe(answered.length);
      const m = mean(answered.map((r) => r.resolution!));
      if (m === null) expect(g.replyMinutes).toBeNull();
      else expect(g.replyMinutes).toBeCloseTo(m, 1);
    }
  });

  it('the weekly and monthly series add up to the period; per-agent breakdown equals the reference', () => {
    const weeks = t.must('stats.summary', { period: PERIOD, groupBy: 'week' });
    expect(weeks.series[0]!.label).toBe('2026-02-23'); // the Monday of the week holding 1 March
    expect(weeks.series.reduce((a, p) => a + p.created, 0)).toBe(weeks.figures.created);
    expect(weeks.series.reduce((a, p) => a + p.completed, 0)).toBe(weeks.figures.completed);
    const months = t.must('stats.summary', { period: { preset: 'thisYear' }, groupBy: 'month' });
    expect(months.series.map((p) => p.label)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04']);
    expect(months.series[2]!.created).toBe(weeks.figures.created);
    for (const row of weeks.byAgent) {
      const f = row.key ? { agentId: row.key } : {};
      const refs = cohort('created', MARCH, APRIL).filter((r) => (r.d.assignee?.id ?? '') === row.key);
      expect(row.created, row.key).toBe(refs.length);
      if (row.key) expect(row.completed).toBe(expected(MARCH, APRIL, f).completed);
    }
  });

  it('every figure lists exactly the tickets behind it (drill-down), also for one bar, one heat-map cell and one complaint group', () => {
    for (const figure of FIGURE_IDS) {
      const r = t.must('stats.tickets', { period: PERIOD, figure, limit: 500 });
      const want = cohort(figure, MARCH, APRIL).map((x) => x.d.id).sort();
      expect(r.total, figure).toBe(want.length);
      expect(r.tickets.map((x) => x.id).sort(), figure).toEqual(want);
    }
    const s = t.must('stats.summary', { period: PERIOD, groupBy: 'day' });
    const bar = s.series.find((p) => p.breaches > 0)!;
    const late = t.must('stats.tickets', { period: PERIOD, figure: 'breaches', slice: { kind: 'bucket', from: bar.from, to: bar.to } });
    expect(late.total).toBe(bar.breaches);
    const onTime = t.must('stats.tickets', { period: PERIOD, figure: 'completed', breached: false, slice: { kind: 'bucket', from: bar.from, to: bar.to } });
    expect(onTime.total).toBe(bar.onTime);
    const cell = { weekday: 1, hour: s.arrivals[1]!.findIndex((n) => n > 0) };
    const arrivals = t.must('stats.tickets', { period: PERIOD, figure: 'created', slice: { kind: 'arrival', ...cell } });
    expect(arrivals.total).toBe(s.arrivals[1]![cell.hour]);
    const g = s.complaints[0]!;
    const group = t.must('stats.tickets', { period: PERIOD, figure: 'complaints', slice: { kind: 'complaint', category: g.category, departmentId: g.departmentId } });
    expect(group.total).toBe(g.count);
  });

  it('figures follow later changes (the facts cache replays new events) and a rebuild gives the same result', async () => {
    const before = t.must('stats.summary', { period: PERIOD });
    const open = tickets.find((r) => r.feedback === null && r.d.status === 'resolved' && r.created >= MARCH);
    expect(open).toBeDefined();
    t.clock.set(Date.parse('2026-03-31T10:00:00+08:00'));
    t.must('tickets.act', { id: open!.d.id, action: 'feedback' });
    tickets[tickets.indexOf(open!)] = reference(t.must('tickets.get', { id: open!.d.id }), calendars);
    const after = t.must('stats.summary', { period: PERIOD });
    expect(after.figures.completed).toBe(before.figures.completed! + 1);
    expect(after.figures.backlog).toBe(before.figures.backlog! - 1);
    const { rebuildFacts } = await import('../../electron/core/services/statsFacts');
    rebuildFacts(t.core.db, t.clock.now());
    expect(t.must('stats.summary', { period: PERIOD })).toEqual(after);
  });
});

describe('who sees what', () => {
  it('an agent sees only their own figures, whatever filter they send; they cannot grant credits', () => {
    const agent = centre.agents[2]!;
    t.must('auth.signOut', {});
    t.must('auth.signIn', { name: agent.name, password: STATS_AGENTS[2].password });
    try {
      const own = t.must('stats.summary', { period: PERIOD, filters: { agentId: centre.agents[0]!.id } });
      expect(own.ownOnly).toBe(true);
      expect(own.figures.created).toBe(t.core.db.prepare('SELECT count(*) FROM ticket_facts WHERE assignee_id = ? AND created_at >= ? AND created_at < ?').pluck().get(agent.id, MARCH, APRIL));
      const board = t.must('stats.performance', { period: PERIOD });
      expect(board.agents.map((a) => a.agentId)).toEqual([agent.id]);
      const r = t.core.call('stats.grantCredit', { agentId: agent.id, points: 1, reason: '自己给自己' });
      expect(r.ok ? null : r.error.code).toBe('FORBIDDEN');
    } finally {
      t.must('auth.signOut', {});
      t.must('auth.signIn', { name: ADMIN.name, password: ADMIN.password });
    }
  });

  it('an impossible custom period is refused as VALIDATION', () => {
    const r = t.core.call('stats.summary', { period: { from: '2026-03-31', to: '2026-03-01' } });
    expect(r.ok ? null : r.error.code).toBe('VALIDATION');
    const r2 = t.core.call('stats.summary', { period: { from: '2026-02-30', to: '2026-03-01' } });
    expect(r2.ok ? null : r2.error.messageKey).toBe('errors.periodInvalid');
  });
});

describe('per-agent performance (绩效) of the month', () => {
  /** The seed's rules as a plain loop: ≤5 min late 0.5, ≤10 min 1, beyond that an error; errors 1.5 each. */
  function referenceBoard(agentId: string) {
    const handled = tickets.filter((r) => r.d.assignee?.id === agentId && r.feedback !== null && r.feedback >= MARCH && r.feedback < APRIL);
    let overtimePoints = 0;
    const errorTimes: number[] = [];
    for (const r of handled) {
      const late = Math.round(r.overtime * 100) / 100;
      if (late <= 0) continue;
      if (late <= 5) overtimePoints += 0.5;
      else if (late <= 10) overtimePoints += 1;
      else errorTimes.push(r.feedback!);
    }
    for (const r of tickets) {
      for (const e of r.d.events) if (e.kind === 'error' && e.after?.agentId === agentId && e.at >= MARCH && e.at < APRIL) errorTimes.push(e.at);
    }
    const credits = t.core.db.prepare('SELECT points FROM agent_credits WHERE agent_id = ? AND revoked_at IS NULL AND at >= ? AND at < ?').pluck().all(agentId, MARCH, APRIL) as number[];
    const deducted = overtimePoints + errorTimes.length * 1.5;
    const credited = credits.reduce((a, b) => a + b, 0);
    return { handled: handled.length, onTime: handled.filter((r) => !r.breached).length, overtimePoints, errors: errorTimes.length, deducted, credited, net: Math.max(0, deducted - credited) };
  }

  it('handled, compliance, deductions, errors, credits and the net score equal the seed rules applied by hand', () => {
    const board = t.must('stats.performance', { period: PERIOD });
    for (const agent of centre.agents) {
      const a = board.agents.find((x) => x.agentId === agent.id)!;
      const want = referenceBoard(agent.id);
      expect(a.handled, agent.name).toBe(want.handled);
      expect(a.onTime, agent.name).toBe(want.onTime);
      expect(a.overtimePoints, agent.name).toBeCloseTo(want.overtimePoints, 6);
      expect(a.errors, agent.name).toBe(want.errors);
      expect(a.deducted, agent.name).toBeCloseTo(want.deducted, 6);
      expect(a.credited, agent.name).toBeCloseTo(want.credited, 6);
      expect(a.net, agent.name).toBeCloseTo(want.net, 6);
      // Every point is explained: a ticket number for overtime and errors on tickets, the credit otherwise.
      for (const l of a.lines) {
        if (l.kind === 'credit') expect(a.credits.some((c) => c.id === l.creditId && c.revokedAt === null)).toBe(true);
        else expect(l.ticketNumber, JSON.stringify(l)).toMatch(/^A1-2026\d{4}-\d{4}$/);
      }
      expect(a.lines.reduce((s, l) => s + l.points, 0)).toBeCloseTo(a.deducted - a.credited, 6);
    }
    const first = board.agents.find((x) => x.agentId === centre.agents[0]!.id)!;
    expect(first.credits).toHaveLength(2);
    expect(first.credits.find((c) => c.revokedAt !== null)?.revokeReason).toBe('给错了人');
  });

  it('the stored, editable rules are the ones applied: a second error now costs 3', () => {
    const agent = centre.agents.find((a) => referenceBoard(a.id).errors >= 2);
    if (!agent) return void console.log('skipped: no agent with two errors in this month');
    const before = t.must('stats.performance', { period: PERIOD, agentId: agent.id }).agents[0]!;
    t.must('deductions.saveRules', { rules: { overtimeBands: [{ id: 'overtime.upTo5', upToMinutes: 5, points: 0.5 }, { id: 'overtime.upTo10', upToMinutes: 10, points: 1 }], errorPoints: [1.5, 3] } });
    try {
      const after = t.must('stats.performance', { period: PERIOD, agentId: agent.id }).agents[0]!;
      expect(after.errorPoints).toBeCloseTo(before.errorPoints + (before.errors - 1) * 1.5, 6);
    } finally {
      t.must('deductions.saveRules', { rules: { overtimeBands: [{ id: 'overtime.upTo5', upToMinutes: 5, points: 0.5 }, { id: 'overtime.upTo10', upToMinutes: 10, points: 1 }], errorPoints: [1.5] } });
    }
  });

  it('credits are audited and revocable once; an unknown credit or agent is NOT_FOUND', () => {
    const agent = centre.agents[1]!;
    const c = t.must('stats.grantCredit', { agentId: agent.id, points: 0.5, reason: '参加部门活动', at: MARCH + 10 * DAY });
    const revoked = t.must('stats.revokeCredit', { id: c.id, reason: '重复登记' });
    expect(revoked.revokedAt).not.toBeNull();
    const again = t.core.call('stats.revokeCredit', { id: c.id, reason: '再次撤销' });
    expect(again.ok ? null : again.error.code).toBe('CONFLICT');
    const audit = t.must('audit.list', { limit: 50 });
    expect(audit.some((e) => e.action === 'credit.grant' && e.subject === c.id)).toBe(true);
    expect(audit.some((e) => e.action === 'credit.revoke' && e.subject === c.id)).toBe(true);
    const missing = t.core.call('stats.revokeCredit', { id: '00000000-0000-7000-8000-000000000000', reason: 'x' });
    expect(missing.ok ? null : missing.error.code).toBe('NOT_FOUND');
    const nobody = t.core.call('stats.grantCredit', { agentId: '00000000-0000-7000-8000-000000000000', points: 1, reason: 'x' });
    expect(nobody.ok ? null : nobody.error.code).toBe('NOT_FOUND');
  });
});

describe('ticket history', () => {
  it('finds closed tickets by number, customer name (2 characters), phone fragment, subject text, dates, status and agent', () => {
    const closed = tickets.filter((r) => r.d.status === 'closed');
    expect(closed.length).toBeGreaterThan(3);
    const one = closed[0]!;
    expect(t.must('tickets.history', { q: one.d.number }).tickets.map((x) => x.id)).toEqual([one.d.id]);
    const byName = t.must('tickets.history', { q: '王伟', limit: 500 });
    expect(byName.total).toBe(tickets.filter((r) => r.d.customer.name === '王伟').length);
    const phone = t.must('tickets.history', { q: '13800138000', limit: 500 }); // 王伟's phone
    expect(phone.total).toBe(byName.total);
    const bySubject = t.must('tickets.history', { q: '投诉事项', limit: 500 });
    expect(bySubject.total).toBe(tickets.filter((r) => r.d.subject.includes('投诉事项')).length);
    const byStatus = t.must('tickets.history', { status: 'closed', limit: 500 });
    expect(byStatus.tickets.map((x) => x.id).sort()).toEqual(closed.map((r) => r.d.id).sort());
    const agent = centre.agents[0]!;
    const week = t.must('tickets.history', { from: '2026-03-09', to: '2026-03-15', agentId: agent.id, limit: 500 });
    const want = tickets.filter((r) => r.d.assignee?.id === agent.id && r.created >= MARCH + 8 * DAY && r.created < MARCH + 15 * DAY);
    expect(week.tickets.map((x) => x.id).sort()).toEqual(want.map((r) => r.d.id).sort());
    expect(week.tickets.every((x, i, a) => i === 0 || a[i - 1]!.createdAt >= x.createdAt)).toBe(true);
  });
});

describe('reports', () => {
  it('the monthly report has the month figures and the agents, and renders to self-contained HTML in both languages', async () => {
    const report = t.must('stats.report', { kind: 'monthly', day: '2026-03-15' });
    expect(report.summary.period.fromDay).toBe('2026-03-01');
    expect(report.summary.period.toDay).toBe('2026-03-31');
    expect(report.summary.figures).toEqual(t.must('stats.summary', { period: PERIOD }).figures);
    expect(report.performance.map((a) => a.agentName)).toEqual(expect.arrayContaining(centre.agents.map((a) => a.displayName)));
    const { buildMonthlyReport } = await import('../../electron/core/services/report');
    const { renderReportHtml } = await import('../../shared/stats/reportHtml');
    const data = buildMonthlyReport(t.core.db, 2026, 3, t.clock.now());
    expect(data.summary.figures).toEqual(report.summary.figures);
    for (const lang of ['zh-CN', 'en'] as const) {
      const html = renderReportHtml(data, lang);
      expect(html).toContain(lang === 'zh-CN' ? '月报' : 'Monthly report');
      expect(html).toContain(String(report.summary.figures.created));
      expect(html).not.toMatch(/<script|https?:\/\/|src=/i);
      for (const a of centre.agents) expect(html).toContain(a.displayName);
    }
    const weekly = t.must('stats.report', { kind: 'weekly', day: '2026-03-11' });
    expect([weekly.summary.period.fromDay, weekly.summary.period.toDay]).toEqual(['2026-03-09', '2026-03-15']);
    const daily = t.must('stats.report', { kind: 'daily', day: '2026-03-11' });
    expect(daily.summary.period.toDay).toBe('2026-03-11');
  });
});
