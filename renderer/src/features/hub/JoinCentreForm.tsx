// First run on a new PC of a centre that already has a hub: the connection and this PC's seat
// code, "test connection", then join. Joining downloads the centre (users, settings, catalogue,
// tickets…); once it is here the app shows the sign-in page for the centre's existing accounts.
import { Alert, App, Button, Col, Divider, Form, Row, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HubConnectionInput } from '../../../../shared/contract/hub';
import type { HubStatus } from '../../../../shared/hub';
import { call, onEvent } from '../../api';
import { markFieldErrors, useErrorText } from '../../app/errors';
import { HUB_DEFAULTS, HubConnectionFields } from './HubConnectionFields';
import { hubErrorText } from './hubErrorText';
import { SeatCodeField } from '../setup/SeatCodeField';

type JoinForm = HubConnectionInput & { seatCode: string };
type Note = { type: 'success' | 'warning' | 'error' | 'info'; text: string };

export function JoinCentreForm() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [form] = Form.useForm<JoinForm>();
  const [testing, setTesting] = useState<string | null>(null);
  const [tested, setTested] = useState<Note | null>(null);
  // The hub status after "join": connecting, or why it failed (a retry keeps going meanwhile).
  const [joining, setJoining] = useState<HubStatus | null>(null);

  useEffect(() => {
    const offs = [
      onEvent('hub.tested', (e) => {
        setTesting((token) => {
          if (token !== e.token) return token;
          const r = e.result;
          setTested(
            !r.ok
              ? { type: 'error', text: hubErrorText(t, r.reason, r.message) }
              : r.centreName
                ? { type: 'success', text: t('hub.testOkCentre', { version: r.serverVersion, centre: r.centreName }) }
                : { type: 'warning', text: t('hub.join.testNoCentre', { version: r.serverVersion }) },
          );
          return null;
        });
      }),
      onEvent('hub.status', (e) => setJoining((j) => (j ? e.status : j))),
      // The download is done: the app turns to the sign-in page; the toast outlives this form.
      onEvent('centre.changed', (e) => void message.success(t('hub.join.done', { centre: e.centre.centreName }), 6)),
    ];
    return () => offs.forEach((o) => o());
  }, [t, message]);

  const split = ({ seatCode, ...connection }: JoinForm) => ({ seatCode, connection });
  const test = async () => {
    try {
      const { connection } = split(await form.validateFields());
      setTested(null);
      setTesting((await call('hub.testJoin', { connection })).token);
    } catch (err) {
      if (err && typeof err === 'object' && 'errorFields' in err) return;
      if (!markFieldErrors(form, err, t, (p) => p.replace(/^connection\./, '').split('.'))) void message.error(errorText(err));
    }
  };
  const join = async () => {
    try {
      const input = split(await form.validateFields());
      setTested(null);
      const status = await call('hub.join', input);
      setJoining({ ...status, error: null });
    } catch (err) {
      if (err && typeof err === 'object' && 'errorFields' in err) return;
      if (!markFieldErrors(form, err, t, (p) => p.replace(/^connection\./, '').split('.'))) void message.error(errorText(err));
    }
  };

  const failed = joining?.error ?? null;
  const busy = joining !== null && failed === null;
  return (
    <Form<JoinForm> form={form} layout="vertical" requiredMark={false} initialValues={HUB_DEFAULTS} onFinish={() => void join()}>
      <Typography.Paragraph type="secondary">{t('hub.join.intro')}</Typography.Paragraph>
      <Divider titlePlacement="start" plain style={{ marginTop: 0 }}>
        {t('hub.join.section')}
      </Divider>
      <HubConnectionFields />
      <Divider titlePlacement="start" plain>
        {t('hub.join.seatSection')}
      </Divider>
      <Row gutter={16}>
        <Col span={10}>
          <SeatCodeField required placeholder="B2" testId="join-seat" />
        </Col>
      </Row>
      {tested && <Alert style={{ marginBottom: 16 }} type={tested.type} showIcon title={tested.text} data-testid="join-test-result" />}
      {failed && <Alert style={{ marginBottom: 16 }} type="error" showIcon title={hubErrorText(t, failed.reason, failed.message)} data-testid="join-error" />}
      {busy && <Alert style={{ marginBottom: 16 }} type="info" showIcon title={t('hub.join.connecting')} data-testid="join-progress" />}
      <Row gutter={16}>
        <Col span={10}>
          <Button block size="large" onClick={() => void test()} loading={testing !== null} data-testid="join-test">
            {testing ? t('hub.testing') : t('hub.test')}
          </Button>
        </Col>
        <Col span={14}>
          <Button block type="primary" size="large" htmlType="submit" loading={busy} data-testid="join-submit">
            {t('hub.join.submit')}
          </Button>
        </Col>
      </Row>
    </Form>
  );
}
