// A target in words: "15 分钟（全天候）", "1 个工作日", "4 h (working time)".
import type { TFunction } from 'i18next';
import type { CatalogueTarget } from '../../../../shared/sla';
import { useCompiledCalendars } from '../../app/calendars';

export function targetText(target: Pick<CatalogueTarget, 'amount' | 'unit' | 'clock' | 'calendarId'>, t: TFunction): string {
  const amount = t(`queue.unit.${target.unit}`, { count: target.amount });
  if (target.unit === 'workingDays') return amount;
  // Working time on an always-open calendar (the key-account line) is plain elapsed time.
  const always = target.clock === '24x7' || useCompiledCalendars.getState().compiled.get(target.calendarId)?.open24x7 === true;
  return `${amount}${t(`queue.clock.${always ? '24x7' : 'working'}`)}`;
}
