// A failed hub connection in words: the translated reason, then the server's own message (in
// English, from PostgreSQL or the network) for whoever looks after the hub.
import type { TFunction } from 'i18next';
import type { HubErrorReason } from '../../../../shared/hub';

export function hubErrorText(t: TFunction, reason: HubErrorReason | null, message: string | null): string {
  const text = t(`hub.reason.${reason ?? 'OTHER'}`);
  return message ? t('hub.reasonWithDetail', { text, detail: message }) : text;
}
