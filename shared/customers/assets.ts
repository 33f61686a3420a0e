// Customers' assets with key dates: a vehicle, an insurance policy, a contract. One set of input
// rules for the forms, the import and the core. Dates are civil dates (YYYY-MM-DD) in the centre's
// time zone: a delivery or a premium due date is a day, not an instant.
import { z } from 'zod';
import { isoDateSchema } from '../sla/schemas';
import { checkVin, normaliseVin } from './vin';
import { normalisePlate, plateKind } from './plate';

const date = isoDateSchema.nullable();
const text = (max: number) => z.string().trim().max(max, 'validation.tooLong');

export const vinSchema = z
  .string()
  .transform(normaliseVin)
  .refine((v) => checkVin(v).valid, 'validation.vin');

export const plateSchema = z
  .string()
  .transform(normalisePlate)
  .refine((p) => plateKind(p) !== null, 'validation.plate');

export const documentNumberSchema = z
  .string()
  .trim()
  .min(4, 'validation.documentNumber')
  .max(40, 'validation.tooLong')
  .regex(/^[A-Za-z0-9][A-Za-z0-9-]*$/, 'validation.documentNumber')
  .transform((s) => s.toUpperCase());

export const POLICY_STATUSES = ['active', 'lapsed', 'surrendered', 'matured'] as const;
export type PolicyStatus = (typeof POLICY_STATUSES)[number];

export const vehicleSchema = z
  .strictObject({
    kind: z.literal('vehicle'),
    vin: vinSchema.nullable(),
    plate: plateSchema.nullable(),
    model: text(60),
    deliveryDate: date,
    lastMaintenance: date,
    nextMaintenance: date,
    inspectionDate: date,
    insuranceRenewal: date,
  })
  .refine((v) => v.vin !== null || v.plate !== null, { message: 'validation.vinOrPlate', path: ['vin'] });

export const policySchema = z.strictObject({
  kind: z.literal('policy'),
  number: documentNumberSchema,
  product: text(60),
  signDate: date,
  premiumDue: date,
  status: z.enum(POLICY_STATUSES),
  lapsedDate: date,
});

export const contractSchema = z
  .strictObject({
    kind: z.literal('contract'),
    number: documentNumberSchema,
    title: text(60),
    signDate: date,
    startDate: date,
    endDate: date,
  })
  .refine((c) => !c.startDate || !c.endDate || c.startDate <= c.endDate, { message: 'validation.endBeforeStart', path: ['endDate'] });

export const assetInputSchema = z.discriminatedUnion('kind', [vehicleSchema, policySchema, contractSchema]);
export type AssetInput = z.infer<typeof assetInputSchema>;
export type AssetKind = AssetInput['kind'];
export type VehicleAsset = z.infer<typeof vehicleSchema>;
export type PolicyAsset = z.infer<typeof policySchema>;
export type ContractAsset = z.infer<typeof contractSchema>;

export interface Asset {
  id: string;
  customerId: string;
  data: AssetInput;
  /** Warnings that do not refuse the asset, e.g. a VIN whose check digit does not match. */
  warnings: AssetWarning[];
  updatedAt: number;
}

export type AssetWarning = { code: 'vinCheckDigit'; expected: string };

export function assetWarnings(a: AssetInput): AssetWarning[] {
  if (a.kind !== 'vehicle' || !a.vin) return [];
  const c = checkVin(a.vin);
  return c.valid && c.checkDigit === 'mismatch' ? [{ code: 'vinCheckDigit', expected: c.expected }] : [];
}

/** The dated fields callbacks and reminders can be triggered by. */
export const ASSET_DATE_FIELDS = [
  'vehicle.deliveryDate',
  'vehicle.nextMaintenance',
  'vehicle.inspectionDate',
  'vehicle.insuranceRenewal',
  'policy.signDate',
  'policy.premiumDue',
  'policy.lapsedDate',
  'contract.signDate',
  'contract.endDate',
] as const;
export type AssetDateField = (typeof ASSET_DATE_FIELDS)[number];

export function assetDate(a: AssetInput, field: AssetDateField): string | null {
  const [kind, key] = field.split('.') as [AssetKind, string];
  if (a.kind !== kind) return null;
  const v = (a as unknown as Record<string, unknown>)[key];
  return typeof v === 'string' ? v : null;
}
