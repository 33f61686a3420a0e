// The queue's keyboard: agents on the phone keep their hands on the keys.
import { useEffect } from 'react';
import type { TicketAction } from '../../../../shared/tickets/lifecycle';
import { allowedActions } from '../../../../shared/tickets/lifecycle';
import { call } from '../../api';
import type { QueueEntry } from './order';
import { useQueue } from './store';
import { applyTicketResult } from './ticketDetails';

export const QUEUE_KEYS: { keys: string; label: string }[] = [
  { keys: 'Alt+N', label: 'queue.keys.new' },
  { keys: 'J / ↓', label: 'queue.keys.next' },
  { keys: 'K / ↑', label: 'queue.keys.previous' },
  { keys: 'Enter', label: 'queue.keys.open' },
  { keys: 'A', label: 'queue.keys.accept' },
  { keys: 'W', label: 'queue.keys.wait' },
  { keys: 'R', label: 'queue.keys.resolve' },
  { keys: 'F', label: 'queue.keys.feedback' },
  { keys: '/', label: 'queue.keys.search' },
  { keys: 'Esc', label: 'queue.keys.close' },
];

const typing = (e: KeyboardEvent) => {
  const el = e.target as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
};

export function useQueueKeys(entries: QueueEntry[], focusSearch: () => void, onError: (err: unknown) => void): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const q = useQueue.getState();
      if (e.altKey && e.code === 'KeyN') {
        e.preventDefault();
        q.setIntakeOpen(true);
        return;
      }
      if (typing(e) || e.ctrlKey || e.metaKey || e.altKey || q.intakeOpen || document.querySelector('.ant-modal-wrap')) return;
      const index = entries.findIndex((x) => x.row.id === q.selectedId);
      const selected = index >= 0 ? entries[index]!.row : null;
      const move = (delta: number) => {
        const next = entries[Math.min(entries.length - 1, Math.max(0, (index < 0 ? -1 : index) + delta))];
        if (next) q.select(next.row.id);
      };
      const run = (action: TicketAction) => {
        if (selected && allowedActions(selected.status).includes(action)) void call('tickets.act', { id: selected.id, action }).then(applyTicketResult, onError);
      };
      const keys: Record<string, () => void> = {
        j: () => move(1),
        ArrowDown: () => move(1),
        k: () => move(-1),
        ArrowUp: () => move(-1),
        Enter: () => (selected ? q.select(selected.id) : move(1)),
        Escape: () => q.select(null),
        a: () => run('accept'),
        w: () => run(selected?.status === 'waiting' ? 'resume' : 'wait'),
        r: () => run('resolve'),
        f: () => run('feedback'),
        '/': focusSearch,
      };
      const action = keys[e.key];
      if (action) {
        e.preventDefault();
        action();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [entries, focusSearch, onError]);
}
