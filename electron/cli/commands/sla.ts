// `sla due`: when a ticket of a type, for a tier, taken in at an instant, would be due — the same
// engine computation intake uses, on the catalogue and calendars of the centre (or the defaults).
import { parseArgs } from 'node:util';
import { TIERS, type Tier } from '../../../shared/contract/sla';
import { formatIsoWithOffset } from '../../../shared/format/isoOffset';
import { compileCalendar, computeDue, parseIsoDate, targetDurationMs } from '../../../shared/sla';
import { withSlaSource } from './catalogue-source';
import { printJson, type CliCommand } from './types';

const ISO_INSTANT = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:(Z)|([+-])(\d{2}):?(\d{2}))$/i;

/**
 * Epoch ms of an ISO 8601 time that states its offset (or Z), e.g. 2026-03-03T15:00:00+08:00.
 * Stricter than Date.parse: no local-time guessing, no 2026-02-30, no 24:00.
 */
export function parseIsoInstant(text: string): number | null {
  const m = ISO_INSTANT.exec(text.trim());
  if (!m) return null;
  const [, date, hh, mm, ss = '0', frac = '', z, sign, oh = '0', om = '0'] = m;
  const day = parseIsoDate(date!);
  const [h, mi, s, offH, offM] = [hh, mm, ss, oh, om].map(Number) as [number, number, number, number, number];
  if (day === null || h > 23 || mi > 59 || s > 59 || offH > 23 || offM > 59) return null;
  const offsetMs = z ? 0 : (sign === '-' ? -1 : 1) * (offH * 60 + offM) * 60_000;
  const ms = Math.floor(Number(`0.${frac || '0'}`) * 1000);
  return day * 86_400_000 + ((h * 60 + mi) * 60 + s) * 1000 + ms - offsetMs;
}

function options(args: string[]) {
  const { values } = parseArgs({
    args,
    options: { type: { type: 'string' }, tier: { type: 'string' }, at: { type: 'string' }, data: { type: 'string' } },
    strict: true,
    allowPositionals: false,
  });
  const missing = (['type', 'tier', 'at'] as const).filter((k) => values[k] === undefined);
  if (missing.length) throw new Error(`Missing ${missing.map((k) => `--${k}`).join(', ')}. Usage: npm run cli -- ${slaDue.usage}`);
  const tier = values.tier!;
  if (!(TIERS as readonly string[]).includes(tier)) throw new Error(`Unknown tier "${tier}": --tier must be standard or key.`);
  const at = parseIsoInstant(values.at!);
  if (at === null) {
    throw new Error(`--at "${values.at}" is not an ISO time with an offset or Z, e.g. 2026-03-03T15:00:00+08:00 or 2026-03-03T07:00:00Z.`);
  }
  return { code: values.type!, tier: tier as Tier, at };
}

export const slaDue: CliCommand = {
  name: 'sla due',
  usage: 'sla due --type <code> --tier standard|key --at <ISO time with offset> [--data <dir>]',
  summary: 'the due time of a ticket of that type and tier taken in at that time, as JSON',
  async run(args) {
    const { code, tier, at } = options(args);
    return withSlaSource(args, (source) => {
      const type = source.findType(code);
      if (!type) {
        const known = source.listTypes().map((t) => t.code);
        throw new Error(`Unknown request type "${code}". Known types: ${known.join(', ')}.`);
      }
      if (!type.active) process.stderr.write(`Warning: request type ${code} is inactive; new tickets cannot use it.\n`);
      const target = tier === 'key' ? type.keyAccount : type.standard;
      const spec = source.findCalendar(target.calendarId);
      if (!spec) throw new Error(`The ${tier} target of ${code} names calendar "${target.calendarId}", which does not exist.`);
      const calendar = compileCalendar(spec);
      const { due, beyondKnownYears } = computeDue(calendar, at, target);
      printJson({
        due: formatIsoWithOffset(due, spec.timeZone),
        workingMinutes: targetDurationMs(calendar, target) / 60_000,
        calendar: spec.id,
        ...(beyondKnownYears ? { beyondKnownYears: true } : {}),
        source: source.source,
      });
      return 0;
    });
  },
};
