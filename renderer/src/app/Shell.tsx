// The signed-in frame: navigation on the left, the page, the status bar.
import {
  CustomerServiceOutlined,
  DashboardOutlined,
  DesktopOutlined,
  BarChartOutlined,
  FileSearchOutlined,
  TrophyOutlined,
  LogoutOutlined,
  QuestionCircleOutlined,
  SettingOutlined,
  TeamOutlined,
  UnorderedListOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Avatar, Button, Dropdown, Layout, Menu, Space, Tooltip, Typography, theme } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HomePage } from '../features/home/HomePage';
import { CustomersPage } from '../features/customers/CustomersPage';
import { CallbacksPage } from '../features/callbacks/CallbacksPage';
import { InboxButton } from '../features/callbacks/InboxButton';
import { QueuePage } from '../features/queue/QueuePage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { StatsPage } from '../features/stats/StatsPage';
import { PerformancePage } from '../features/performance/PerformancePage';
import { HistoryPage } from '../features/history/HistoryPage';
import { ReportPage } from '../features/report/ReportPage';
import { LanguageSwitch } from './LanguageSwitch';
import { Logo } from './Logo';
import { openWallboard, useShortcuts } from './shortcuts';
import { ShortcutsHelp } from './ShortcutsHelp';
import { StatusBar } from './StatusBar';
import { useShell, type RouteKey } from './store';
import { useNotices } from './useNotices';
import { useArchiveReminder } from '../features/archive/useArchiveReminder';

export function Shell() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const route = useShell((s) => s.route);
  const navigate = useShell((s) => s.navigate);
  const signOut = useShell((s) => s.signOut);
  const user = useShell((s) => s.status!.user!);
  const [helpOpen, setHelpOpen] = useState(false);

  const actions = useMemo(
    () => ({
      help: () => setHelpOpen(true),
      home: () => navigate('home'),
      queue: () => navigate('queue'),
      customers: () => navigate('customers'),
      settings: () => navigate('settings'),
      wallboard: openWallboard,
      signOut: () => void signOut(),
    }),
    [navigate, signOut],
  );
  useShortcuts(actions);
  useNotices();
  useArchiveReminder();

  const items = [
    { key: 'home', icon: <DashboardOutlined />, label: t('nav.home') },
    { key: 'queue', icon: <UnorderedListOutlined />, label: t('nav.queue') },
    { key: 'customers', icon: <TeamOutlined />, label: t('nav.customers') },
    { key: 'callbacks', icon: <CustomerServiceOutlined />, label: <span data-testid="nav-callbacks">{t('nav.callbacks')}</span> },
    { key: 'history', icon: <FileSearchOutlined />, label: <span data-testid="nav-history">{t('nav.history')}</span> },
    { key: 'stats', icon: <BarChartOutlined />, label: <span data-testid="nav-stats">{t('nav.stats')}</span> },
    { key: 'performance', icon: <TrophyOutlined />, label: <span data-testid="nav-performance">{t('nav.performance')}</span> },
    { key: 'settings', icon: <SettingOutlined />, label: t('nav.settings') },
  ];

  // The report is a page to print: full window, without the app's frame.
  if (route === 'report') return <ReportPage />;

  return (
    <Layout style={{ height: '100vh' }}>
      <Layout.Sider width={208} data-testid="nav">
        <Logo />
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={[route]}
          items={items}
          style={{ background: 'transparent', borderInlineEnd: 0 }}
          onClick={(e) => navigate(e.key as RouteKey)}
        />
        <div style={{ position: 'absolute', bottom: 16, width: '100%', padding: '0 16px' }}>
          <Button block ghost icon={<DesktopOutlined />} onClick={openWallboard} data-testid="open-wallboard">
            {t('nav.wallboard')}
          </Button>
        </div>
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            padding: '0 24px',
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
          }}
        >
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="page-title">
            {t(`nav.${route}`)}
          </Typography.Title>
          <Space size="middle">
            <InboxButton />
            <Tooltip title={`${t('shortcuts.title')} (F1)`}>
              <Button type="text" icon={<QuestionCircleOutlined />} onClick={() => setHelpOpen(true)} aria-label={t('shortcuts.title')} />
            </Tooltip>
            <LanguageSwitch variant="borderless" />
            <Dropdown
              menu={{
                items: [{ key: 'signOut', icon: <LogoutOutlined />, label: t('common.signOut'), onClick: () => void signOut() }],
              }}
            >
              <Space style={{ cursor: 'pointer' }} data-testid="user-menu">
                <Avatar size="small" style={{ background: token.colorPrimary }} icon={<UserOutlined />} />
                <span>{user.displayName}</span>
              </Space>
            </Dropdown>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ overflow: 'auto', padding: 24 }}>
          <Page route={route} />
        </Layout.Content>
        <StatusBar />
      </Layout>
      <ShortcutsHelp open={helpOpen} onClose={() => setHelpOpen(false)} />
    </Layout>
  );
}

function Page({ route }: { route: RouteKey }) {
  switch (route) {
    case 'queue':
      return <QueuePage />;
    case 'customers':
      return <CustomersPage />;
    case 'callbacks':
      return <CallbacksPage />;
    case 'stats':
      return <StatsPage />;
    case 'performance':
      return <PerformancePage />;
    case 'history':
      return <HistoryPage />;
    case 'settings':
      return <SettingsPage />;
    default:
      return <HomePage />;
  }
}
