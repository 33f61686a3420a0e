// Date and time in the centre's time zone, in the UI language.
import type { Language } from '../../../shared/validation';

export function formatDateTime(ms: number, timeZone: string, language: Language): string {
  return new Intl.DateTimeFormat(language, {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
  }).format(ms);
}

export function formatClock(ms: number, timeZone: string, language: Language): string {
  return new Intl.DateTimeFormat(language, { timeZone, hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false }).format(ms);
}

export function formatLongDate(ms: number, timeZone: string, language: Language): string {
  return new Intl.DateTimeFormat(language, { timeZone, year: 'numeric', month: 'long', day: 'numeric', weekday: 'long' }).format(ms);
}

export function hourIn(ms: number, timeZone: string): number {
  return Number(new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hour12: false }).format(ms));
}
