// formatIsoWithOffset: local wall time plus the zone's offset at that instant, to the second.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatIsoWithOffset, formatOffset } from '../../../shared/format/isoOffset';

const f = (iso: string, timeZone: string) => formatIsoWithOffset(Date.parse(iso), timeZone);

describe('formatIsoWithOffset', () => {
  it('writes the local time of the zone with its offset, seconds always, milliseconds never', () => {
    expect(f('2026-03-04T07:00:00Z', 'Asia/Shanghai')).toBe('2026-03-04T15:00:00+08:00');
    expect(f('2026-03-04T07:00:59.999Z', 'Asia/Shanghai')).toBe('2026-03-04T15:00:59+08:00');
    expect(f('2026-03-04T07:00:00Z', 'UTC')).toBe('2026-03-04T07:00:00+00:00');
    expect(f('2026-03-04T07:00:00Z', 'Europe/London')).toBe('2026-03-04T07:00:00+00:00');
  });

  it('crosses midnight and year ends into the local date', () => {
    expect(f('2025-12-31T16:00:00Z', 'Asia/Shanghai')).toBe('2026-01-01T00:00:00+08:00');
    expect(f('2026-01-01T02:00:00Z', 'America/New_York')).toBe('2025-12-31T21:00:00-05:00');
  });

  it('handles offsets that are not whole hours', () => {
    expect(f('2026-03-04T07:00:00Z', 'Asia/Kolkata')).toBe('2026-03-04T12:30:00+05:30');
    expect(f('2026-03-04T07:00:00Z', 'Asia/Kathmandu')).toBe('2026-03-04T12:45:00+05:45');
    expect(f('2026-01-15T12:00:00Z', 'America/St_Johns')).toBe('2026-01-15T08:30:00-03:30');
    expect(f('2026-01-15T12:00:00Z', 'Pacific/Chatham')).toBe('2026-01-16T01:45:00+13:45');
  });

  it('is right on both sides of a DST start (the skipped hour never appears)', () => {
    // New York springs forward on 2026-03-08 at 02:00 local (07:00Z).
    expect(f('2026-03-08T06:59:59Z', 'America/New_York')).toBe('2026-03-08T01:59:59-05:00');
    expect(f('2026-03-08T07:00:00Z', 'America/New_York')).toBe('2026-03-08T03:00:00-04:00');
    // Europe: 2026-03-29 at 01:00Z.
    expect(f('2026-03-29T00:59:59Z', 'Europe/Berlin')).toBe('2026-03-29T01:59:59+01:00');
    expect(f('2026-03-29T01:00:00Z', 'Europe/Berlin')).toBe('2026-03-29T03:00:00+02:00');
  });

  it('tells the two halves of a repeated hour apart at DST end', () => {
    // New York falls back on 2026-11-01 at 02:00 local: 01:30 happens twice.
    expect(f('2026-11-01T05:30:00Z', 'America/New_York')).toBe('2026-11-01T01:30:00-04:00');
    expect(f('2026-11-01T06:30:00Z', 'America/New_York')).toBe('2026-11-01T01:30:00-05:00');
    // Lord Howe Island shifts by 30 minutes.
    expect(f('2026-04-04T14:45:00Z', 'Australia/Lord_Howe')).toBe('2026-04-05T01:45:00+11:00');
    expect(f('2026-04-04T15:15:00Z', 'Australia/Lord_Howe')).toBe('2026-04-05T01:45:00+10:30');
  });

  it('truncates towards the past, also before 1970', () => {
    expect(formatIsoWithOffset(-1, 'UTC')).toBe('1969-12-31T23:59:59+00:00');
    expect(formatIsoWithOffset(-1, 'Asia/Shanghai')).toBe('1970-01-01T07:59:59+08:00');
  });

  it('writes historical offsets with seconds exactly, and expanded years', () => {
    // Shanghai kept local mean time (+08:05:43) until 1901.
    expect(f('1890-06-01T00:00:00Z', 'Asia/Shanghai')).toBe('1890-06-01T08:05:43+08:05:43');
    expect(formatIsoWithOffset(Date.UTC(10000, 0, 1), 'UTC')).toBe('+010000-01-01T00:00:00+00:00');
  });

  it('refuses unknown zones and non-finite instants', () => {
    expect(() => formatIsoWithOffset(0, 'Mars/Olympus')).toThrow(RangeError);
    expect(() => formatIsoWithOffset(Number.NaN, 'UTC')).toThrow(RangeError);
    expect(() => formatIsoWithOffset(Number.POSITIVE_INFINITY, 'UTC')).toThrow(RangeError);
  });

  it('round-trips: parsing the text gives back the instant to the second, in any zone', () => {
    const zones = ['Asia/Shanghai', 'America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'America/Santiago', 'Asia/Kolkata', 'UTC'];
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1950, 0, 1), max: Date.UTC(2100, 0, 1) }),
        fc.constantFrom(...zones),
        (ms, zone) => {
          const text = formatIsoWithOffset(ms, zone);
          expect(text).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
          expect(Date.parse(text)).toBe(Math.floor(ms / 1000) * 1000);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('formatOffset', () => {
  it('signs and pads hours and minutes', () => {
    expect(formatOffset(0)).toBe('+00:00');
    expect(formatOffset(8 * 3_600_000)).toBe('+08:00');
    expect(formatOffset(-(3 * 3_600_000 + 30 * 60_000))).toBe('-03:30');
    expect(formatOffset(14 * 3_600_000)).toBe('+14:00');
  });
});
