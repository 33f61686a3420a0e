// The monthly archive end to end through the registry: a generated month is closed, the bag
// verifies, any flipped byte is named, a rewritten-and-rechained history is caught against the
// live database, a cancelled run leaves nothing, regeneration is byte-identical, and the XLSX
// and SQLite extract open with independent readers.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArchiveJob } from '../../shared/archive';
import { verifyProblemText } from '../../shared/archiveProblems';
import { linkHash } from '../../electron/core/db/chain';
import { TICKET_EVENTS_CHAIN } from '../../electron/core/db/check';
import { verifyArchive } from '../../electron/core/services/archive/verify';
import { CUSTOMER } from './samples';
import { ADMIN, startCore, type TestCore } from './helpers';

let t: TestCore;
const MONTH = '2026-03';
const MIN = 60_000;

function waitJob(id: string): Promise<ArchiveJob> {
  return new Promise((resolve) => {
    const check = () => {
      const j = t.must('archive.job', { jobId: id });
      if (j && j.state !== 'running') {
        off();
        resolve(j);
        return true;
      }
      return false;
    };
    const off = t.core.on((e) => {
      if (e.type === 'archive.job' && e.job.id === id && e.job.state !== 'running') check();
    });
    check();
  });
}

async function archive(month = MONTH): Promise<ArchiveJob> {
  const job = await waitJob(t.must('archive.start', { month }).id);
  expect(job.state, job.error?.message).toBe('done');
  return job;
}

/** A month of work: tickets opened, handled late and on time, a complaint, an error, one left open. */
function generateMonth(): void {
  t.clock.set(Date.parse('2026-03-02T09:00:00+08:00'));
  for (let i = 0; i < 24; i++) {
    const customer = { ...CUSTOMER, name: i % 5 === 0 ? '=HYPERLINK("http://x","点我")' : `客户${i}`, phones: [`1380013${String(8000 + i)}`] };
    const row = t.must('tickets.create', {
      customer: { new: customer },
      typeCode: i % 6 === 0 ? 'complaint' : 'password_reset',
      channel: 'phone',
      priority: 'normal',
      subject: i === 3 ? '+1 开头的摘要' : `第 ${i} 单`,
      description: '',
    });
    t.must('tickets.act', { id: row.id, action: 'accept' });
    if (i === 23) continue; // still open at the month's end
    t.clock.advance((i % 3) * 20 * MIN + 5 * MIN);
    if (i % 6 === 0) t.must('tickets.updateComplaint', { id: row.id, complaint: { category: '服务态度', cause: '@等待时间长', responsibleDepartmentId: null, outcome: '已道歉' } });
    t.must('tickets.act', { id: row.id, action: 'resolve' });
    t.must('tickets.act', { id: row.id, action: 'feedback' });
    if (i === 7) t.must('tickets.recordError', { id: row.id, reason: '未按时反馈' });
    t.clock.advance(26 * 60 * MIN);
  }
}

/**
 * A repair closed at the end of February: its 3DC callback falls due in March and is made by
 * another agent there (the one who served may not), with scores and a note.
 */
function callbackInMarch(): void {
  t.must('users.create', { name: 'agent2', displayName: '坐席二', role: 'agent', password: 'agent2-pass-1' });
  t.clock.set(Date.parse('2026-02-26T10:00:00+08:00'));
  const row = t.must('tickets.create', {
    customer: { new: { ...CUSTOMER, name: '回访客户', phones: ['13900000002'] } },
    typeCode: 'after_sales',
    channel: 'phone',
    priority: 'normal',
    subject: '空调维修',
    description: '',
  });
  for (const action of ['accept', 'resolve', 'feedback', 'close'] as const) t.must('tickets.act', { id: row.id, action });
  const dc3 = t.must('callbacks.ofCustomer', { customerId: row.customer.id }).find((c) => c.originTicket?.id === row.id && c.dueAt >= Date.parse('2026-03-01T00:00:00+08:00'))!;
  t.clock.set(dc3.dueAt + 30 * MIN);
  t.must('auth.signIn', { name: 'agent2', password: 'agent2-pass-1' });
  t.must('callbacks.record', { id: dc3.id, outcome: 'reached', scores: [5, 4, 5], notes: '=满意，建议保养', unsatisfied: false });
  t.must('auth.signIn', { name: ADMIN.name, password: ADMIN.password });
}

