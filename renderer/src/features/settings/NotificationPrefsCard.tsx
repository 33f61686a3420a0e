// Each user's reminder preferences: sound, and quiet warnings (breaches still notify).
import { App, Card, Form, Switch } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NotificationPrefs } from '../../../../shared/notifications';
import { call } from '../../api';
import { useErrorText } from '../../app/errors';

export function NotificationPrefsCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [prefs, setPrefs] = useState<NotificationPrefs | null>(null);
  useEffect(() => void call('me.notificationPrefs', {}).then(setPrefs).catch((err: unknown) => void message.error(errorText(err))), [message, errorText]);
  const save = async (next: NotificationPrefs) => {
    setPrefs(next);
    try {
      setPrefs(await call('me.saveNotificationPrefs', next));
      void message.success(t('common.saved'));
    } catch (err) {
      void message.error(errorText(err));
    }
  };
  return (
    <Card title={t('account.notifications')} style={{ maxWidth: 480 }} loading={!prefs}>
      {prefs && (
        <Form layout="horizontal" colon={false}>
          <Form.Item label={t('account.sound')} extra={t('account.soundHint')}>
            <Switch checked={prefs.sound} onChange={(sound) => void save({ ...prefs, sound })} data-testid="pref-sound" />
          </Form.Item>
          <Form.Item label={t('account.quietWarnings')} extra={t('account.quietWarningsHint')}>
            <Switch checked={prefs.quietWarnings} onChange={(quietWarnings) => void save({ ...prefs, quietWarnings })} data-testid="pref-quiet" />
          </Form.Item>
        </Form>
      )}
    </Card>
  );
}
