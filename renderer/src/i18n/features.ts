// Every feature's translation bundle. Add one line per feature.
import type { TextBundle } from './bundle';
import { domainText } from './domain';
import { queueText } from '../features/queue/i18n';
import { boardText } from '../wallboard/i18n';
import { calendarsText } from '../features/calendars/i18n';
import { catalogueText } from '../features/catalogue/i18n';
import { deductionsText } from '../features/deductions/i18n';
import { customersText } from '../features/customers/i18n';
import { customerImportText } from '../features/customers/importI18n';
import { auditText } from '../features/audit/i18n';
import { archiveText } from '../features/archive/i18n';
import { statsText } from '../features/stats/i18n';
import { hubText } from '../features/hub/i18n';
import { callbacksText } from '../features/callbacks/i18n';

export const featureBundles: TextBundle<object>[] = [
  domainText,
  queueText,
  boardText,
  catalogueText,
  calendarsText,
  deductionsText,
  customersText,
  customerImportText,
  auditText,
  archiveText,
  statsText,
  hubText,
  callbacksText,
];
