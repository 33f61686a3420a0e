// The bench's data generator: a realistic centre (1,000,000 tickets over twelve months, 200,000
// customers) written FAST by direct SQL in large transactions, NOT through the registry. The
// schema, settings, users and catalogue come from a real core (migrations, setup.init,
// users.create); everything bulk is written here the way the services would have written it:
// customers with their phone rows and FTS rows, tickets with their SLA caches, FTS rows, a valid
// hash chain of ticket events in time order, and per-seat day counters.
//
// The folder is cached under tests/.tmp/bench-centre-<tickets>-<customers>/ (or $KEFU_BENCH_CACHE)
// with a marker file; a missing or different marker (generator version, sizes) regenerates it,
// an older schema version is migrated in place by the app's migrations.
//
//   npx tsx tests/bench/generate.ts [tickets] [customers] [openTickets]
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { v7 } from 'uuid';
import { createCore, manualClock } from '../../electron/core';
import { backupsDir } from '../../electron/core/db/backup';
import { linkHash, GENESIS } from '../../electron/core/db/chain';
import { TICKET_EVENTS_CHAIN } from '../../electron/core/db/check';
import { LATEST_VERSION } from '../../electron/core/db/migrations';
import { closeDatabase, openDatabase } from '../../electron/core/db/open';
import { dbFileIn } from '../../electron/core/paths';
import { digitsOf, initialsOf } from '../../electron/core/services/customers';
import { assetKeys, nameKeys } from '../../electron/core/services/customerKeys';
import { rebuildFacts } from '../../electron/core/services/statsFacts';
import { PROVINCES } from '../../shared/customers/plate';
import { vinCheckDigit } from '../../shared/customers/vin';
import type { AssetInput } from '../../shared/customers/assets';
import { compileCalendar, slaStatus, type CalendarSpec, type CatalogueTarget, type CompiledCalendar, type RequestType } from '../../shared/sla';
import type { MethodInput, MethodName } from '../../shared/contract';

/** Bump when the generated data changes shape, so cached folders are rebuilt. */
const GENERATOR_VERSION = 4; // 3: assets (vehicles, policies, contracts) and customer_keys; 4: one event chain per seat
const DAY_MS = 86_400_000;
const CN_OFFSET_MS = 8 * 3_600_000; // Asia/Shanghai has no DST: day boundaries are fixed
export const BENCH_SEAT = 'A1';
export const BENCH_ADMIN = { name: 'admin', displayName: '管理员', password: 'admin-pass-1' };
export const BENCH_AGENT_PASSWORD = 'agent-pass-1';
const AGENTS = 36;
const SUPERVISORS = 4;
const SEATS = 12;

export interface CentreSize {
  tickets?: number;
  customers?: number;
  openTickets?: number;
  /** The span the history covers (default: the year up to now), e.g. one month for the archive bench. */
  range?: { start: number; end: number };
}

export interface Centre {
  dataDir: string;
  tickets: number;
  customers: number;
  openTickets: number;
  /** This PC's seat code (setup.init); generated tickets come from seats A1..A12. */
  seat: string;
  /** User names of the agents, all with BENCH_AGENT_PASSWORD. */
  agents: string[];
  /** The instant the generated history ends (the generation's "now"). */
  generatedAt: number;
  /** Wall-clock ms the generation took, or null when the cached folder was reused. */
  generationMs: number | null;
}

interface Marker extends Omit<Centre, 'dataDir' | 'generationMs'> {
  schemaVersion: number;
  generatorVersion: number;
  generationMs: number;
}

const log = (msg: string) => process.stderr.write(`[generate] ${msg}\n`);

/** Where generated centres are cached; KEFU_BENCH_CACHE lets several checkouts share one. */
export const DEFAULT_CACHE_ROOT = process.env.KEFU_BENCH_CACHE ?? join(__dirname, '..', '.tmp');