beforeAll(async () => {
  t = await startCore();
  callbackInMarch();
  generateMonth();
  // A ticket in April: not part of March.
  t.clock.set(Date.parse('2026-04-02T10:00:00+08:00'));
  t.must('tickets.create', { customer: { new: { ...CUSTOMER, name: '四月客户', phones: ['13900000001'] } }, typeCode: 'password_reset', channel: 'phone', priority: 'normal', subject: '四月', description: '' });
}, 60_000);
afterAll(async () => t.close());

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('month close', () => {
  let job: ArchiveJob;
  const progress: number[] = [];
  beforeAll(async () => {
    const off = t.core.on((e) => {
      if (e.type === 'archive.job') progress.push(e.job.progress);
    });
    job = await archive();
    off();
  }, 60_000);

  it('previews what the month holds', () => {
    const p = t.must('archive.preview', { month: MONTH });
    expect(p).toMatchObject({ month: MONTH, ticketsOpened: 24, ticketsClosed: 23, stillOpen: 24 - 23 });
    expect(p.counts.tickets).toBe(24);
    expect(p.counts.complaints).toBe(4);
    expect(p.existing?.name).toBe('kefu-archive-A1-2026-03');
  });

  it('writes a BagIt-like folder and a zip, with chain heads and counts in bag-info', () => {
    const folder = job.archive!.folder;
    expect(folder.endsWith('kefu-archive-A1-2026-03')).toBe(true);
    expect(existsSync(`${folder}.zip`)).toBe(true);
    expect(readdirSync(folder).sort()).toEqual(['bag-info.txt', 'bagit.txt', 'data', 'manifest-sha256.txt', 'tagmanifest-sha256.txt']);
    expect(readdirSync(join(folder, 'data')).sort()).toEqual(
      ['audit_log.csv', 'callbacks.csv', 'complaints.csv', 'customers.csv', 'deductions.csv', 'month.sqlite', 'report.html', 'ticket_events.csv', 'tickets.csv', 'tickets.xlsx'].sort(),
    );
    const info = readFileSync(join(folder, 'bag-info.txt'), 'utf8');
    expect(info).toMatch(/^Kefu-Count-tickets: 24$/m);
    expect(info).toMatch(/^Kefu-Count-callbacks: 1$/m);
    expect(info).toMatch(/^Kefu-Seat: A1$/m);
    expect(info).toMatch(/^Kefu-Created-By: 管理员$/m);
    const head = /^Kefu-Chain-Head-ticket_events: (\d+) ([0-9a-f]{64}) (\d+)$/m.exec(info)!;
    // The head is the last event before April: the April ticket's creation is not covered.
    const lastMarch = t.core.db
      .prepare('SELECT seq, hash FROM ticket_events WHERE at < ? ORDER BY seq DESC LIMIT 1')
      .get(Date.parse('2026-04-01T00:00:00+08:00')) as { seq: number; hash: string };
    expect([Number(head[1]), head[2]]).toEqual([lastMarch.seq, lastMarch.hash]);
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.at(-1)).toBe(1);
  });

  it('verifies, from the folder and from the zip, also against the live database', async () => {
    for (const source of [job.archive!.folder, `${job.archive!.folder}.zip`]) {
      const r = await verifyArchive(source, { live: t.core.db });
      expect(r.problems, source).toEqual([]);
      expect(r.ok).toBe(true);
      expect(r.files.length).toBe(3 + 10);
      expect(r.counts.find((c) => c.name === 'callbacks')).toMatchObject({ stated: 1, found: 1, ok: true });
      expect(r.counts.find((c) => c.name === 'tickets')).toMatchObject({ stated: 24, found: 24, ok: true });
      expect(r.chains.map((c) => c.live?.ok)).toEqual([true, true]);
    }
  });

  it('XLSX opens with exceljs’ ordinary reader: sheets, header rows, row counts, neutralised cells', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(job.archive!.folder, 'data', 'tickets.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['工单', '工单事件', '涉及客户', '投诉', '坐席扣分', '审计日志', '回访']);
    const callbacks = wb.getWorksheet('回访')!;
    expect(callbacks.rowCount).toBe(2 + 1);
    expect(callbacks.getRow(2).getCell(10).value).toBe('outcome');
    expect(callbacks.getRow(3).getCell(2).value).toBe('dc3_repair');
    expect(callbacks.getRow(3).getCell(9).value).toBe('坐席二');
    expect(callbacks.getRow(3).getCell(10).value).toBe('reached');
    expect(String(callbacks.getRow(3).getCell(11).value)).toContain('5');
    expect(callbacks.getRow(3).getCell(12).value).toBe("'=满意，建议保养");
    const tickets = wb.getWorksheet('工单')!;
    expect(tickets.rowCount).toBe(2 + 24);
    expect(tickets.getRow(1).getCell(1).value).toBe('工单号');
    expect(tickets.getRow(2).getCell(1).value).toBe('number');
    expect(String(tickets.getRow(3).getCell(1).value)).toMatch(/^A1-20260302-\d{4}$/);
    // Dates in the centre's time zone.
    expect(tickets.getRow(3).getCell(2).value).toBe('2026-03-02 09:00:00');
    const customers = wb.getWorksheet('涉及客户')!;
    const names = customers.getColumn(2).values.filter((v) => typeof v === 'string') as string[];
    expect(names).toContain(`'=HYPERLINK("http://x","点我")`);
    expect(names.some((n) => n.startsWith('='))).toBe(false);
    const subjects = tickets.getColumn(10).values as unknown[];
    expect(subjects).toContain("'+1 开头的摘要");
    const events = wb.getWorksheet('工单事件')!;
    const db = new Database(join(job.archive!.folder, 'data', 'month.sqlite'), { readonly: true });
    expect(events.rowCount - 2).toBe(db.prepare('SELECT count(*) FROM ticket_events').pluck().get());
    db.close();
  });

  it('CSVs start with a BOM and hold the same rows', () => {
    const csv = readFileSync(join(job.archive!.folder, 'data', 'tickets.csv'), 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.trimEnd().split('\r\n').length).toBe(2 + 24);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"",""点我"")"`);
    expect(csv.split('\r\n')[1]).toMatch(/^number,created at,/);
    const callbacks = readFileSync(join(job.archive!.folder, 'data', 'callbacks.csv'), 'utf8');
    expect(callbacks.trimEnd().split('\r\n').length).toBe(2 + 1);
    expect(callbacks).toContain(",reached,");
    expect(callbacks).toContain("'=满意，建议保养");
  });

  it('month.sqlite opens with plain better-sqlite3 and holds the month’s rows only', () => {
    const db = new Database(join(job.archive!.folder, 'data', 'month.sqlite'), { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.prepare('SELECT count(*) FROM tickets').pluck().get()).toBe(24);
    expect(db.prepare(`SELECT count(*) FROM tickets WHERE subject = '四月'`).pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM complaints').pluck().get()).toBe(4);
    expect(db.prepare('SELECT rule, agent, outcome, notes FROM callbacks').all()).toEqual([{ rule: 'dc3_repair', agent: '坐席二', outcome: 'reached', notes: '=满意，建议保养' }]);
    expect(JSON.parse(db.prepare('SELECT scores FROM callbacks').pluck().get() as string)).toBeTruthy();
    const ded = db.prepare('SELECT agent, error_lines, total FROM deductions').all() as { agent: string; error_lines: number; total: number }[];
    expect(ded.find((d) => d.agent === '管理员')?.error_lines).toBeGreaterThanOrEqual(1);
    // Events carry their chain links: recomputable without the app.
    const e = db.prepare('SELECT * FROM ticket_events ORDER BY seq LIMIT 1').get() as Record<string, unknown>;
    expect(linkHash(e.prev_hash as string, TICKET_EVENTS_CHAIN.columns.map((c) => e[c]))).toBe(e.hash);
    db.close();
  });

  it('regenerating the month gives byte-identical data files; only bag-info’s creation time differs', async () => {
    const folder = job.archive!.folder;
    const before = Object.fromEntries(readdirSync(join(folder, 'data')).map((f) => [f, sha(join(folder, 'data', f))]));
    const infoBefore = readFileSync(join(folder, 'bag-info.txt'), 'utf8');
    t.clock.advance(3 * 24 * 60 * MIN);
    const again = await archive();
    const after = Object.fromEntries(readdirSync(join(again.archive!.folder, 'data')).map((f) => [f, sha(join(again.archive!.folder, 'data', f))]));
    expect(after).toEqual(before);
    const infoAfter = readFileSync(join(again.archive!.folder, 'bag-info.txt'), 'utf8');
    const strip = (s: string) => s.replace(/^(Kefu-Created-At|Bagging-Date):.*$/gm, '');
    expect(strip(infoAfter)).toBe(strip(infoBefore));
    expect(infoAfter).not.toBe(infoBefore);
    expect(t.must('archive.list', {}).map((a) => a.name)).toEqual(['kefu-archive-A1-2026-03']);
  }, 60_000);

  it('a flipped byte in any file is named by verify', async () => {
    const folder = job.archive!.folder;
    const all = ['bag-info.txt', 'bagit.txt', 'manifest-sha256.txt', 'tagmanifest-sha256.txt', ...readdirSync(join(folder, 'data')).map((f) => `data/${f}`)];
    for (const rel of all) {
      const file = join(folder, rel);
      const original = readFileSync(file);
      const flipped = Buffer.from(original);
      const at = Math.floor(flipped.length / 2);
      flipped[at] = flipped[at]! ^ 0xff;
      writeFileSync(file, flipped);
      try {
        const r = await verifyArchive(folder);
        expect(r.ok, rel).toBe(false);
        expect(r.files.filter((f) => !f.ok).map((f) => f.path), rel).toContain(rel);
      } finally {
        writeFileSync(file, original);
      }
    }
    expect((await verifyArchive(folder)).ok).toBe(true);
  }, 60_000);

  it('the verify job through the registry reports the same', async () => {
    const j = await waitJob(t.must('archive.verify', { source: `${job.archive!.folder}.zip`, againstLive: true }).id);
    expect(j.state).toBe('done');
    expect(j.verify?.ok).toBe(true);
  });

  it('browses an archive read-only', () => {
    const b = t.must('archive.browse', { source: job.archive!.folder, section: 'tickets', limit: 5 });
    expect(b.total).toBe(24);
    expect(b.rows.length).toBe(5);
    expect(b.columns[0]).toBe('number');
    expect(b.sections).toContain('ticket_events');
  });
});

