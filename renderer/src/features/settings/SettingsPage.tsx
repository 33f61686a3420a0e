// Settings: what everyone may change for themselves, and what admins keep for the centre.
import { Card, Form, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import { useShell } from '../../app/store';
import { AuditPanel } from '../audit/AuditPanel';
import { UsersPanel } from '../users/UsersPanel';
import { CalendarsPanel } from '../calendars/CalendarsPanel';
import { CataloguePanel } from '../catalogue/CataloguePanel';
import { DeductionsPanel } from '../deductions/DeductionsPanel';
import { CallbackRulesPanel } from '../callbacks/CallbackRulesPanel';
import { AccountPanel } from './AccountPanel';
import { CentrePanel } from './CentrePanel';
import { DatabasePanel } from './DatabasePanel';
import { ArchivePanel } from '../archive/ArchivePanel';
import { HubPanel } from '../hub/HubPanel';

export function SettingsPage() {
  const { t } = useTranslation();
  const role = useShell((s) => s.status!.user!.role);
  const tab = useShell((s) => s.settingsTab);
  const navigate = useShell((s) => s.navigate);
  const isAdmin = role === 'admin';

  const items = [
    {
      key: 'general',
      label: t('settings.general'),
      children: (
        <Card>
          <Form layout="vertical">
            <Form.Item label={t('common.language')} extra={t('settings.languageHint')}>
              <LanguageSwitch />
            </Form.Item>
          </Form>
          <Typography.Paragraph type="secondary" />
        </Card>
      ),
    },
    { key: 'centre', label: t('settings.centre'), children: <CentrePanel editable={isAdmin} /> },
    ...(isAdmin
      ? [
          { key: 'users', label: t('settings.users'), children: <UsersPanel /> },
          { key: 'audit', label: t('settings.audit'), children: <AuditPanel /> },
          { key: 'database', label: t('settings.database'), children: <DatabasePanel /> },
          { key: 'hub', label: t('hub.tab'), children: <HubPanel /> },
        ]
      : []),
    { key: 'account', label: t('settings.account'), children: <AccountPanel /> },
    { key: 'catalogue', label: t('catalogue.tab'), children: <CataloguePanel editable={isAdmin} /> },
    { key: 'calendars', label: t('calendars.tab'), children: <CalendarsPanel editable={isAdmin} /> },
    { key: 'deductions', label: t('deductions.tab'), children: <DeductionsPanel editable={role === 'admin' || role === 'supervisor'} /> },
    ...(role === 'admin' || role === 'supervisor' ? [{ key: 'archive', label: t('archive.tab'), children: <ArchivePanel /> }] : []),
    { key: 'callbackRules', label: t('rules.tab'), children: <CallbackRulesPanel editable={isAdmin} /> },
  ];
  const active = items.some((i) => i.key === tab) ? tab : 'general';
  return <Tabs activeKey={active} items={items} onChange={(key) => navigate('settings', key)} data-testid="settings-tabs" />;
}
