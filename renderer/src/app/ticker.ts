// One 1-second ticker for the whole window: every clock and countdown on screen reads `now` from
// here, so a thousand rows cost one timer, and the e2e harness moves them all with page.clock.
import { create } from 'zustand';

export const useNow = create<{ now: number }>(() => ({ now: Date.now() }));

let timer: ReturnType<typeof setInterval> | null = null;

export function startTicker(): () => void {
  if (!timer) {
    timer = setInterval(() => useNow.setState({ now: Date.now() }), 1000);
  }
  return () => {
    if (timer) clearInterval(timer);
    timer = null;
  };
}
