// i18next set-up: Chinese and English bundled (offline), the language chosen from the seat's
// preference or else the OS locale.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../../shared/validation';
import { en } from './en';
import { zhCN } from './zh-CN';

export function osLanguage(): Language {
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

export function initI18n(language: Language): typeof i18n {
  void i18n.use(initReactI18next).init({
    resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
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