describe('tamper evidence against the live database', () => {
  it('an old ticket event rewritten and the chain recomputed: the live chain checks out, the archive does not', async () => {
    const job = await archive();
    const db = t.core.db;
    // The latest feedback of the month: its overtime (a deduction) is made to disappear.
    const victim = db
      .prepare(`SELECT seq FROM ticket_events WHERE kind = 'feedback' ORDER BY json_extract(after, '$.overtimeMinutes') DESC, seq LIMIT 1`)
      .pluck()
      .get() as number;
    expect(db.prepare('SELECT json_extract(after, ?) FROM ticket_events WHERE seq = ?').pluck().get('$.overtimeMinutes', victim)).toBeGreaterThan(0);
    // What someone with the file could do: drop the guard, rewrite, re-chain every later row.
    db.exec('DROP TRIGGER ticket_events_no_update');
    db.prepare(`UPDATE ticket_events SET after = '{"status":"feedback_given","overtimeMinutes":0}' WHERE seq = ?`).run(victim);
    const rows = db.prepare(`SELECT seq, ${TICKET_EVENTS_CHAIN.columns.join(', ')} FROM ticket_events ORDER BY seq`).raw(true).all() as unknown[][];
    let prev = '0'.repeat(64);
    const upd = db.prepare('UPDATE ticket_events SET prev_hash = ?, hash = ? WHERE seq = ?');
    db.transaction(() => {
      for (const r of rows) {
        const hash = linkHash(prev, r.slice(1));
        upd.run(prev, hash, r[0]);
        prev = hash;
      }
    })();
    db.exec(`CREATE TRIGGER ticket_events_no_update BEFORE UPDATE ON ticket_events BEGIN SELECT RAISE(ABORT, 'ticket_events is append-only'); END`);
    expect(t.must('db.check', {}).chains.every((c) => c.ok)).toBe(true);

    const alone = await verifyArchive(job.archive!.folder);
    expect(alone.ok).toBe(true);
    const live = await verifyArchive(job.archive!.folder, { live: db });
    expect(live.ok).toBe(false);
    const events = live.chains.find((c) => c.table === 'ticket_events')!;
    expect(events.live).toMatchObject({ ok: false, liveChainOk: true });
    const victimId = db.prepare('SELECT id FROM ticket_events WHERE seq = ?').pluck().get(victim);
    expect(events.live!.firstDifferentId).toBe(victimId);
    expect(live.problems.map((p) => p.key)).toEqual(expect.arrayContaining(['historyRewritten', 'rowDiffersFromLive']));
    // The problems read as sentences in both languages (the screen and the CLI).
    const rewritten = live.problems.find((p) => p.key === 'historyRewritten')!;
    expect(verifyProblemText(rewritten, 'en')).toMatch(/ticket_events: the live database holds [0-9a-f]{64} at seq \d+ .* rewritten after it was archived/);
    expect(verifyProblemText(rewritten, 'zh-CN')).toMatch(/ticket_events：本机数据库在序号 \d+ 处为 [0-9a-f]{64}.*被改写过/);
  }, 60_000);
});

