// i18next set-up: Chinese and English bundled (offline), the language chosen from the seat's
// preference or else the OS locale.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../../shared/validation';
import { en } from './en';
import { zhCN } from './zh-CN';
import { featureBundles } from './features';

export function osLanguage(): Language {
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

export function initI18n(language: Language): typeof i18n {
  void i18n.use(initReactI18next).init({
    resources: {
      'zh-CN': { translation: featureBundles.reduce<object>((all, b) => deepMerge(all, b.zh), zhCN) },
      en: { translation: featureBundles.reduce<object>((all, b) => deepMerge(all, b.en), en) },
    },
    lng: language,
    fallbackLng: 'zh-CN',
    interpolation: { escapeValue: false }, // React escapes already
    returnNull: false,
  });
  document.documentElement.lang = language;
  return i18n;
}

export async function changeLanguage(language: Language): Promise<void> {
  await i18n.changeLanguage(language);
  document.documentElement.lang = language;
}

export { i18n };

/** Features may add keys under shared sections (e.g. `errors`), so bundles merge deeply. */
function deepMerge(a: object, b: object): object {
  const out: Record<string, unknown> = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const prev = out[k];
    out[k] = prev && typeof prev === 'object' && v && typeof v === 'object' ? deepMerge(prev, v) : v;
  }
  return out;
}
