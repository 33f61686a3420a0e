// In-app toasts for the scheduler's notices, and opening a ticket when a notification (in the app
// or from the OS) is clicked.
import { App } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Notice } from '../../../shared/notifications';
import { call, onEvent } from '../api';
import { useQueue } from '../features/queue/store';
import { formatClock } from './format';
import { useShell } from './store';

export function useNotices(): void {
  const { notification } = App.useApp();
  const { t } = useTranslation();

  useEffect(() => {
    const openTicket = (ticketId: string) => {
      useShell.getState().navigate('queue');
      useQueue.getState().select(ticketId);
    };
    const show = (n: Notice) => {
      const { status, language } = useShell.getState();
      const timeZone = status?.timeZone ?? 'Asia/Shanghai';
      if (n.kind === 'summary') {
        notification.warning({
          key: 'kefu-summary',
          title: n.caughtUp ? t('notice.caughtUp', { count: n.breached || n.atRisk, breached: n.breached, atRisk: n.atRisk }) : t('notice.summary', { breached: n.breached, atRisk: n.atRisk }),
          description: t('notice.summaryBody'),
          duration: 0,
          onClick: () => useShell.getState().navigate('queue'),
        });
        return;
      }
      if (n.kind === 'callbacks') {
        notification.info({
          key: 'kefu-callbacks',
          title: t('notice.callbacks', { count: n.count }),
          description: `${n.customerName} · ${language === 'en' ? n.ruleNames.en : n.ruleNames.zh}`,
          duration: 10,
          onClick: () => useShell.getState().navigate('callbacks'),
          style: { cursor: 'pointer' },
        });
        return;
      }
      const open = n.kind === 'breach' ? notification.error : notification.warning;
      open({
        key: `${n.kind}-${n.ticketId}`,
        title: t(`notice.${n.kind}`, { number: n.number }),
        description: t('notice.body', { customer: n.customerName, time: formatClock(n.dueAt, timeZone, language) }),
        duration: n.kind === 'breach' ? 0 : 8,
        onClick: () => openTicket(n.ticketId),
        style: { cursor: 'pointer' },
      });
    };
    const offs = [onEvent('notification', (e) => show(e.notice)), onEvent('ticket.open', (e) => openTicket(e.ticketId))];
    // What fell due while the app was closed fired at start, before anyone signed in: shown now.
    let live = true;
    call('me.catchUp', {})
      .then((n) => live && n && show(n))
      .catch(() => {});
    return () => {
      live = false;
      offs.forEach((off) => off());
    };
  }, [notification, t]);
}
