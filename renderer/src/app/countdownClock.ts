// One clock for many countdowns: on each tick of the window's ticker it recomputes every
// registered countdown that is on screen and writes the text and tone straight into its element,
// only when they changed. A board of 1,000 tiles then costs one loop over the visible ones per
// second instead of 1,000 React renders; a tile scrolled or clipped out of view is repainted the
// moment it comes back.
import { countdownText } from '../../../shared/tickets/sla';
import type { TicketSla } from '../../../shared/tickets/types';
import { slaTone, ticketSlaAt, useCompiledCalendars, type SlaTone } from './calendars';
import { useNow } from './ticker';

export interface CountdownView {
  text: string;
  tone: SlaTone;
}

interface Entry {
  sla: TicketSla;
  /** Gets the text. */
  text: HTMLElement;
  /** Gets data-tone (CSS colours it). */
  toned: HTMLElement;
  last: CountdownView | null;
  visible: boolean;
}

const entries = new Set<Entry>();
const byElement = new Map<Element, Entry>();

const observer =
  typeof IntersectionObserver === 'undefined'
    ? null
    : new IntersectionObserver((changes) => {
        const now = useNow.getState().now;
        for (const change of changes) {
          const entry = byElement.get(change.target);
          if (!entry) continue;
          entry.visible = change.isIntersecting;
          if (entry.visible) paint(entry, now);
        }
      });

export { formatDuration } from '../../../shared/tickets/sla';

export function countdownView(sla: TicketSla, now: number): CountdownView | null {
  const status = ticketSlaAt(useCompiledCalendars.getState().compiled, sla, now);
  return status ? { tone: slaTone(status, sla), text: countdownText(status) } : null;
}

function paint(entry: Entry, now: number): void {
  const view = countdownView(entry.sla, now);
  if (!view) return;
  if (entry.last?.text !== view.text) entry.text.textContent = view.text;
  if (entry.last?.tone !== view.tone) entry.toned.dataset.tone = view.tone;
  // Breached countdowns blink: on one second, off the next, in step across the whole window.
  const blink = view.tone === 'breached' && Math.floor(now / 1000) % 2 === 0 ? '1' : '0';
  if (entry.toned.dataset.blink !== blink) entry.toned.dataset.blink = blink;
  entry.last = view;
}

let unsubscribe: (() => void) | null = null;

/** Registers an element pair; returns the unregister function. */
export function trackCountdown(sla: TicketSla, text: HTMLElement, toned: HTMLElement): () => void {
  const entry: Entry = { sla, text, toned, last: null, visible: observer === null };
  entries.add(entry);
  byElement.set(toned, entry);
  observer?.observe(toned);
  paint(entry, useNow.getState().now);
  unsubscribe ??= useNow.subscribe(({ now }) => {
    for (const e of entries) if (e.visible) paint(e, now);
  });
  return () => {
    entries.delete(entry);
    byElement.delete(toned);
    observer?.unobserve(toned);
    if (entries.size === 0 && unsubscribe) {
      unsubscribe();
      unsubscribe = null;
    }
  };
}

/** Calendars arriving or changing repaint everything at once. */
useCompiledCalendars.subscribe(() => {
  const now = useNow.getState().now;
  for (const e of entries) {
    e.last = null;
    if (e.visible) paint(e, now);
  }
});
