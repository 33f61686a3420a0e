// The import / export layout of customers with their assets: one row per customer, with at most
// one vehicle, one policy and one contract. Shared by the import preview (renderer), the import
// itself (core) and the export, so the three agree on columns and rules.
import { customerInputSchema, phoneSchema, type CustomerInput } from '../tickets/schemas';
import { parseIsoDate } from '../sla/civilDate';
import { checkVin, normaliseVin } from './vin';
import { normalisePlate, plateKind } from './plate';
import type { AssetInput } from './assets';

export const IMPORT_FIELDS = [
  'name', 'kind', 'tier', 'phones', 'email', 'wechat', 'birthday',
  'vin', 'plate', 'model', 'deliveryDate', 'nextMaintenance', 'inspectionDate', 'insuranceRenewal',
  'policyNumber', 'product', 'signDate', 'premiumDue', 'contractNumber', 'contractStart', 'contractEnd',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Header texts recognised for each field (the export writes the first Chinese and English ones). */
export const FIELD_HEADERS: Record<ImportField, readonly string[]> = {
  name: ['姓名', 'Name', '客户', '客户名称', '名称'],
  kind: ['类型', 'Kind', '客户类型'],
  tier: ['等级', 'Tier', '客户等级'],
  phones: ['电话', 'Phones', '手机', 'Phone', '联系电话'],
  email: ['邮箱', 'E-mail', 'Email'],
  wechat: ['微信', 'WeChat'],
  birthday: ['生日', 'Birthday'],
  vin: ['车架号', 'VIN'],
  plate: ['车牌号', 'Plate', '车牌'],
  model: ['车型', 'Model'],
  deliveryDate: ['交车日期', 'Delivered', 'Delivery date'],
  nextMaintenance: ['下次保养', 'Next maintenance'],
  inspectionDate: ['年检日期', 'Annual inspection'],
  insuranceRenewal: ['保险到期', 'Insurance renewal'],
  policyNumber: ['保单号', 'Policy number'],
  product: ['险种', 'Product'],
  signDate: ['签单日期', 'Signed', 'Policy signed'],
  premiumDue: ['续期缴费日', 'Premium due'],
  contractNumber: ['合同号', 'Contract number'],
  contractStart: ['合同开始', 'Contract start'],
  contractEnd: ['合同结束', 'Contract end'],
};

export type ColumnMapping = Partial<Record<ImportField, number>>;

const norm = (s: string) => s.trim().toLowerCase().replace(/[\s_-]+/g, '');

/** Guesses the mapping from a header row; unknown headers stay unmapped. */
export function guessMapping(header: readonly string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  header.forEach((h, i) => {
    const field = IMPORT_FIELDS.find((f) => FIELD_HEADERS[f].some((x) => norm(x) === norm(h)));
    if (field && mapping[field] === undefined) mapping[field] = i;
  });
  return mapping;
}

export interface RowProblem {
  /** 1-based row number as the spreadsheet shows it (the header is row 1). */
  row: number;
  field: ImportField | null;
  messageKey: string;
  value: string;
}

export interface ParsedRow {
  row: number;
  customer: CustomerInput;
  assets: AssetInput[];
  vin: string | null;
  phoneDigits: string[];
}

const KINDS: Record<string, CustomerInput['kind']> = { person: 'person', 个人: 'person', company: 'company', 企业: 'company', 公司: 'company' };
const TIERS: Record<string, CustomerInput['tier']> = { standard: 'standard', 普通: 'standard', 普通客户: 'standard', key: 'key', 大客户: 'key', vip: 'key' };

/** A date as spreadsheets give it: 2026-03-03, 2026/3/3, 2026.3.3 → 2026-03-03; '' → null; else undefined. */
export function parseDateCell(s: string): string | null | undefined {
  const t = s.trim();
  if (!t) return null;
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(t);
  if (!m) return undefined;
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return parseIsoDate(iso) === null ? undefined : iso;
}

/** Birthday: 1990-08-15 (solar), 08-15, 农历08-15 / 农历8月15. */
function parseBirthday(s: string): CustomerInput['birthday'] | undefined {
  const t = s.trim();
  if (!t) return null;
  const lunar = /^(农历|lunar)\s*/i.test(t);
  const rest = t.replace(/^(农历|lunar)\s*/i, '');
  const full = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(rest);
  const short = /^(\d{1,2})[-/.月](\d{1,2})日?$/.exec(rest);
  const [year, month, day] = full ? [Number(full[1]), Number(full[2]), Number(full[3])] : short ? [undefined, Number(short[1]), Number(short[2])] : [];
  if (!month || !day || month > 12 || day > (lunar ? 30 : 31)) return undefined;
  return { calendar: lunar ? 'lunar' : 'solar', month, day, ...(year ? { year } : {}) };
}

/**
 * Reads one data row with the mapping. Returns the customer and its assets, or the problems found
 * (every one of them, so the report lists all that is wrong in the row).
 */
export function parseRow(cells: readonly string[], mapping: ColumnMapping, row: number): { parsed: ParsedRow | null; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  // A leading apostrophe is how the export kept a formula-like cell (+86…) as text.
  const cell = (f: ImportField) => (mapping[f] === undefined ? '' : String(cells[mapping[f]!] ?? '').trim().replace(/^'(?=[=+\-@])/, ''));
  const problem = (field: ImportField | null, messageKey: string, value = '') => problems.push({ row, field, messageKey, value });
  const date = (f: ImportField) => {
    const v = parseDateCell(cell(f));
    if (v === undefined) problem(f, 'validation.isoDate', cell(f));
    return v ?? null;
  };

  const name = cell('name');
  if (!name) problem('name', 'validation.required');
  const kind = KINDS[norm(cell('kind')) || 'person'];
  if (!kind) problem('kind', 'import.badKind', cell('kind'));
  const tier = TIERS[norm(cell('tier')) || 'standard'];
  if (!tier) problem('tier', 'import.badTier', cell('tier'));
  const phones = cell('phones').split(/[;；,，/、]+/).map((p) => p.trim()).filter(Boolean);
  for (const p of phones) if (!phoneSchema.safeParse(p).success) problem('phones', 'validation.phone', p);
  if (phones.length > 5) problem('phones', 'import.tooManyPhones', String(phones.length));
  const birthday = parseBirthday(cell('birthday'));
  if (birthday === undefined) problem('birthday', 'import.badBirthday', cell('birthday'));

  const assets: AssetInput[] = [];
  const vinCell = cell('vin');
  const plateCell = cell('plate');
  const vin = vinCell ? normaliseVin(vinCell) : null;
  if (vin && !checkVin(vin).valid) problem('vin', 'validation.vin', vinCell);
  if (plateCell && !plateKind(plateCell)) problem('plate', 'validation.plate', plateCell);
  const vehicle = {
    deliveryDate: date('deliveryDate'),
    nextMaintenance: date('nextMaintenance'),
    inspectionDate: date('inspectionDate'),
    insuranceRenewal: date('insuranceRenewal'),
  };
  if (vin || plateCell) {
    assets.push({ kind: 'vehicle', vin, plate: plateCell ? normalisePlate(plateCell) : null, model: cell('model').slice(0, 60), lastMaintenance: null, ...vehicle });
  } else if (cell('model') || Object.values(vehicle).some(Boolean)) problem('vin', 'validation.vinOrPlate');

  const docNumber = (f: ImportField) => {
    const v = cell(f);
    if (v && !/^[A-Za-z0-9][A-Za-z0-9-]{3,39}$/.test(v)) problem(f, 'validation.documentNumber', v);
    return v.toUpperCase();
  };
  const policyNumber = docNumber('policyNumber');
  const policy = { signDate: date('signDate'), premiumDue: date('premiumDue') };
  if (policyNumber) assets.push({ kind: 'policy', number: policyNumber, product: cell('product').slice(0, 60), status: 'active', lapsedDate: null, ...policy });
  const contractNumber = docNumber('contractNumber');
  const contract = { startDate: date('contractStart'), endDate: date('contractEnd') };
  if (contractNumber) assets.push({ kind: 'contract', number: contractNumber, title: '', signDate: null, ...contract });

  if (problems.length) return { parsed: null, problems };
  const customer = customerInputSchema.safeParse({
    kind, name, tier, role: 'end_customer', phones, email: cell('email') || null, wechat: cell('wechat') || null, birthday, contactUserId: null, tags: [], notes: '',
  });
  if (!customer.success) {
    for (const i of customer.error.issues) problem((i.path[0] as ImportField | undefined) ?? null, i.message.startsWith('validation.') ? i.message : 'validation.invalid_value', cell((i.path[0] as ImportField) ?? 'name'));
    return { parsed: null, problems };
  }
  return { parsed: { row, customer: customer.data, assets, vin, phoneDigits: phones.map((p) => p.replace(/\D/g, '')) }, problems };
}

/** The export row of a customer and its assets, in IMPORT_FIELDS order. */
export function exportRow(c: CustomerInput, assets: AssetInput[]): string[] {
  const v = assets.find((a) => a.kind === 'vehicle') as Extract<AssetInput, { kind: 'vehicle' }> | undefined;
  const p = assets.find((a) => a.kind === 'policy') as Extract<AssetInput, { kind: 'policy' }> | undefined;
  const k = assets.find((a) => a.kind === 'contract') as Extract<AssetInput, { kind: 'contract' }> | undefined;
  const b = c.birthday;
  const birthday = b ? `${b.calendar === 'lunar' ? '农历' : ''}${b.year ? `${b.year}-` : ''}${String(b.month).padStart(2, '0')}-${String(b.day).padStart(2, '0')}` : '';
  const values: Record<ImportField, string> = {
    name: c.name, kind: c.kind, tier: c.tier, phones: c.phones.join('; '), email: c.email ?? '', wechat: c.wechat ?? '', birthday,
    vin: v?.vin ?? '', plate: v?.plate ?? '', model: v?.model ?? '', deliveryDate: v?.deliveryDate ?? '', nextMaintenance: v?.nextMaintenance ?? '',
    inspectionDate: v?.inspectionDate ?? '', insuranceRenewal: v?.insuranceRenewal ?? '', policyNumber: p?.number ?? '', product: p?.product ?? '',
    signDate: p?.signDate ?? '', premiumDue: p?.premiumDue ?? '', contractNumber: k?.number ?? '', contractStart: k?.startDate ?? '', contractEnd: k?.endDate ?? '',
  };
  return IMPORT_FIELDS.map((f) => values[f]);
}

/** The export header: Chinese / English, so the file reads in both and imports back. */
export const exportHeader = (language: 'zh-CN' | 'en') => IMPORT_FIELDS.map((f) => FIELD_HEADERS[f][language === 'en' ? 1 : 0]!);

/** CSV (RFC 4180): quoted fields, doubled quotes, CRLF or LF, a UTF-8 BOM tolerated. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (quoted) {
      if (ch === '"') {
        if (s[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && s[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((c) => c.trim()));
}

/** A spreadsheet cell that starts like a formula is written as text (formula injection). */
export const safeCell = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);
