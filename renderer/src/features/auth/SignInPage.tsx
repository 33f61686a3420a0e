import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { useErrorText } from '../../app/errors';
import { useShell } from '../../app/store';
import { SETUP_DONE_TOAST } from '../setup/SetupPage';
import { AuthFrame } from './AuthFrame';

interface SignInForm {
  name: string;
  password: string;
}

export function SignInPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const status = useShell((s) => s.status!);
  const signedIn = useShell((s) => s.signedIn);
  // The error itself, translated at render, so it follows a language switch.
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const { message } = App.useApp();

  const submit = async (values: SignInForm) => {
    setBusy(true);
    setError(null);
    try {
      signedIn(await call('auth.signIn', values));
      message.destroy(SETUP_DONE_TOAST);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthFrame title={t('signIn.title')} subtitle={t('signIn.subtitle', { centre: status.centreName, seat: status.seatCode })}>
      {error !== null && <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 16 }} data-testid="signin-error" />}
      <Form<SignInForm> layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false} size="large">
        <Form.Item name="name" label={t('signIn.name')} rules={[{ required: true, message: t('validation.required') }]}>
          <Input prefix={<UserOutlined />} autoFocus autoComplete="username" data-testid="signin-name" />
        </Form.Item>
        <Form.Item name="password" label={t('signIn.password')} rules={[{ required: true, message: t('validation.required') }]}>
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="signin-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy} data-testid="signin-submit">
          {t('signIn.submit')}
        </Button>
      </Form>
    </AuthFrame>
  );
}
