// Request-type names in the UI language, from the one catalogue store (features/catalogue/store.ts).
import { useEffect } from 'react';
import { useShell } from '../../app/store';
import { useCatalogue } from '../catalogue/store';

export function useTypeNames(): (code: string) => string {
  const types = useCatalogue((s) => s.value);
  const language = useShell((s) => s.language);
  useEffect(() => useCatalogue.ensure(), []);
  return (code) => {
    const type = types.find((t) => t.code === code);
    return type ? (language === 'zh-CN' ? type.names.zh : type.names.en) : code;
  };
}
