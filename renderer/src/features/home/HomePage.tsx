// The workbench: who and where you are, and the ways to the centre's tools.
import { DesktopOutlined, SafetyCertificateOutlined, SettingOutlined, TeamOutlined } from '@ant-design/icons';
import { Card, Col, Descriptions, Row, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatLongDate, hourIn } from '../../app/format';
import { openWallboard } from '../../app/shortcuts';
import { roleColor } from '../../app/StatusBar';
import { useShell } from '../../app/store';
import { useNow } from '../../app/ticker';

export function HomePage() {
  const { t } = useTranslation();
  const status = useShell((s) => s.status!);
  const language = useShell((s) => s.language);
  const navigate = useShell((s) => s.navigate);
  const now = useNow((s) => s.now);
  const user = status.user!;
  const hour = hourIn(now, status.timeZone);
  const greeting = hour < 12 ? 'greeting_morning' : hour < 18 ? 'greeting_afternoon' : 'greeting_evening';

  return (
    <div style={{ maxWidth: 1100 }}>
      <Typography.Title level={3} style={{ marginTop: 0 }} data-testid="home-greeting">
        {t(`home.${greeting}`, { name: user.displayName })}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('home.today', { date: formatLongDate(now, status.timeZone, language) })}</Typography.Paragraph>
      <Card style={{ marginBottom: 24 }}>
        <Descriptions column={4} layout="vertical" colon={false}>
          <Descriptions.Item label={t('home.centre')}>{status.centreName}</Descriptions.Item>
          <Descriptions.Item label={t('home.seat')}>{status.seatCode}</Descriptions.Item>
          <Descriptions.Item label={t('home.role')}>
            <Tag color={roleColor[user.role]}>{t(`roles.${user.role}`)}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('home.timeZone')}>{status.timeZone}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Typography.Title level={5}>{t('home.quickLinks')}</Typography.Title>
      <Row gutter={[16, 16]}>
        <LinkCard icon={<DesktopOutlined />} title={t('home.openWallboard')} text={t('home.openWallboardHint')} onClick={openWallboard} />
        {user.role === 'admin' && (
          <LinkCard
            icon={<TeamOutlined />}
            title={t('home.manageUsers')}
            text={t('home.manageUsersHint')}
            onClick={() => navigate('settings', 'users')}
            testId="home-manage-users"
          />
        )}
        <LinkCard icon={<SettingOutlined />} title={t('nav.settings')} text={t('home.settingsHint')} onClick={() => navigate('settings')} />
        <LinkCard icon={<SafetyCertificateOutlined />} title={t('home.dataSafety')} text={t('home.dataSafetyHint')} />
      </Row>
    </div>
  );
}

function LinkCard(props: { icon: ReactNode; title: string; text: string; onClick?: () => void; testId?: string }) {
  return (
    <Col xs={24} md={12} xl={6}>
      <Card hoverable={!!props.onClick} onClick={props.onClick} style={{ height: '100%' }} data-testid={props.testId}>
        <Card.Meta
          avatar={<span style={{ fontSize: 24, color: '#1677ff' }}>{props.icon}</span>}
          title={props.title}
          description={props.text}
        />
      </Card>
    </Col>
  );
}
