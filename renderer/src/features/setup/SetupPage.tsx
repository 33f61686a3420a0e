// First run: either a new centre (its name, this PC's seat and the first admin, in one form) or
// a new PC joining a centre that already has a hub (it downloads the centre, then people sign in).
import { Alert, App, Button, Col, Divider, Form, Input, Row, Segmented, Select } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { markFieldErrors, useErrorText } from '../../app/errors';
import { AuthFrame } from '../auth/AuthFrame';
import { JoinCentreForm } from '../hub/JoinCentreForm';
import { SeatCodeField } from './SeatCodeField';

interface SetupForm {
  centreName: string;
  timeZone: string;
  seatCode: string;
  admin: { name: string; displayName: string; password: string };
  confirm: string;
}

/** The key of the "setup done, sign in" toast. */
export const SETUP_DONE_TOAST = 'setup-done';

export function SetupPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [form] = Form.useForm<SetupForm>();
  // The error itself, translated at render: a language switch re-translates it.
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [mode, setMode] = useState<'new' | 'join'>('new');
  const { message } = App.useApp();
  const timeZones = useMemo(() => Intl.supportedValuesOf('timeZone').map((z) => ({ value: z, label: z })), []);

  const submit = async ({ confirm: _confirm, ...values }: SetupForm) => {
    setBusy(true);
    setError(null);
    try {
      await call('setup.init', values);
      // The centre.changed event switches the app to the sign-in page; the toast outlives the form.
      // It is a hint for the sign-in page only: signing in closes it (SignInPage), else it rode
      // along onto the first screens of whoever signed in within its 4 s.
      void message.success({ key: SETUP_DONE_TOAST, content: t('setup.done'), duration: 4 });
    } catch (err) {
      if (!markFieldErrors(form, err, t)) setError(err);
    } finally {
      setBusy(false);
    }
  };
  const required = { required: true, message: t('validation.required') };

  return (
    <AuthFrame title={t(mode === 'new' ? 'setup.title' : 'hub.join.title')} subtitle={t(mode === 'new' ? 'setup.subtitle' : 'hub.join.subtitle')} width={560}>
      <Segmented<'new' | 'join'>
        block
        value={mode}
        onChange={setMode}
        style={{ marginBottom: 20 }}
        options={[
          { value: 'new', label: <span data-testid="setup-mode-new">{t('hub.join.modeNew')}</span> },
          { value: 'join', label: <span data-testid="setup-mode-join">{t('hub.join.modeJoin')}</span> },
        ]}
      />
      {mode === 'join' ? <JoinCentreForm /> : <>
      {error !== null && <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 16 }} />}
      <Form<SetupForm>
        form={form}
        layout="vertical"
        requiredMark={false}
        // The PC's own zone is the best first guess for the centre's.
        initialValues={{ timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone }}
        onFinish={(v) => void submit(v)}
      >
        <Divider titlePlacement="start" plain style={{ marginTop: 0 }}>
          {t('setup.centreSection')}
        </Divider>
        <Form.Item name="centreName" label={t('setup.centreName')} rules={[required]}>
          <Input placeholder={t('setup.centreNamePlaceholder')} data-testid="setup-centre" autoFocus />
        </Form.Item>
        <Row gutter={16}>
          <Col span={14}>
            <Form.Item name="timeZone" label={t('setup.timeZone')} rules={[required]}>
              <Select showSearch options={timeZones} data-testid="setup-timezone" />
            </Form.Item>
          </Col>
          <Col span={10}>
            <SeatCodeField required placeholder="A1" testId="setup-seat" />
          </Col>
        </Row>
        <Divider titlePlacement="start" plain>
          {t('setup.adminSection')}
        </Divider>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name={['admin', 'name']} label={t('setup.adminName')} rules={[required]}>
              <Input autoComplete="username" data-testid="setup-admin-name" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name={['admin', 'displayName']} label={t('setup.displayName')} rules={[required]}>
              <Input data-testid="setup-admin-display" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              name={['admin', 'password']}
              label={t('setup.password')}
              extra={t('setup.passwordHelp')}
              rules={[required, { min: 8, message: t('validation.password.length') }]}
            >
              <Input.Password autoComplete="new-password" data-testid="setup-admin-password" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="confirm"
              label={t('setup.confirmPassword')}
              dependencies={[['admin', 'password']]}
              rules={[
                required,
                ({ getFieldValue }) => ({
                  validator: (_, v) =>
                    v === getFieldValue(['admin', 'password']) ? Promise.resolve() : Promise.reject(new Error(t('setup.passwordMismatch'))),
                }),
              ]}
            >
              <Input.Password autoComplete="new-password" data-testid="setup-admin-confirm" />
            </Form.Item>
          </Col>
        </Row>
        <Button type="primary" htmlType="submit" size="large" block loading={busy} data-testid="setup-submit">
          {t('setup.submit')}
        </Button>
      </Form>
      </>}
    </AuthFrame>
  );
}
