// Targets, warning points and durations in words: "30 分钟（工作时间）", "1 working day", "warn at 80 %".
import type { TFunction } from 'i18next';
import type { CatalogueTarget, LocalizedName, RequestCategory, WarningPoint } from '../../../../shared/sla';
import type { Language } from '../../../../shared/validation';

/** Numbers as people write them: 1.5, not 1.5000000001. */
export function plainNumber(n: number): string {
  return String(Math.round(n * 100) / 100);
}

export function describeTarget(t: TFunction, target: Pick<CatalogueTarget, 'amount' | 'unit' | 'clock'>): string {
  const amount = plainNumber(target.amount);
  if (target.unit === 'workingDays') return t('catalogue.target.workingDays', { count: Number(amount) });
  const length = t(`catalogue.target.${target.unit}`, { amount });
  return t('catalogue.target.withClock', { target: length, clock: t(`catalogue.clockInTarget.${target.clock}`) });
}

export function describeWarning(t: TFunction, warning: WarningPoint): string {
  return warning.kind === 'share'
    ? t('catalogue.warningText.share', { percent: plainNumber(warning.share * 100) })
    : t('catalogue.warningText.beforeDue', { minutes: plainNumber(warning.minutes) });
}

/** A length in minutes as "1 天 2 小时 30 分钟" / "7 h 30 min". */
export function describeDuration(t: TFunction, minutes: number): string {
  const total = Math.round(minutes);
  const days = Math.floor(total / 1440);
  const hours = Math.floor((total % 1440) / 60);
  const mins = total % 60;
  const parts = [
    days > 0 ? t('calc.duration.days', { count: days }) : '',
    hours > 0 ? t('calc.duration.hours', { count: hours }) : '',
    mins > 0 || total === 0 ? t('calc.duration.minutes', { count: mins }) : '',
  ];
  return parts.filter(Boolean).join(' ');
}

/** A length in minutes as hours: "7.5 小时" / "37.5 h", for working hours of days and weeks. */
export function describeHours(t: TFunction, minutes: number): string {
  return t('calc.duration.hours', { count: plainNumber(minutes / 60) });
}

export const nameIn = (names: LocalizedName, language: Language): string => (language === 'zh-CN' ? names.zh : names.en);
export const otherName = (names: LocalizedName, language: Language): string => (language === 'zh-CN' ? names.en : names.zh);

export const CATEGORY_COLORS: Record<RequestCategory, string> = {
  business: 'blue',
  consultation: 'cyan',
  complaint: 'volcano',
  after_sales: 'purple',
};
