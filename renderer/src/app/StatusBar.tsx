// The bottom line of the main window: who is signed in, their role, the seat, the centre's time.
import { ClockCircleOutlined, DesktopOutlined, UserOutlined } from '@ant-design/icons';
import { HubStatusLine } from '../features/hub/HubStatusLine';
import { Space, Tag, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from './format';
import { useShell } from './store';
import { useNow } from './ticker';

export function StatusBar() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const status = useShell((s) => s.status);
  const language = useShell((s) => s.language);
  const now = useNow((s) => s.now);
  if (!status?.user) return null;
  return (
    <footer
      data-testid="status-bar"
      style={{
        display: 'flex',
        justifyContent: 'space-between',
        alignItems: 'center',
        padding: '4px 16px',
        fontSize: 12,
        color: token.colorTextSecondary,
        background: token.colorBgContainer,
        borderTop: `1px solid ${token.colorBorderSecondary}`,
      }}
    >
      <Space size="large">
        <span data-testid="status-user">
          <UserOutlined /> {status.user.displayName} ({status.user.name})
        </span>
        <Tag data-testid="status-role" color={roleColor[status.user.role]} style={{ marginInlineEnd: 0 }}>
          {t(`roles.${status.user.role}`)}
        </Tag>
        <span>
          <DesktopOutlined /> {t('status.seat')} {status.seatCode}
        </span>
      </Space>
      <Space size="large">
        <HubStatusLine timeZone={status.timeZone} language={language} />
        <span data-testid="status-time">
          <ClockCircleOutlined /> {t('status.localTime')} {formatDateTime(now, status.timeZone, language)}
        </span>
        <span>v{status.version}</span>
      </Space>
    </footer>
  );
}

export const roleColor = { agent: 'blue', supervisor: 'purple', admin: 'gold', wallboard: 'cyan' } as const;
