// Request-type names in the UI language, from the catalogue (loaded once, refreshed on change).
import { useEffect } from 'react';
import { create } from 'zustand';
import type { RequestType } from '../../../../shared/sla';
import { call, onEvent } from '../../api';
import { useShell } from '../../app/store';

export const useCatalogue = create<{ types: RequestType[]; load(): Promise<void> }>((set) => ({
  types: [],
  async load() {
    set({ types: await call('catalogue.list', {}) });
  },
}));

export function followCatalogueEvents(): () => void {
  return onEvent('catalogue.changed', () => void useCatalogue.getState().load());
}

export function useTypeNames(): (code: string) => string {
  const types = useCatalogue((s) => s.types);
  const language = useShell((s) => s.language);
  useEffect(() => {
    if (types.length === 0) void useCatalogue.getState().load();
  }, [types.length]);
  return (code) => {
    const type = types.find((t) => t.code === code);
    return type ? (language === 'zh-CN' ? type.names.zh : type.names.en) : code;
  };
}
