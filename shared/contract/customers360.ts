// Methods of Customers 360: assets, the duplicate-name warning, callback rules, the callbacks
// work queue and each user's notification inbox.
import { z } from 'zod';
import { CALL_OUTCOMES, callbackRuleSchema } from '../callbacks/rules';
import type { CallbackQueue, CallbackView, InboxItem, StoredCallbackRule } from '../callbacks/types';
import { assetInputSchema, plateSchema, vinSchema, type Asset } from '../customers/assets';
import type { CustomerSummary } from '../tickets/types';
import { IMPORT_FIELDS, type RowProblem } from '../customers/importLayout';
import { languageSchema } from '../validation';
import { idSchema } from '../validation';
import { def } from './define';
import { none } from './foundation';

const importRows = z.array(z.array(z.string().max(1000, 'validation.tooLong')).max(60)).max(5000);
const importMapping = z.partialRecord(z.enum(IMPORT_FIELDS), z.number().int().min(0).max(59));
const importOf = z.strictObject({ importId: idSchema, mapping: importMapping, hasHeader: z.boolean() });
/** skipInvalid: the admin chose to leave out the rows the check reported; the rest land in one transaction. */
const importApply = importOf.extend({ skipInvalid: z.boolean().optional() });

export interface ImportReport {
  /** Data rows in the file (without the header). */
  total: number;
  validCount: number;
  /** Every problem of every bad row, by row number as the spreadsheet shows it. */
  problems: RowProblem[];
  preview: { row: number; name: string; phones: string[]; assets: string[] }[];
}

/** Where reading an uploaded file stands; `head` holds its first rows once read (mapping and preview). */
export interface ImportReadStatus {
  state: 'uploading' | 'reading' | 'read' | 'failed';
  /** Share of the file read, 0–1. */
  fraction: number;
  rows: number;
  kind: 'xlsx' | 'csv' | null;
  error: { messageKey: string; message: string } | null;
  head: string[][];
}

/**
 * Where applying an import stands. import.apply returns it at once ('applying'); `import.applying`
 * events follow it (rows written of the total); 'done' carries the result, 'failed' the reason —
 * then nothing at all was written (one transaction).
 */
export interface ImportApplyStatus {
  importId: string;
  state: 'applying' | 'done' | 'failed';
  /** Rows written so far, of `total`; when they are all written the transaction commits. */
  done: number;
  total: number;
  result: { customers: number; assets: number; skipped: number } | null;
  error: { messageKey: string; message: string } | null;
}

/** A part of a file's bytes, base64 (≤ 150 KB of bytes a part keeps the call under the bridge's limit). */
const uploadPartSchema = z.string().max(210_000, 'validation.tooLong').regex(/^[A-Za-z0-9+/]*={0,2}$/, 'validation.base64');

export const customers360Methods = {
  /** Customers with exactly this name: creating another one warns and offers them. */
  'customers.sameName': def<CustomerSummary[]>()(
    'agent',
    z.strictObject({ name: z.string().trim().min(1, 'validation.required').max(80, 'validation.tooLong'), excludeId: idSchema.optional() }),
  ),
  'assets.list': def<Asset[]>()('agent', z.strictObject({ customerId: idSchema })),
  'assets.save': def<Asset>()('agent', z.strictObject({ customerId: idSchema, id: idSchema.optional(), asset: assetInputSchema })),
  'assets.delete': def<null>()('agent', z.strictObject({ id: idSchema })),
  /** Other customers holding a vehicle with this VIN or plate. */
  'assets.duplicates': def<CustomerSummary[]>()(
    'agent',
    z.strictObject({ vin: vinSchema.nullable(), plate: plateSchema.nullable(), excludeCustomerId: idSchema.optional() }),
  ),

  'callbackRules.list': def<StoredCallbackRule[]>()('agent', none),
  'callbackRules.save': def<StoredCallbackRule>()('admin', z.strictObject({ id: idSchema.optional(), rule: callbackRuleSchema })),

  'callbacks.queue': def<CallbackQueue>()('agent', none),
  'callbacks.ofCustomer': def<CallbackView[]>()('agent', z.strictObject({ customerId: idSchema })),
  'callbacks.get': def<CallbackView>()('agent', z.strictObject({ id: idSchema })),
  /** One call attempt: reached (with 1–5 scores per question), no answer, wrong number, refused. */
  'callbacks.record': def<CallbackView>()(
    'agent',
    z.strictObject({
      id: idSchema,
      outcome: z.enum(CALL_OUTCOMES),
      scores: z.array(z.number().int().min(1, 'validation.score').max(5, 'validation.score')).max(10),
      notes: z.string().trim().max(2000, 'validation.tooLong'),
      /** The customer said so, whatever the scores. */
      unsatisfied: z.boolean(),
    }),
  ),

  /**
   * Import in steps: upload the file's bytes in parts (in order, part 0 starts over), read them
   * (an .xlsx or CSV, in the background: follow import.status), or stage rows directly (≤ 5,000
   * per call); check the mapping; apply all or nothing. Applying runs beside the registry in one
   * transaction: while it does, every other call waits and runs after it (import.progress too, so
   * asking for it is also how to wait for the end).
   */
  'import.upload': def<{ received: number }>()('supervisor', z.strictObject({ importId: idSchema, part: z.number().int().min(0).max(1000), bytes: uploadPartSchema })),
  'import.read': def<ImportReadStatus>()('supervisor', z.strictObject({ importId: idSchema })),
  'import.status': def<ImportReadStatus>()('supervisor', z.strictObject({ importId: idSchema })),
  'import.stage': def<{ staged: number }>()('supervisor', z.strictObject({ importId: idSchema, rows: importRows })),
  'import.check': def<ImportReport>()('supervisor', importOf),
  'import.apply': def<ImportApplyStatus>()('supervisor', importApply),
  'import.progress': def<ImportApplyStatus>()('supervisor', z.strictObject({ importId: idSchema })),
  'import.discard': def<null>()('supervisor', z.strictObject({ importId: idSchema })),
  /** Customers with their assets in the import layout, a page at a time; the first page is audited. */
  'export.customers': def<{ header: string[]; rows: string[][]; total: number }>()(
    'supervisor',
    z.strictObject({ offset: z.number().int().min(0), limit: z.number().int().min(1).max(5000), language: languageSchema }),
  ),

  'inbox.list': def<{ items: InboxItem[]; unread: number }>()('agent', z.strictObject({ unreadOnly: z.boolean().optional() })),
  /** Marks these notifications read for the signed-in user, or 'all' of their inbox. */
  'inbox.markRead': def<{ unread: number }>()('agent', z.strictObject({ ids: z.union([z.array(idSchema).min(1).max(500), z.literal('all')]) })),
} as const;
