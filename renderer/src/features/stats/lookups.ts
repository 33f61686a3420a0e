// Names for the keys the statistics return: request types, agents, departments, channels.
import { useEffect } from 'react';
import { create } from 'zustand';
import type { Department, StaffMember } from '../../../../shared/tickets/types';
import { call } from '../../api';
import { useShell } from '../../app/store';
import { useCatalogue } from '../catalogue/store';

export const useDirectory = create<{ staff: StaffMember[]; departments: Department[]; load(): Promise<void> }>((set) => ({
  staff: [],
  departments: [],
  async load() {
    const [staff, departments] = await Promise.all([call('staff.directory', {}), call('departments.list', {})]);
    set({ staff, departments });
  },
}));

export function useLookups() {
  const language = useShell((s) => s.language);
  const types = useCatalogue((s) => s.value);
  const { staff, departments } = useDirectory();
  useEffect(() => {
    useCatalogue.ensure();
    void useDirectory.getState().load().catch(() => {});
  }, []);
  const zh = language === 'zh-CN';
  return {
    types,
    staff,
    departments,
    typeName: (code: string) => {
      const type = types.find((x) => x.code === code);
      return type ? (zh ? type.names.zh : type.names.en) : code;
    },
    agentName: (id: string) => staff.find((s) => s.id === id)?.displayName ?? id,
    departmentName: (id: string) => {
      const d = departments.find((x) => x.id === id);
      return d ? (zh ? d.names.zh : d.names.en) : id;
    },
  };
}
