// The month-close reminder as a toast for the supervisor or admin on this seat, with a way there.
import { App } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { onEvent } from '../../api';
import { useShell } from '../../app/store';

export function useArchiveReminder(): void {
  const { notification } = App.useApp();
  const { t } = useTranslation();
  useEffect(
    () =>
      onEvent('archive.reminder', ({ month }) => {
        notification.info({
          key: `archive-reminder-${month}`,
          title: t('archive.reminder', { month }),
          description: t('archive.reminderOpen'),
          duration: 0,
          onClick: () => useShell.getState().navigate('settings', 'archive'),
          style: { cursor: 'pointer' },
        });
      }),
    [notification, t],
  );
}
