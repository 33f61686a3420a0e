// SLA status at `now` and the next change a scheduler should arm a timer for.
import { describe, expect, it } from 'vitest';
import { nextSlaChange, overtimeAt, slaStatus, type SlaInput } from '../../../shared/sla';
import { at, china, local } from './helpers';

const input = (over: Partial<SlaInput> = {}): SlaInput => ({
  calendar: china,
  start: at('2025-06-10 09:00'),
  target: { amount: 60, unit: 'minutes', clock: 'working' },
  ...over,
});

describe('slaStatus', () => {
  it('reports due, remaining and share while running', () => {
    const s = slaStatus(input(), at('2025-06-10 09:30'));
    expect(local(s.due)).toBe('2025-06-10 10:00');
    expect(s.remainingMinutes).toBe(30);
    expect(s.elapsedShare).toBe(0.5);
    expect(s).toMatchObject({ warning: false, breached: false, overtimeMs: 0, paused: false });
    expect(local(s.warningAt)).toBe('2025-06-10 09:48');
  });

  it('warns at a share elapsed or minutes before due', () => {
    expect(slaStatus(input(), at('2025-06-10 09:48')).warning).toBe(true);
    const before = input({ warning: { kind: 'beforeDue', minutes: 5 } });
    expect(local(slaStatus(before, at('2025-06-10 09:00')).warningAt)).toBe('2025-06-10 09:55');
    expect(slaStatus(before, at('2025-06-10 09:54')).warning).toBe(false);
    expect(slaStatus(before, at('2025-06-10 09:55')).warning).toBe(true);
  });

  it('is breached from the due instant and counts overtime in working minutes', () => {
    expect(slaStatus(input(), at('2025-06-10 10:00'))).toMatchObject({ breached: true, overtimeMinutes: 0, remainingMs: 0 });
    const lunch = slaStatus(input({ start: at('2025-06-10 11:30') }), at('2025-06-10 13:40'));
    expect(local(lunch.due)).toBe('2025-06-10 14:00');
    expect(lunch.breached).toBe(false);
    const late = slaStatus(input(), at('2025-06-10 12:10'));
    expect(late).toMatchObject({ breached: true, overtimeMinutes: 120 });
    expect(late.elapsedShare).toBe(3);
  });

  it('excludes closed pauses and freezes the clock while paused', () => {
    const pauses = [{ from: at('2025-06-10 09:10'), to: at('2025-06-10 09:40') }];
    expect(local(slaStatus(input({ pauses }), at('2025-06-10 09:00')).due)).toBe('2025-06-10 10:30');
    const paused = input({ pausedSince: at('2025-06-10 09:20') });
    const a = slaStatus(paused, at('2025-06-10 09:30'));
    const b = slaStatus(paused, at('2025-06-10 11:00'));
    expect(a.paused).toBe(true);
    expect(a.remainingMinutes).toBe(40);
    expect(b.remainingMinutes).toBe(40);
    expect(local(b.due)).toBe('2025-06-10 11:40'); // due if the clock restarted now
    expect(nextSlaChange(paused, at('2025-06-10 11:00'))).toBeNull();
  });

  it('uses elapsed time for a 24x7 target', () => {
    const s = slaStatus(input({ start: at('2025-06-14 22:00'), target: { amount: 4, unit: 'hours', clock: '24x7' } }), at('2025-06-15 01:00'));
    expect(local(s.due)).toBe('2025-06-15 02:00');
    expect(s.remainingMinutes).toBe(60);
  });
});

describe('nextSlaChange', () => {
  it('returns the warning, then the breach, then nothing', () => {
    const i = input();
    expect(nextSlaChange(i, at('2025-06-10 09:00'))).toEqual({ at: at('2025-06-10 09:48'), kind: 'warning' });
    expect(nextSlaChange(i, at('2025-06-10 09:50'))).toEqual({ at: at('2025-06-10 10:00'), kind: 'breach' });
    expect(nextSlaChange(i, at('2025-06-10 10:00'))).toBeNull();
  });

  it('skips a warning point that would coincide with the breach', () => {
    const i = input({ warning: { kind: 'beforeDue', minutes: 0 }, target: { amount: 1, unit: 'minutes', clock: 'working' } });
    expect(nextSlaChange(i, at('2025-06-10 09:00'))).toEqual({ at: at('2025-06-10 09:01'), kind: 'breach' });
  });
});

describe('overtimeAt', () => {
  it('gives 0 on time and working minutes when late', () => {
    expect(overtimeAt(input(), at('2025-06-10 10:00')).overtimeMinutes).toBe(0);
    expect(overtimeAt(input({ start: at('2025-06-13 17:30'), target: { amount: 30, unit: 'minutes', clock: 'working' } }), at('2025-06-16 09:07')).overtimeMinutes).toBe(7);
  });
});
