// The shell's state: what the main process says about the seat and the session, the language,
// and which page is open. Fed by invoke results and pushed events; it never invents truth.
import { create } from 'zustand';
import type { AppStatus } from '../../../shared/contract';
import type { CentreSettings, SessionUser } from '../../../shared/types';
import type { Language } from '../../../shared/validation';
import { call, onEvent } from '../api';
import { changeLanguage, osLanguage } from '../i18n';

export type RouteKey = 'home' | 'queue' | 'customers' | 'stats' | 'performance' | 'history' | 'report' | 'callbacks' | 'settings';

interface ShellState {
  status: AppStatus | null;
  language: Language;
  route: RouteKey;
  settingsTab: string;
  load(): Promise<void>;
  setLanguage(language: Language): Promise<void>;
  signedIn(user: SessionUser): void;
  signOut(): Promise<void>;
  navigate(route: RouteKey, settingsTab?: string): void;
}

/**
 * Per-user UI state (the selected ticket, filters, open drawers, loaded lists) is forgotten when
 * the session ends, so the next person at the keyboard never sees the last one's screen.
 * Feature stores register their reset here.
 */
const signOutResets = new Set<() => void>();
export function resetOnSignOut(reset: () => void): () => void {
  signOutResets.add(reset);
  return () => signOutResets.delete(reset);
}
function forgetUserState(): void {
  for (const reset of signOutResets) reset();
}

export const useShell = create<ShellState>((set, get) => ({
  status: null,
  language: osLanguage(),
  route: 'home',
  settingsTab: 'general',
  async load() {
    const status = await call('app.status', {});
    const language = status.language ?? osLanguage();
    if (language !== get().language) await changeLanguage(language);
    set({ status, language });
  },
  async setLanguage(language) {
    await call('prefs.setLanguage', { language });
    // The pushed prefs.changed event updates every window, this one included.
  },
  signedIn(user) {
    const { status } = get();
    if (status) set({ status: { ...status, user }, route: 'home' });
  },
  async signOut() {
    await call('auth.signOut', {});
  },
  navigate(route, settingsTab) {
    set(settingsTab ? { route, settingsTab } : { route });
  },
}));

const applyCentre = (centre: CentreSettings) => {
  const { status } = useShell.getState();
  if (status) {
    useShell.setState({
      status: { ...status, initialized: true, centreName: centre.centreName, seatCode: centre.seatCode, timeZone: centre.timeZone },
    });
  }
};

/** Subscribes the shell to the main process's events; returns the unsubscribe. */
export function followShellEvents(): () => void {
  const offs = [
    onEvent('session.changed', (e) => {
      const { status } = useShell.getState();
      if (!e.user || (status?.user && status.user.id !== e.user.id)) forgetUserState();
      if (status) useShell.setState({ status: { ...status, user: e.user }, ...(e.user ? {} : { route: 'home' as const, settingsTab: 'general' }) });
    }),
    onEvent('prefs.changed', (e) => {
      void changeLanguage(e.language).then(() => useShell.setState({ language: e.language }));
    }),
    onEvent('centre.changed', (e) => applyCentre(e.centre)),
  ];
  return () => offs.forEach((off) => off());
}
