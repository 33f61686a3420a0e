// The keyboard map of the main window, one list so the help overlay shows exactly what works.
import { useEffect } from 'react';

export interface Shortcut {
  id: string;
  /** Display form, e.g. "Alt+1". */
  keys: string;
  /** i18n key of the description. */
  label: string;
  match(e: KeyboardEvent): boolean;
}

const ctrl = (e: KeyboardEvent) => e.ctrlKey || e.metaKey;

export const SHORTCUTS: Shortcut[] = [
  { id: 'help', keys: 'F1', label: 'shortcuts.help', match: (e) => e.key === 'F1' },
  { id: 'home', keys: 'Alt+1', label: 'shortcuts.home', match: (e) => e.altKey && e.code === 'Digit1' },
  { id: 'queue', keys: 'Alt+2', label: 'shortcuts.queue', match: (e) => e.altKey && e.code === 'Digit2' },
  { id: 'customers', keys: 'Alt+3', label: 'shortcuts.customers', match: (e) => e.altKey && e.code === 'Digit3' },
  { id: 'settings', keys: 'Alt+4', label: 'shortcuts.settings', match: (e) => e.altKey && e.code === 'Digit4' },
  { id: 'wallboard', keys: 'Ctrl+Shift+B', label: 'shortcuts.wallboard', match: (e) => ctrl(e) && e.shiftKey && e.code === 'KeyB' },
  { id: 'signOut', keys: 'Ctrl+Shift+Q', label: 'shortcuts.signOut', match: (e) => ctrl(e) && e.shiftKey && e.code === 'KeyQ' },
];

export function useShortcuts(actions: Partial<Record<string, () => void>>): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const hit = SHORTCUTS.find((s) => s.match(e));
      const action = hit && actions[hit.id];
      if (action) {
        e.preventDefault();
        action();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [actions]);
}

/** The wall-board is its own window; the main process turns this into its window (or focuses it). */
export function openWallboard(): void {
  window.open('./wallboard.html', 'kefu-wallboard');
}
