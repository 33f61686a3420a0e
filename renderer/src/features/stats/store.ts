// The statistics screen's state: the period, grouping and filters the supervisor chose, the
// summary the core computed for them, and the drill-down (the tickets behind a clicked figure).
import { create } from 'zustand';
import type { FigureId } from '../../../../shared/stats/definitions';
import type { DrillInput, DrillResult, GroupBy, PeriodInput, StatsFilters, StatsSummary } from '../../../../shared/stats/types';
import type { AppError } from '../../../../shared/result';
import { ApiError, call } from '../../api';

export interface Drill {
  figure: FigureId;
  slice?: DrillInput['slice'];
  breached?: boolean;
  /** What was clicked, already translated (a bar's label, a heat-map cell…). */
  caption: string;
}

interface StatsState {
  period: PeriodInput;
  groupBy: GroupBy | null;
  filters: StatsFilters;
  summary: StatsSummary | null;
  loading: boolean;
  error: AppError | null;
  drill: Drill | null;
  drillResult: DrillResult | null;
  drillLoading: boolean;
  setPeriod(period: PeriodInput): void;
  setGroupBy(groupBy: GroupBy | null): void;
  setFilter<K extends keyof StatsFilters>(key: K, value: StatsFilters[K] | undefined): void;
  clearFilters(): void;
  load(): Promise<void>;
  openDrill(drill: Drill): Promise<void>;
  closeDrill(): void;
}

const errorOf = (e: unknown): AppError => (e instanceof ApiError ? e.error : { code: 'INTERNAL', messageKey: 'errors.internal', message: String(e) });

export const useStats = create<StatsState>((set, get) => ({
  period: { preset: 'thisWeek' },
  groupBy: null,
  filters: {},
  summary: null,
  loading: false,
  error: null,
  drill: null,
  drillResult: null,
  drillLoading: false,
  setPeriod(period) {
    set({ period });
    void get().load();
  },
  setGroupBy(groupBy) {
    set({ groupBy });
    void get().load();
  },
  setFilter(key, value) {
    const filters = { ...get().filters };
    if (value === undefined || value === null) delete filters[key];
    else filters[key] = value;
    set({ filters });
    void get().load();
  },
  clearFilters() {
    set({ filters: {} });
    void get().load();
  },
  async load() {
    const { period, groupBy, filters } = get();
    set({ loading: true, error: null });
    try {
      const summary = await call('stats.summary', { period, filters, ...(groupBy ? { groupBy } : {}) });
      // A slower earlier answer must not overwrite a newer choice.
      if (get().period === period && get().filters === filters && get().groupBy === groupBy) set({ summary });
    } catch (e) {
      set({ error: errorOf(e) });
    } finally {
      set({ loading: false });
    }
  },
  async openDrill(drill) {
    const { period, filters } = get();
    set({ drill, drillResult: null, drillLoading: true });
    try {
      const input: DrillInput = { period, filters, figure: drill.figure, limit: 500 };
      if (drill.slice) input.slice = drill.slice;
      if (drill.breached !== undefined) input.breached = drill.breached;
      const drillResult = await call('stats.tickets', input);
      if (get().drill === drill) set({ drillResult });
    } catch (e) {
      set({ error: errorOf(e) });
    } finally {
      set({ drillLoading: false });
    }
  },
  closeDrill() {
    set({ drill: null, drillResult: null });
  },
}));
