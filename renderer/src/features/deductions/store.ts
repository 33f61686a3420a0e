// The deduction rules, refreshed on deductions.changed from any window.
import { create } from 'zustand';
import type { DeductionRules } from '../../../../shared/sla';
import { call, onEvent } from '../../api';

interface DeductionsState {
  rules: DeductionRules | null;
  loading: boolean;
  refresh(): Promise<void>;
}

export const useDeductionRules = create<DeductionsState>((set) => ({
  rules: null,
  loading: false,
  async refresh() {
    set({ loading: true });
    try {
      set({ rules: await call('deductions.rules', {}) });
    } finally {
      set({ loading: false });
    }
  },
}));

let followers = 0;
let unsubscribe: (() => void) | null = null;

/** Follows deductions.changed while at least one view needs it; returns the unfollow. */
export function followDeductionEvents(): () => void {
  if (followers++ === 0) unsubscribe = onEvent('deductions.changed', () => void useDeductionRules.getState().refresh().catch(() => {}));
  return () => {
    if (--followers === 0) {
      unsubscribe?.();
      unsubscribe = null;
    }
  };
}
