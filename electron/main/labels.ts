// The few words the shell itself shows (menus, tray). The renderer has the real i18n; the main
// process needs only these, in the UI language chosen in the app (or the OS locale before that).
import type { Language } from '../../shared/validation';

export interface ShellLabels {
  productName: string;
  openApp: string;
  wallboard: string;
  quit: string;
  view: string;
  edit: string;
  window: string;
  breached: (count: number) => string;
}

const zh: ShellLabels = {
  productName: '客服台 Kefu Desk',
  openApp: '打开客服台',
  wallboard: '大屏',
  quit: '退出',
  view: '视图',
  edit: '编辑',
  window: '窗口',
  breached: (n) => `${n} 个工单已超时`,
};

const en: ShellLabels = {
  productName: 'Kefu Desk 客服台',
  openApp: 'Open Kefu Desk',
  wallboard: 'Wall-board',
  quit: 'Quit',
  view: 'View',
  edit: 'Edit',
  window: 'Window',
  breached: (n) => `${n} ticket${n === 1 ? '' : 's'} past due`,
};

export function shellLabels(language: Language): ShellLabels {
  return language === 'zh-CN' ? zh : en;
}

/** The app's language when the user has not chosen one: Chinese for any zh-* OS locale. */
export function languageFromLocale(locale: string): Language {
  return locale.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

/** Tray tooltip: the product name, plus the breached count once there is one. */
export function trayTooltip(labels: ShellLabels, breachedCount = 0): string {
  return breachedCount > 0 ? `${labels.productName} — ${labels.breached(breachedCount)}` : labels.productName;
}
