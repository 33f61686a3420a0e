// The status bar's hub line: "offline since 10:42, 37 changes to send".
import { CloudOutlined, CloudSyncOutlined, DatabaseOutlined, DisconnectOutlined } from '@ant-design/icons';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { formatTime } from './time';
import { subscribeHub, useHub } from './store';

export function HubStatusLine({ timeZone, language }: { timeZone: string; language: string }) {
  const { t } = useTranslation();
  const status = useHub((s) => s.status);
  useEffect(() => {
    const off = subscribeHub();
    void useHub.getState().load().catch(() => {});
    return off;
  }, []);
  const state = status?.configured ? status.state : 'off';
  const count = status?.toSend ?? 0;
  const text =
    state === 'offline'
      ? t('hub.line.offline', { since: status?.offlineSince ? formatTime(status.offlineSince, timeZone, language) : '', count })
      : state === 'online'
        ? count > 0
          ? t('hub.line.onlineSending', { count })
          : t('hub.line.online')
        : t(`hub.line.${state}`);
  const icon = state === 'online' ? <CloudOutlined /> : state === 'connecting' ? <CloudSyncOutlined /> : state === 'off' ? <DatabaseOutlined /> : <DisconnectOutlined />;
  return (
    <span data-testid="status-hub" data-state={state}>
      {icon} {text}
    </span>
  );
}