export async function generateCentre(dir: string = DEFAULT_CACHE_ROOT, size: CentreSize = {}): Promise<Centre> {
  const tickets = size.tickets ?? 1_000_000;
  const customers = size.customers ?? 200_000;
  const openTickets = Math.min(size.openTickets ?? 2_000, tickets);
  const dataDir = join(dir, `bench-centre-${tickets}-${customers}${size.range ? `-${new Date(size.range.start).toISOString().slice(0, 10)}` : ''}`);
  const markerFile = join(dataDir, 'bench-marker.json');
  if (existsSync(markerFile)) {
    try {
      const m = JSON.parse(readFileSync(markerFile, 'utf8')) as Marker;
      if (m.schemaVersion === LATEST_VERSION && m.generatorVersion === GENERATOR_VERSION && m.tickets === tickets && m.customers === customers && m.openTickets === openTickets) {
        log(`reusing ${dataDir} (generated ${new Date(m.generatedAt).toISOString()} in ${(m.generationMs / 1000).toFixed(1)} s)`);
        settleStatistics(dataDir, m.generatedAt);
        const { schemaVersion: _s, generatorVersion: _g, generationMs: _ms, ...rest } = m;
        return { ...rest, dataDir, generationMs: null };
      }
      if (m.schemaVersion < LATEST_VERSION && m.generatorVersion === GENERATOR_VERSION && m.tickets === tickets && m.customers === customers && m.openTickets === openTickets) {
        // Only the schema moved on: the app's own migrations bring the data along, as they would
        // in the field, in far less time than a regeneration.
        log(`migrating ${dataDir} from schema ${m.schemaVersion} to ${LATEST_VERSION}`);
        const t0 = performance.now();
        const core = await createCore({ dataDir, clock: manualClock(m.generatedAt), backupCheckEveryMs: 0 });
        await core.close();
        rmSync(backupsDir(dataDir), { recursive: true, force: true });
        writeFileSync(markerFile, JSON.stringify({ ...m, schemaVersion: LATEST_VERSION }, null, 2));
        log(`migrated in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
        settleStatistics(dataDir, m.generatedAt);
        const { schemaVersion: _s, generatorVersion: _g, generationMs: _ms, ...rest } = m;
        return { ...rest, dataDir, generationMs: null };
      }
      log(`marker in ${dataDir} does not match (schema ${m.schemaVersion}/${LATEST_VERSION}, generator ${m.generatorVersion}/${GENERATOR_VERSION}): regenerating`);
    } catch {
      log(`unreadable marker in ${dataDir}: regenerating`);
    }
  }
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const t0 = performance.now();
  const generatedAt = size.range?.end ?? Date.now();
  const rangeStart = size.range?.start ?? generatedAt - 365 * DAY_MS;
  const agents = await setUpCentre(dataDir, rangeStart - 30 * DAY_MS);
  bulkInsert(dbFileIn(dataDir), { tickets, customers, openTickets, rangeStart, generatedAt });
  settleStatistics(dataDir, generatedAt);
  // The set-up core's first start took a backup of the empty centre: drop it, so the first real
  // start backs up the full database as it would in the field.
  rmSync(backupsDir(dataDir), { recursive: true, force: true });
  const generationMs = Math.round(performance.now() - t0);
  const marker: Marker = { schemaVersion: LATEST_VERSION, generatorVersion: GENERATOR_VERSION, tickets, customers, openTickets, seat: BENCH_SEAT, agents, generatedAt, generationMs };
  writeFileSync(markerFile, JSON.stringify(marker, null, 2));
  log(`done in ${(generationMs / 1000).toFixed(1)} s: ${dataDir}`);
  return { ...marker, dataDir, generationMs };
}

/**
 * A centre in use has its statistics cache built: without it, every start of a large centre
 * builds the cache in the background (statsFacts.ts), and a bench would measure next to that
 * build's writes and never see it finish. Built once here (a folder generated before this was
 * added gets it on its next use); the stats bench still times a rebuild of its own.
 */
function settleStatistics(dataDir: string, at: number): void {
  const db = openDatabase(dbFileIn(dataDir));
  try {
    if (db.prepare(`SELECT 1 FROM stats_state WHERE id = 'facts'`).get()) return;
    const t = performance.now();
    const tickets = rebuildFacts(db, at);
    log(`statistics cache: ${tickets} tickets in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  } finally {
    closeDatabase(db);
  }
}

/** Migrations, the centre, the admin and the staff through a real core and its registry. */
async function setUpCentre(dataDir: string, at: number): Promise<string[]> {
  const core = await createCore({ dataDir, clock: manualClock(at), backupCheckEveryMs: 0 });
  const must = <M extends MethodName>(method: M, input: MethodInput<M>) => {
    const r = core.call(method, input);
    if (!r.ok) throw new Error(`${method} failed: ${r.error.code} ${r.error.message}`);
    return r.value;
  };
  try {
    must('setup.init', { centreName: '华东客服中心', timeZone: 'Asia/Shanghai', seatCode: BENCH_SEAT, admin: BENCH_ADMIN });
    must('auth.signIn', { name: BENCH_ADMIN.name, password: BENCH_ADMIN.password });
    const rng = mulberry32(7);
    const agents: string[] = [];
    for (let i = 0; i < AGENTS + SUPERVISORS; i++) {
      const name = i < AGENTS ? `agent${String(i + 1).padStart(2, '0')}` : `super${i - AGENTS + 1}`;
      must('users.create', { name, displayName: personName(rng), role: i < AGENTS ? 'agent' : 'supervisor', password: BENCH_AGENT_PASSWORD });
      if (i < AGENTS) agents.push(name);
    }
    log(`centre set up: ${AGENTS} agents, ${SUPERVISORS} supervisors`);
    return agents;
  } finally {
    await core.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Realistic content
// ---------------------------------------------------------------------------------------------

/** Deterministic PRNG: the same sizes give the same centre. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
export type Rng = () => number;
const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;
function weighted<T>(entries: readonly (readonly [T, number])[]): (rng: Rng) => T {
  const total = entries.reduce((s, [, w]) => s + w, 0);
  const cum: number[] = [];
  let acc = 0;
  for (const [, w] of entries) cum.push((acc += w / total));
  return (rng) => {
    const r = rng();
    for (let i = 0; i < cum.length; i++) if (r < cum[i]!) return entries[i]![0];
    return entries.at(-1)![0];
  };
}

// Common surnames, heavier at the front (王李张刘陈 cover about a third of China).
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split('');
const surname = (rng: Rng) => SURNAMES[Math.floor(SURNAMES.length * rng() ** 2.2)]!;
const GIVEN_ONE = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超霞平刚辉玲桂丹萍鑫鹏华红建峰斌宇浩凯婷慧波琳晶欣颖倩雪琴云飞亮健莉兵林俊帅'.split('');
const GIVEN_TWO = ['秀英', '秀兰', '桂英', '建华', '建国', '志强', '晓东', '海燕', '丽娟', '春梅', '文杰', '子涵', '梓萱', '浩然', '一诺', '雨涵', '欣怡', '宇轩', '俊杰', '晓燕', '建军', '红梅', '丽华', '志刚', '玉兰', '国强', '婷婷', '佳怡', '思远', '嘉欣', '明辉', '振华', '海涛', '晓峰', '雪梅', '金凤', '永刚', '立新', '小红', '天佑'];
export function personName(rng: Rng): string {
  // Two-character names (王伟) are very common and the hardest search case: ~45 %.
  return rng() < 0.45 ? surname(rng) + pick(rng, GIVEN_ONE) : surname(rng) + (rng() < 0.7 ? pick(rng, GIVEN_TWO) : pick(rng, GIVEN_ONE) + pick(rng, GIVEN_ONE));
}
const CITIES = ['上海', '杭州', '南京', '苏州', '宁波', '无锡', '合肥', '常州', '嘉兴', '绍兴', '温州', '南通', '扬州', '金华', '台州'];
const TRADES = ['华东', '恒通', '金桥', '宏达', '瑞丰', '长江', '新世纪', '东方', '海天', '天成', '盛世', '永安', '信达', '中联', '博远'];
const BUSINESS = ['物流', '贸易', '科技', '电子', '建设', '医药', '食品', '汽车服务', '信息技术', '商贸', '实业', '网络'];
const companyName = (rng: Rng) => `${pick(rng, CITIES)}${pick(rng, TRADES)}${pick(rng, BUSINESS)}有限公司`;
const MOBILE_PREFIX = ['130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '155', '156', '157', '158', '159', '166', '176', '177', '180', '181', '182', '183', '186', '187', '188', '189', '191', '198', '199'];
function phone(rng: Rng): string {
  if (rng() < 0.08) return `0${pick(rng, ['21', '571', '25', '512', '574'])}-${String(Math.floor(rng() * 9e7) + 1e7).slice(0, 8)}`;
  const digits = pick(rng, MOBILE_PREFIX) + String(Math.floor(rng() * 1e8)).padStart(8, '0');
  // As agents type them: plain, or grouped 3-4-4.
  return rng() < 0.3 ? `${digits.slice(0, 3)} ${digits.slice(3, 7)} ${digits.slice(7)}` : digits;
}

const VIN_CHARS = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789';
const WMI = ['LSV', 'LFV', 'LGB', 'LHG', 'LVS', 'LBV', 'LSG', 'LGW', 'LRW', 'LDC'];
const PLATE_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const MODELS = ['帕萨特', '朗逸', '卡罗拉', '凯美瑞', '雅阁', '轩逸', '比亚迪 汉', '比亚迪 秦', 'Model Y', '哈弗 H6', '宝马 3系', '奥迪 A4L'];
const isoDay = (ms: number) => new Date(ms + CN_OFFSET_MS).toISOString().slice(0, 10);

/** A VIN with a correct ISO 3779 check digit (most real ones; the check is a warning anyway). */
export function vin(rng: Rng): string {
  const chars = [...pick(rng, WMI), ...Array.from({ length: 14 }, () => VIN_CHARS[Math.floor(rng() * VIN_CHARS.length)]!)];
  chars[8] = '0';
  chars[8] = vinCheckDigit(chars.join(''));
  return chars.join('');
}

export function plate(rng: Rng): string {
  const province = rng() < 0.6 ? '沪' : PROVINCES[Math.floor(rng() * PROVINCES.length)]!;
  const letter = PLATE_LETTERS[Math.floor(rng() * 20)]!;
  if (rng() < 0.2) return `${province}${letter}${rng() < 0.5 ? 'D' : 'F'}${Math.floor(rng() * 1e5).toString().padStart(5, '0')}`; // new energy
  return `${province}${letter}${Array.from({ length: 5 }, () => VIN_CHARS[Math.floor(rng() * VIN_CHARS.length)]!).join('')}`;
}

/** About 60 % of people own a car, 15 % a policy, 5 % of customers a contract. */
function assetsOf(rng: Rng, kind: string, at: number): AssetInput[] {
  const out: AssetInput[] = [];
  const day = (offsetDays: number) => isoDay(at + Math.floor(offsetDays) * DAY_MS);
  if (kind === 'person' && rng() < 0.6) {
    out.push({ kind: 'vehicle', vin: vin(rng), plate: plate(rng), model: pick(rng, MODELS), deliveryDate: day(rng() * 30), lastMaintenance: null,
      nextMaintenance: day(180 + rng() * 200), inspectionDate: day(365 + rng() * 30), insuranceRenewal: day(365), });
  }
  if (rng() < 0.15) {
    out.push({ kind: 'policy', number: `P${Math.floor(rng() * 1e11).toString().padStart(11, '0')}`, product: '车险', signDate: day(rng() * 60), premiumDue: day(365), status: 'active', lapsedDate: null });
  }
  if (rng() < 0.05) out.push({ kind: 'contract', number: `HT-${Math.floor(rng() * 1e8).toString().padStart(8, '0')}`, title: '', signDate: day(0), startDate: day(0), endDate: day(730) });
  return out;
}

const SUBJECTS: Record<string, readonly string[]> = {
  account_open: ['新开户资料办理', '公司户开户预约', '个人开户咨询办理'],
  account_open_online: ['网上开户业务归属确认', '线上开户归属网点调整'],
  activation: ['账户激活', '新卡激活失败', 'U盾激活'],
  activation_online: ['网上激活失败', '手机银行激活'],
  login_unlock: ['网上登录名被锁定', '登录密码多次错误锁定', '网银无法登录'],
  data_change: ['预留手机号变更', '地址资料变更', '重置交易密码'],
  remote_help: ['远程协助安装证书', '指导使用手机银行', '远程协助导出对账单'],
  auth_code: ['申请授权码', '授权码过期重新申请'],
  password_reset: ['重置登录密码', '忘记交易密码'],
  account_transfer: ['账户转户申请', '转户进度查询'],
  account_close: ['销户申请', '公司户销户办理'],
  other: ['发票开具', '对账单邮寄', '其他事项咨询'],
  consultation: ['转账限额咨询', '手续费标准咨询', '营业时间咨询', '理财产品咨询', '利率咨询'],
  complaint: ['服务态度投诉', '处理时效投诉', '收费争议投诉', '多次来电未解决'],
  after_sales: ['设备故障报修', '退换货申请', '安装上门预约', '配件补发'],
};
const DETAILS = [
  '客户来电反映问题，已核实身份信息，',
  '客户称昨天已经办理过一次，但系统仍提示失败，',
  '客户在营业厅排队等候较久，情绪较急，',
  '客户通过微信留言，附有截图，',
  '客户要求尽快回电，方便时间为下午，',
  '客户为老客户，之前有类似记录，',
];
const ASKS = ['请协助尽快处理。', '已告知处理时限，待回复客户。', '需要相关部门配合确认。', '已记录，等待客户补充资料。', '已提供操作指引，待客户确认。'];

const TYPE_MIX = weighted<string>([
  ['consultation', 25], ['login_unlock', 10], ['password_reset', 8], ['remote_help', 8], ['account_open', 7], ['activation', 6],
  ['data_change', 6], ['after_sales', 5], ['other', 5], ['account_open_online', 4], ['activation_online', 4], ['auth_code', 4],
  ['complaint', 4], ['account_transfer', 2], ['account_close', 2],
]);
const CHANNEL_MIX = weighted<string>([['phone', 55], ['wechat', 15], ['chat', 12], ['walk_in', 8], ['email', 7], ['other', 3]]);
const PRIORITY_MIX = weighted<string>([['normal', 75], ['high', 12], ['low', 8], ['urgent', 5]]);
const OPEN_MIX = weighted<string>([['new', 25], ['accepted', 15], ['in_progress', 35], ['waiting', 10], ['resolved', 15]]);

// ---------------------------------------------------------------------------------------------
// Bulk insert
// ---------------------------------------------------------------------------------------------

interface BulkPlan {
  tickets: number;
  customers: number;
  openTickets: number;
  rangeStart: number;
  generatedAt: number;
}

type Db = ReturnType<typeof openDatabase>;

const cnDay = (ms: number) => new Date(ms + CN_OFFSET_MS).toISOString().slice(0, 10).replace(/-/g, '');

function bulkInsert(file: string, plan: BulkPlan): void {
  const db = openDatabase(file);
  // Only this bulk connection: rollback journal in memory, no fsync, a big page cache. A crash here leaves a
  // half-written cache folder without its marker, which the next run regenerates anyway.
  // (journal_mode = OFF is refused: better-sqlite3 runs SQLite in defensive mode.)
  db.pragma('journal_mode = MEMORY');
  db.pragma('synchronous = OFF');
  db.pragma('foreign_keys = OFF');
  db.pragma('cache_size = -3000000');
  db.pragma('locking_mode = EXCLUSIVE');
  const rng = mulberry32(20260303);
  try {
    const staff = db.prepare(`SELECT id, role FROM users ORDER BY name`).all() as { id: string; role: string }[];
    const admin = (db.prepare(`SELECT id FROM users WHERE role = 'admin'`).pluck().get() as string);
    const agentIds = staff.filter((u) => u.role === 'agent').map((u) => u.id);
    const calendars = new Map<string, CompiledCalendar>();
    for (const spec of (db.prepare('SELECT spec FROM calendars').pluck().all() as string[]).map((s) => JSON.parse(s) as CalendarSpec)) {
      calendars.set(spec.id, compileCalendar(spec));
    }
    const types = new Map((db.prepare('SELECT spec FROM request_types').pluck().all() as string[]).map((s) => JSON.parse(s) as RequestType).map((t) => [t.code, t]));

    let t = performance.now();
    const cust = insertCustomers(db, rng, plan, admin, agentIds);
    log(`customers: ${plan.customers} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    t = performance.now();
    insertTickets(db, rng, plan, cust, agentIds, types, calendars);
    log(`tickets, events, counters: ${((performance.now() - t) / 1000).toFixed(1)} s`);
    t = performance.now();
    db.exec('ANALYZE');
    log(`ANALYZE: ${((performance.now() - t) / 1000).toFixed(1)} s`);
    db.pragma('locking_mode = NORMAL');
    // Back to the app's settings: WAL is persistent in the file, the rest is per connection.
    db.pragma('journal_mode = WAL');
  } finally {
    db.close();
  }
  // Reopen as the app does, so the file leaves here exactly as the app would leave it.
  closeDatabase(openDatabase(file));
}

interface CustomerPool {
  ids: string[];
  tier: Uint8Array; // 1 = key
  /** Index lists to draw ticket customers from: key accounts and partners call more often. */
  frequent: Uint32Array;
}

function insertCustomers(db: Db, rng: Rng, plan: BulkPlan, admin: string, agentIds: string[]): CustomerPool {
  const n = plan.customers;
  const ids: string[] = new Array<string>(n);
  const tier = new Uint8Array(n);
  const frequent: number[] = [];
  const initialsCache = new Map<string, string>();
  const insert = db.prepare(
    `INSERT INTO customers (rowid, id, kind, name, initials, tier, role, phones, email, wechat, birthday, contact_user_id, tags, notes,
                            created_at, created_by, updated_at, updated_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const fts = db.prepare('INSERT INTO customers_fts (rowid, name, phones, email, wechat, tags) VALUES (?, ?, ?, ?, ?, ?)');
  const phoneRow = db.prepare('INSERT OR IGNORE INTO customer_phones (digits, customer_id) VALUES (?, ?)');
  const keyRow = db.prepare('INSERT OR IGNORE INTO customer_keys (key, customer_id) VALUES (?, ?)');
  const assetRow = db.prepare('INSERT INTO customer_assets (id, customer_id, kind, data, created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const nameKeysCache = new Map<string, string[]>();
  // Customers predate most of their tickets: created over the two years before the range ends.
  const createdAt = Array.from({ length: n }, () => plan.generatedAt - Math.floor(rng() * 730 * DAY_MS)).sort((a, b) => a - b);
  const BATCH = 50_000;
  for (let from = 0; from < n; from += BATCH) {
    db.transaction(() => {
      for (let i = from; i < Math.min(n, from + BATCH); i++) {
        const r = rng();
        const role = r < 0.1 ? 'partner' : 'end_customer';
        const kind = role === 'partner' ? (rng() < 0.8 ? 'company' : 'person') : rng() < 0.04 ? 'company' : 'person';
        const isKey = rng() < (role === 'partner' ? 0.2 : 0.033); // ≈ 5 % key accounts overall
        const name = kind === 'company' ? companyName(rng) : personName(rng);
        let initials = initialsCache.get(name);
        if (initials === undefined) initialsCache.set(name, (initials = initialsOf(name)));
        const count = rng() < 0.7 ? 1 : rng() < 0.85 ? 2 : 3;
        const phones = Array.from({ length: count }, () => phone(rng));
        const email = rng() < (kind === 'company' ? 0.8 : 0.25) ? `${initials}${Math.floor(rng() * 10000)}@${pick(rng, ['qq.com', '163.com', '126.com', 'sina.com', 'example.cn'])}` : null;
        const wechat = rng() < 0.4 ? `wx_${initials}${Math.floor(rng() * 100000)}` : null;
        const tags = [...(isKey ? ['VIP'] : []), ...(role === 'partner' ? ['合作伙伴'] : []), ...(rng() < 0.05 ? ['老客户'] : [])];
        const birthday = kind === 'person' && rng() < 0.2 ? JSON.stringify({ calendar: rng() < 0.3 ? 'lunar' : 'solar', month: 1 + Math.floor(rng() * 12), day: 1 + Math.floor(rng() * 28) }) : null;
        const at = createdAt[i]!;
        const id = v7({ msecs: at });
        ids[i] = id;
        tier[i] = isKey ? 1 : 0;
        if (isKey || role === 'partner') frequent.push(i);
        insert.run(i + 1, id, kind, name, initials, isKey ? 'key' : 'standard', role, JSON.stringify(phones), email, wechat, birthday,
          isKey ? pick(rng, agentIds) : null, JSON.stringify(tags), '', at, admin, at, admin);
        // Exactly what services/customers.ts indexCustomer writes.
        fts.run(i + 1, name, phones.map(digitsOf).join(' '), email ?? '', wechat ?? '', tags.join(' '));
        for (const p of phones) phoneRow.run(digitsOf(p), id);
        // Exactly what services/customers.ts reindexKeys writes: name keys, then each asset's keys.
        let keys = nameKeysCache.get(name);
        if (keys === undefined) nameKeysCache.set(name, (keys = nameKeys(name)));
        const assets = assetsOf(rng, kind, at);
        for (const a of assets) assetRow.run(v7({ msecs: at }), id, a.kind, JSON.stringify(a), at, at, admin);
        for (const k of new Set([...keys, ...assets.flatMap(assetKeys)])) keyRow.run(k, id);
      }
    })();
    log(`  customers ${Math.min(n, from + BATCH)}/${n}`);
  }
  return { ids, tier, frequent: Uint32Array.from(frequent) };
}

/** Intake instants over the range: weekdays in office hours mostly, some evenings and weekends. */
function arrivals(rng: Rng, plan: BulkPlan): Float64Array {
  const out = new Float64Array(plan.tickets);
  const firstDay = Math.floor((plan.rangeStart + CN_OFFSET_MS) / DAY_MS);
  const lastDay = Math.floor((plan.generatedAt + CN_OFFSET_MS) / DAY_MS);
  for (let i = 0; i < plan.tickets; ) {
    // Volume grows ~30 % over the year.
    const x = rng();
    if (rng() > 0.77 + 0.23 * x) continue;
    const day = firstDay + Math.floor((lastDay - firstDay + 1) * x);
    const weekday = (day + 4) % 7; // 1970-01-01 was a Thursday
    if ((weekday === 0 || weekday === 6) && rng() > 0.2) continue;
    const r = rng();
    const minute = r < 0.88 ? 510 + Math.floor(rng() * 600) : r < 0.96 ? 1110 + Math.floor(rng() * 210) : 420 + Math.floor(rng() * 90);
    const at = day * DAY_MS - CN_OFFSET_MS + minute * 60_000 + Math.floor(rng() * 60_000);
    if (at > plan.generatedAt - 60_000) continue;
    out[i++] = at;
  }
  return out.sort();
}

/** Which tickets are still open: mostly recent, some weeks old (waiting), a few stuck for long. */
function chooseOpen(rng: Rng, created: Float64Array, plan: BulkPlan): Uint8Array {
  const n = created.length;
  const open = new Uint8Array(n);
  let chosen = 0;
  const firstAfter = (ms: number) => {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (created[mid]! < ms) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const take = (from: number, count: number) => {
    const span = n - from;
    for (let tries = 0; count > 0 && chosen < plan.openTickets && tries < count * 50; tries++) {
      const i = from + Math.floor(rng() * span);
      if (open[i]) continue;
      open[i] = 1;
      chosen++;
      count--;
    }
  };
  take(firstAfter(plan.generatedAt - 3 * DAY_MS), Math.round(plan.openTickets * 0.7));
  take(firstAfter(plan.generatedAt - 30 * DAY_MS), Math.round(plan.openTickets * 0.25));
  take(0, plan.openTickets - chosen);
  for (let i = n - 1; chosen < plan.openTickets && i >= 0; i--) {
    if (open[i]) continue;
    open[i] = 1;
    chosen++;
  }
  return open;
}

/** Event kinds in lifecycle order; the JSON of each is rebuilt from the ticket when it is written. */
const KINDS = ['created', 'accept', 'start', 'wait', 'resolve', 'feedback', 'close'] as const;

/** Events of all tickets in compact columns (millions of them), written in time order afterwards. */
class EventBuffer {
  at = new Float64Array(1 << 20);
  ticket = new Uint32Array(1 << 20);
  kind = new Uint8Array(1 << 20);
  length = 0;
  push(at: number, ticket: number, kind: number): void {
    if (this.length === this.at.length) {
      const grow = <A extends Float64Array | Uint32Array | Uint8Array>(a: A): A => {
        const b = new (a.constructor as new (n: number) => A)(a.length * 2);
        b.set(a);
        return b;
      };
      this.at = grow(this.at);
      this.ticket = grow(this.ticket);
      this.kind = grow(this.kind);
    }
    this.at[this.length] = at;
    this.ticket[this.length] = ticket;
    this.kind[this.length++] = kind;
  }
}

function insertTickets(
  db: Db,
  rng: Rng,
  plan: BulkPlan,
  cust: CustomerPool,
  agentIds: string[],
  types: Map<string, RequestType>,
  calendars: Map<string, CompiledCalendar>,
): void {
  const created = arrivals(rng, plan);
  const open = chooseOpen(rng, created, plan);
  const n = plan.tickets;
  const ticketIds: string[] = new Array<string>(n);
  const ticketSeats: string[] = new Array<string>(n);
  const counters = new Map<string, number>();
  const targetJson = new Map<CatalogueTarget, string>();
  const agentSeat = (a: number) => `A${(a % SEATS) + 1}`;
  const insert = db.prepare(
    `INSERT INTO tickets (rowid, id, number, customer_id, type_code, category, tier, channel, priority, subject, description, status,
       assignee_id, department_id, target, created_at, created_by, seat, pauses, paused_since, due_at, warning_at, beyond_known_years,
       resolved_at, feedback_at, closed_at, overtime_minutes, complaint, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '[]', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const fts = db.prepare('INSERT INTO tickets_fts (rowid, number, subject, description) VALUES (?, ?, ?, ?)');
  // Events are collected and written in time order afterwards, so seq (the chain's order) follows time.
  const events = new EventBuffer();
  const createdAfter: string[] = new Array<string>(n);
  const assigneeOf = new Int16Array(n);
  const createdByOf = new Int16Array(n);
  const overtimeOf = new Float64Array(n);
  const running: { id: string; due: number; warning: number; assignee: string | null }[] = [];
  const BATCH = 100_000;
  let t = performance.now();
  let slaMs = 0;
  for (let from = 0; from < n; from += BATCH) {
    db.transaction(() => {
      for (let i = from; i < Math.min(n, from + BATCH); i++) {
        const at = created[i]!;
        const c = rng() < 0.3 && cust.frequent.length ? cust.frequent[Math.floor(rng() * cust.frequent.length)]! : Math.floor(rng() * cust.ids.length);
        const isKey = cust.tier[c] === 1;
        const type = types.get(TYPE_MIX(rng))!;
        const target = isKey ? type.keyAccount : type.standard;
        let tj = targetJson.get(target);
        if (tj === undefined) targetJson.set(target, (tj = JSON.stringify(target)));
        const intakeAgent = Math.floor(rng() * agentIds.length);
        const createdBy = agentIds[intakeAgent]!;
        const seat = agentSeat(intakeAgent);
        const day = cnDay(at);
        const key = `${seat}\u0000${day}`;
        const seqNo = (counters.get(key) ?? 0) + 1;
        counters.set(key, seqNo);
        const number = `${seat}-${day}-${String(seqNo).padStart(4, '0')}`;
        const id = v7({ msecs: at });
        ticketIds[i] = id;
        ticketSeats[i] = seat;
        const channel = CHANNEL_MIX(rng);
        const priority = isKey && rng() < 0.3 ? 'high' : PRIORITY_MIX(rng);
        const subject = pick(rng, SUBJECTS[type.code] ?? SUBJECTS.other!);
        const description = rng() < 0.15 ? '' : pick(rng, DETAILS) + pick(rng, ASKS);
        const assigneeIdx = rng() < 0.8 ? intakeAgent : Math.floor(rng() * agentIds.length);
        const assignee = agentIds[assigneeIdx]!;

        const s0 = performance.now();
        const calendar = calendars.get(target.calendarId)!;
        const sla = slaStatus({ calendar, start: at, target, warning: target.warning, pauses: [] }, at);
        const targetMs = sla.due - at;
        let status: string;
        let acceptedAt: number | null = null;
        let resolvedAt: number | null = null;
        let feedbackAt: number | null = null;
        let closedAt: number | null = null;
        let pausedSince: number | null = null;
        let overtime: number | null = null;
        if (open[i]) {
          status = OPEN_MIX(rng);
          const span = Math.max(60_000, plan.generatedAt - at);
          if (status !== 'new') acceptedAt = at + Math.floor(span * 0.1 * rng());
          if (status === 'waiting') pausedSince = acceptedAt! + Math.floor((plan.generatedAt - acceptedAt!) * rng());
          if (status === 'resolved') resolvedAt = acceptedAt! + Math.floor((plan.generatedAt - acceptedAt!) * rng());
        } else {
          // About 8 % breach their target; the rest finish within it.
          const share = rng() < 0.08 ? 1 + rng() * 2 : 0.15 + rng() * 0.8;
          feedbackAt = Math.min(at + Math.max(120_000, Math.floor(targetMs * share)), plan.generatedAt - 1000);
          if (feedbackAt <= at) feedbackAt = at + 1;
          acceptedAt = at + Math.floor((feedbackAt - at) * 0.2 * rng());
          resolvedAt = feedbackAt - Math.floor((feedbackAt - acceptedAt) * 0.2 * rng());
          const closeAfter = Math.floor(rng() * 3 * DAY_MS);
          const age = plan.generatedAt - feedbackAt;
          status = closeAfter < age && rng() < (age > 30 * DAY_MS ? 0.98 : 0.6) ? 'closed' : 'feedback_given';
          if (status === 'closed') closedAt = feedbackAt + Math.min(closeAfter, age - 1);
          const atFeedback = slaStatus({ calendar, start: at, target, warning: target.warning, pauses: [] }, feedbackAt);
          overtime = Math.round(atFeedback.overtimeMinutes * 100) / 100;
        }
        slaMs += performance.now() - s0;
        const complaint =
          type.category === 'complaint' && !open[i] && rng() < 0.7
            ? JSON.stringify({ category: pick(rng, ['服务态度', '处理时效', '收费']), cause: '客户对处理结果不满意', responsibleDepartmentId: pick(rng, ['tech', 'after-sales', 'finance', 'operations']), outcome: '已致歉并说明原因，客户接受' })
            : null;
        const department = (type.category === 'after_sales' || type.category === 'complaint') && rng() < 0.5 ? pick(rng, ['after-sales', 'quality', 'tech']) : null;
        const assigneeId = acceptedAt === null ? null : assignee;
        const updatedAt = Math.max(at, acceptedAt ?? 0, resolvedAt ?? 0, feedbackAt ?? 0, closedAt ?? 0, pausedSince ?? 0);
        insert.run(i + 1, id, number, cust.ids[c]!, type.code, type.category, isKey ? 'key' : 'standard', channel, priority, subject, description, status,
          assigneeId, department, tj, at, createdBy, seat, pausedSince, sla.due, sla.warningAt, sla.beyondKnownYears ? 1 : 0,
          resolvedAt, feedbackAt, closedAt, overtime, complaint, updatedAt);
        fts.run(i + 1, number, subject, description);
        if (status === 'new' || status === 'accepted' || status === 'in_progress') running.push({ id, due: sla.due, warning: sla.warningAt, assignee: assigneeId });

        // The events the handlers would have written (same JSON shapes), rebuilt when written.
        createdAfter[i] = JSON.stringify({ number, status: 'new', typeCode: type.code, tier: isKey ? 'key' : 'standard', channel, priority, subject, target, dueAt: sla.due });
        createdByOf[i] = intakeAgent;
        assigneeOf[i] = assigneeIdx;
        overtimeOf[i] = overtime ?? 0;
        events.push(at, i, 0);
        if (acceptedAt !== null) events.push(acceptedAt, i, 1);
        if (status === 'in_progress') events.push(acceptedAt! + 1, i, 2);
        if (status === 'waiting') events.push(pausedSince!, i, 3);
        if (resolvedAt !== null) events.push(resolvedAt, i, 4);
        if (feedbackAt !== null) events.push(feedbackAt, i, 5);
        if (closedAt !== null) events.push(closedAt, i, 6);
      }
    })();
    const done = Math.min(n, from + BATCH);
    log(`  tickets ${done}/${n} (${((performance.now() - t) / 1000).toFixed(1)} s, of which SLA ${(slaMs / 1000).toFixed(1)} s)`);
  }

  t = performance.now();
  const { at: evAt, ticket: evTicket, kind: evKind } = events;
  const order = new Uint32Array(events.length).map((_, k) => k).sort((a, b) => evAt[a]! - evAt[b]! || a - b);
  log(`  ${events.length} events sorted by time in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  const STATUS_JSON = {
    start: ['{"status":"accepted"}', '{"status":"in_progress"}'],
    wait: ['{"status":"accepted"}', '{"status":"waiting"}'],
    resolve: ['{"status":"accepted"}', '{"status":"resolved"}'],
    close: ['{"status":"feedback_given"}', '{"status":"closed"}'],
  } as const;
  const cols = [...TICKET_EVENTS_CHAIN.columns, 'prev_hash', 'hash'];
  const insertEvent = db.prepare(`INSERT INTO ticket_events (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`);
  // One chain per seat (TICKET_EVENTS_CHAIN.partitionBy): each seat's first event continues that
  // seat's last one written by the core, or starts at GENESIS.
  const lastOfSeat = db.prepare('SELECT hash FROM ticket_events WHERE seat = ? ORDER BY seq DESC LIMIT 1').pluck();
  const prevBySeat = new Map<string, string>();
  const prevOf = (seat: string) => prevBySeat.get(seat) ?? (lastOfSeat.get(seat) as string | undefined) ?? GENESIS;
  t = performance.now();
  const EVENT_BATCH = 250_000;
  for (let from = 0; from < order.length; from += EVENT_BATCH) {
    db.transaction(() => {
      for (let k = from; k < Math.min(order.length, from + EVENT_BATCH); k++) {
        const e = order[k]!;
        const at = evAt[e]!;
        const i = evTicket[e]!;
        const kind = KINDS[evKind[e]!]!;
        const assignee = agentIds[assigneeOf[i]!]!;
        let actor = assignee;
        let before: string | null;
        let after: string;
        switch (kind) {
          case 'created':
            actor = agentIds[createdByOf[i]!]!;
            before = null;
            after = createdAfter[i]!;
            break;
          case 'accept':
            before = '{"status":"new","assigneeId":null}';
            after = JSON.stringify({ status: 'accepted', assigneeId: assignee });
            break;
          case 'feedback':
            before = '{"status":"resolved"}';
            after = JSON.stringify({ status: 'feedback_given', ...(overtimeOf[i] ? { overtimeMinutes: overtimeOf[i] } : {}) });
            break;
          default:
            [before, after] = STATUS_JSON[kind];
        }
        // Same values, same order as TICKET_EVENTS_CHAIN: id, ticket_id, at, actor_id, seat, kind, before, after.
        const values = [v7({ msecs: at }), ticketIds[i]!, at, actor, ticketSeats[i]!, kind, before, after];
        const seat = ticketSeats[i]!;
        const prev = prevOf(seat);
        const hash = linkHash(prev, values);
        insertEvent.run(...values, prev, hash);
        prevBySeat.set(seat, hash);
      }
    })();
    log(`  events ${Math.min(order.length, from + EVENT_BATCH)}/${order.length} (${((performance.now() - t) / 1000).toFixed(1)} s)`);
  }

  writeDueMoments(db, running, plan.generatedAt);

  const counter = db.prepare('INSERT INTO ticket_counters (seat, day, last) VALUES (?, ?, ?) ON CONFLICT (seat, day) DO UPDATE SET last = max(last, excluded.last)');
  db.transaction(() => {
    for (const [key, last] of counters) {
      const [seat, day] = key.split('\u0000') as [string, string];
      counter.run(seat, day, last);
    }
  })();
  log(`  ${counters.size} ticket counters`);
}

/**
 * The scheduler's SLA moments of the running tickets (as scheduler/moments.ts keeps them), those
 * already due marked fired with their notification, as if the app had been running all along.
 * Skipped on a schema without the scheduler's tables.
 */
function writeDueMoments(db: Db, running: { id: string; due: number; warning: number; assignee: string | null }[], now: number): void {
  const has = (table: string) => db.prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?`).get(table) !== undefined;
  if (!has('due_moments')) return;
  const moment = db.prepare('INSERT INTO due_moments (kind, subject_id, due_at, fired_at) VALUES (?, ?, ?, ?)');
  const notification = has('notifications')
    ? db.prepare('INSERT INTO notifications (id, moment_id, kind, ticket_id, recipient_id, created_at, caught_up) VALUES (?, ?, ?, ?, ?, ?, 0)')
    : null;
  let fired = 0;
  db.transaction(() => {
    for (const r of running) {
      for (const [kind, at] of [['sla.warning', r.warning], ['sla.breach', r.due]] as const) {
        const firedAt = at <= now ? at : null;
        const { lastInsertRowid } = moment.run(kind, r.id, at, firedAt);
        if (firedAt !== null) {
          fired++;
          notification?.run(v7({ msecs: firedAt }), lastInsertRowid, kind, r.id, r.assignee, firedAt);
        }
      }
    }
  })();
  log(`  ${running.length * 2} due moments (${fired} already fired)`);
}

if (require.main === module) {
  const [tickets, customers, openTickets] = process.argv.slice(2).map(Number);
  generateCentre(DEFAULT_CACHE_ROOT, { tickets: tickets || undefined, customers: customers || undefined, openTickets: openTickets || undefined })
    .then((c) => console.log(JSON.stringify(c)))
    .catch((err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    });
}