describe('cancel and failure', () => {
  it('a cancelled run leaves no archive folder, zip or temp file behind', async () => {
    const dir = join(t.dir, 'archives');
    const before = readdirSync(dir).sort();
    // February has no archive yet; cancel as soon as the job starts working.
    const off = t.core.on((e) => {
      if (e.type === 'archive.job' && e.job.state === 'running') t.core.call('archive.cancel', { jobId: e.job.id });
    });
    const started = t.must('archive.start', { month: '2026-02' });
    const job = await waitJob(started.id);
    off();
    expect(job.state).toBe('cancelled');
    expect(readdirSync(dir).sort()).toEqual(before);
  });

  it('refuses a bad month and a second run at once', () => {
    expect(t.core.call('archive.start', { month: '2026-13' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const first = t.must('archive.start', { month: '2026-01' });
    expect(t.core.call('archive.start', { month: '2026-01' })).toMatchObject({ ok: false, error: { code: 'CONFLICT', messageKey: 'errors.archiveRunning' } });
    return waitJob(first.id);
  });
});

describe('the two table workers', () => {
  it('read the same month while the app keeps writing: the workbook, the CSVs and month.sqlite agree', async () => {
    // The workbook comes from one worker's snapshot, the CSVs and month.sqlite from the other's. A
    // March customer renamed over and over on the main thread during the close must show with the
    // same name in both (the snapshots are taken while the main thread holds still).
    const first = new Database(join(t.dir, 'archives', `kefu-archive-A1-${MONTH}`, 'data', 'month.sqlite'), { readonly: true });
    const customerId = first.prepare(`SELECT id FROM customers WHERE name = '客户1'`).pluck().get() as string;
    first.close();
    const started = t.must('archive.start', { month: MONTH });
    let writing = true;
    let renames = 0;
    const rename = () => {
      if (!writing) return;
      renames++;
      t.must('customers.update', { id: customerId, customer: { ...CUSTOMER, name: `改名${renames}`, phones: ['13800138001'] } });
      setTimeout(rename, 1);
    };
    rename();
    const job = await waitJob(started.id);
    writing = false;
    expect(job.state, job.error?.message).toBe('done');
    expect(renames).toBeGreaterThan(1);
    const data = join(job.archive!.folder, 'data');
    const extract = new Database(join(data, 'month.sqlite'), { readonly: true });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(data, 'tickets.xlsx'));
    const sheetColumn = (sheet: number, column: number) => {
      const out: string[] = [];
      wb.worksheets[sheet]!.eachRow((row, n) => {
        // The sheet's text is neutralised (a leading quote before = + - @), the extract's is not.
        if (n > 2) out.push(String(row.getCell(column).value ?? '').replace(/^'(?=[=+\-@])/, ''));
      });
      return out;
    };
    const inExtract = (sql: string) => extract.prepare(sql).pluck().all() as string[];
    const ticketCustomers = inExtract('SELECT customer FROM tickets ORDER BY rowid');
    expect(sheetColumn(0, 3)).toEqual(ticketCustomers);
    expect(sheetColumn(2, 2)).toEqual(inExtract('SELECT name FROM customers ORDER BY rowid'));
    expect(ticketCustomers.some((n) => n.startsWith('改名'))).toBe(true);
    const csv = readFileSync(join(data, 'customers.csv'), 'utf8');
    const renamed = inExtract(`SELECT name FROM customers WHERE id = '${customerId}'`)[0]!;
    expect(csv).toContain(`,${renamed},`);
    extract.close();
    expect((await verifyArchive(job.archive!.folder)).ok).toBe(true);
  }, 60_000);
});
