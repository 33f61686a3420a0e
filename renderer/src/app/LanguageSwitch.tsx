import { TranslationOutlined } from '@ant-design/icons';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../../shared/validation';
import { useShell } from './store';

export function LanguageSwitch({ variant = 'outlined' }: { variant?: 'outlined' | 'borderless' }) {
  const { t } = useTranslation();
  const language = useShell((s) => s.language);
  const setLanguage = useShell((s) => s.setLanguage);
  return (
    <Select<Language>
      aria-label={t('common.language')}
      data-testid="language-switch"
      value={language}
      variant={variant}
      prefix={<TranslationOutlined />}
      style={{ width: 140 }}
      onChange={(l) => void setLanguage(l)}
      options={LANGUAGES.map((l) => ({ value: l, label: t(`languages.${l}`) }))}
    />
  );
}
