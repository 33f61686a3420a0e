// Sorts what went wrong while reaching the hub into the few reasons a person can act on (the
// screens translate them; the raw message stays in the log and under the translated line).
import type { HubErrorReason } from '../../../shared/hub';
import { HubRefusal } from './hubClient';

const NETWORK = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'ETIMEDOUT', 'ECONNRESET', 'EAI_AGAIN', 'EPIPE']);
// PostgreSQL SQLSTATEs: 28P01 invalid_password, 28000 invalid_authorization_specification
// (unknown role, no pg_hba.conf entry), 3D000 invalid_catalog_name (no such database).
const AUTH = new Set(['28P01', '28000']);

export function hubErrorReason(err: unknown): HubErrorReason {
  if (err instanceof HubRefusal) return err.reason;
  const code = typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : '';
  const message = err instanceof Error ? err.message : String(err);
  if (AUTH.has(code)) return 'AUTH';
  if (code === '3D000') return 'NO_DATABASE';
  if (NETWORK.has(code) || /timeout|terminated unexpectedly|Connection terminated/i.test(message)) return 'UNREACHABLE';
  if (/SSL|TLS|certificate/i.test(message) || /CERT|TLS|SSL/.test(code)) return 'TLS';
  return 'OTHER';
}
