// A figure's name, definition and value in the UI language, from shared/stats/definitions.ts.
import { FIGURES, type FigureId } from '../../../../shared/stats/definitions';
import type { Language } from '../../../../shared/validation';

export const figureName = (id: FigureId, language: Language) => (language === 'zh-CN' ? FIGURES[id].name.zh : FIGURES[id].name.en);
export const figureDefinition = (id: FigureId, language: Language) => (language === 'zh-CN' ? FIGURES[id].definition.zh : FIGURES[id].definition.en);

export function formatFigure(id: FigureId, value: number | null, language: Language): string {
  if (value === null) return '—';
  const unit = FIGURES[id].unit;
  const n = value.toLocaleString(language, { maximumFractionDigits: unit === 'count' ? 0 : 1 });
  if (unit === 'percent') return `${n}%`;
  if (unit === 'minutes') return language === 'zh-CN' ? `${n} 分` : `${n} min`;
  return n;
}

export const formatNumber = (value: number | null, language: Language, digits = 1) =>
  value === null ? '—' : value.toLocaleString(language, { maximumFractionDigits: digits });
