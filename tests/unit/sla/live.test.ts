// The incremental SLA status (shared/sla/live.ts) against the full computation: for any ticket —
// running, paused, with closed pauses, on working or 24x7 time, in zones with DST — and any
// sequence of later (and sometimes earlier) instants, each answer equals slaStatus's.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHINA_CALENDAR, compileCalendar, liveSlaStatus, slaStatus, type Pause, type SlaInput, type SlaTarget, type WarningPoint } from '../../../shared/sla';
import { officeHours, spec, weekdaysOnly } from './helpers';

const calendars = [
  compileCalendar(CHINA_CALENDAR),
  compileCalendar(spec({ id: 'berlin', timeZone: 'Europe/Berlin', weeklyHours: weekdaysOnly(officeHours('08:00', '12:00'), officeHours('13:00', '17:30')), holidays: ['2025-03-31', '2025-10-27'] })),
  compileCalendar(spec({ id: 'open', open24x7: true, timeZone: 'America/New_York' })),
];
const FROM = Date.UTC(2025, 0, 1);
const HOUR = 3_600_000;

const target: fc.Arbitrary<SlaTarget> = fc.record({
  amount: fc.integer({ min: 1, max: 40 }),
  unit: fc.constantFrom('minutes' as const, 'hours' as const, 'workingDays' as const),
  clock: fc.constantFrom('working' as const, '24x7' as const),
});
const warning: fc.Arbitrary<WarningPoint> = fc.oneof(
  fc.record({ kind: fc.constant('share' as const), share: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('beforeDue' as const), minutes: fc.integer({ min: 0, max: 600 }) }),
);

/** Intake, closed pauses after it, maybe an open pause after those, and a walk of instants. */
const ticket = fc
  .record({
    calendar: fc.integer({ min: 0, max: calendars.length - 1 }),
    start: fc.integer({ min: FROM, max: FROM + 300 * 24 * HOUR }),
    target,
    warning,
    gaps: fc.array(fc.integer({ min: 0, max: 30 * HOUR }), { maxLength: 6 }),
    open: fc.option(fc.integer({ min: 0, max: 40 * HOUR }), { nil: null }),
    steps: fc.array(fc.integer({ min: -2 * HOUR, max: 20 * HOUR }), { minLength: 1, maxLength: 12 }),
  })
  .map(({ calendar, start, target, warning, gaps, open, steps }) => {
    const pauses: Pause[] = [];
    let t = start;
    for (let i = 0; i + 1 < gaps.length; i += 2) {
      const from = t + gaps[i]!;
      pauses.push({ from, to: from + gaps[i + 1]! + 1 });
      t = from + gaps[i + 1]! + 1;
    }
    const input: SlaInput = { calendar: calendars[calendar]!, start, target, warning, pauses, pausedSince: open === null ? null : t + open };
    let now = start;
    const nows = steps.map((s) => (now = Math.max(FROM, now + s)));
    return { input, nows };
  });

describe('the incremental SLA status', () => {
  it('answers exactly as slaStatus for every instant asked, in any order', () => {
    fc.assert(
      fc.property(ticket, ({ input, nows }) => {
        const live = liveSlaStatus(input);
        for (const now of nows) expect(live(now)).toEqual(slaStatus(input, now));
      }),
      { numRuns: 400 },
    );
  });
});
