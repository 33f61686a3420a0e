import { App, Button, Card, Form, Input, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { markFieldErrors, useErrorText } from '../../app/errors';
import { NotificationPrefsCard } from './NotificationPrefsCard';

interface PasswordForm {
  current: string;
  next: string;
  confirm: string;
}

export function AccountPanel() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [form] = Form.useForm<PasswordForm>();
  const [busy, setBusy] = useState(false);

  const save = async ({ current, next }: PasswordForm) => {
    setBusy(true);
    try {
      await call('me.changePassword', { current, next });
      form.resetFields();
      void message.success(t('account.changed'));
    } catch (err) {
      if (!markFieldErrors(form, err, t)) void message.error(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  const required = { required: true, message: t('validation.required') };

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <NotificationPrefsCard />
      <Card title={t('account.changePassword')} style={{ maxWidth: 480 }}>
        <Form<PasswordForm> form={form} layout="vertical" onFinish={(v) => void save(v)}>
          <Form.Item name="current" label={t('account.current')} rules={[required]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item name="next" label={t('account.next')} rules={[required, { min: 8, message: t('validation.password.length') }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="confirm"
            label={t('account.confirm')}
            dependencies={['next']}
            rules={[
              required,
              ({ getFieldValue }) => ({
                validator: (_, v) => (v === getFieldValue('next') ? Promise.resolve() : Promise.reject(new Error(t('setup.passwordMismatch')))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('common.save')}
          </Button>
        </Form>
      </Card>
    </Space>
  );
}
