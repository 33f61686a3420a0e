// Settings → Centre hub (admin): the connection, "test connection", the status, and the conflicts
// the sync rules decided, with a merge action for probable duplicate customers.
import { App, Alert, Button, Card, Form, List, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncConflict } from '../../../../shared/hub';
import type { HubConnectionInput } from '../../../../shared/contract/hub';
import { call, onEvent } from '../../api';
import { useErrorText } from '../../app/errors';
import { useShell } from '../../app/store';
import { HUB_DEFAULTS, HubConnectionFields } from './HubConnectionFields';
import { hubErrorText } from './hubErrorText';
import { formatTime } from './time';
import { subscribeHub, useHub } from './store';


export function HubPanel() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [form] = Form.useForm<HubConnectionInput>();
  const status = useHub((s) => s.status);
  const timeZone = useShell((s) => s.status?.timeZone ?? 'Asia/Shanghai');
  const language = useShell((s) => s.language);
  const [testing, setTesting] = useState<string | null>(null);
  const [testText, setTestText] = useState<{ ok: boolean; text: string } | null>(null);
  const [conflicts, setConflicts] = useState<SyncConflict[]>([]);

  const loadConflicts = () => void call('hub.conflicts', { limit: 100 }).then(setConflicts).catch(() => {});
  useEffect(() => {
    const offs = [
      subscribeHub(),
      onEvent('hub.conflict', loadConflicts),
      onEvent('hub.tested', (e) => {
        setTesting((token) => {
          if (token !== e.token) return token;
          const r = e.result;
          setTestText(
            r.ok
              ? { ok: true, text: r.centreName ? t('hub.testOkCentre', { version: r.serverVersion, centre: r.centreName }) : t('hub.testOk', { version: r.serverVersion }) }
              : { ok: false, text: hubErrorText(t, r.reason, r.message) },
          );
          return null;
        });
      }),
    ];
    void useHub.getState().load().catch(() => {});
    loadConflicts();
    return () => offs.forEach((o) => o());
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const test = async () => {
    try {
      const connection = await form.validateFields();
      setTestText(null);
      setTesting((await call('hub.test', { connection })).token);
    } catch (err) {
      if (err && typeof err === 'object' && 'errorFields' in err) return;
      void message.error(errorText(err));
    }
  };
  const connect = async () => {
    try {
      const connection = await form.validateFields();
      useHub.setState({ status: await call('hub.connect', { connection }) });
    } catch (err) {
      if (err && typeof err === 'object' && 'errorFields' in err) return;
      void message.error(errorText(err));
    }
  };
  const merge = async (c: SyncConflict) => {
    try {
      await call('customers.merge', { keepId: c.subjectId, mergeId: c.otherId! });
      loadConflicts();
    } catch (err) {
      void message.error(errorText(err));
    }
  };

  const state = status?.configured ? status.state : 'off';
  return (
    <Space direction="vertical" size="large" style={{ width: '100%', maxWidth: 760 }}>
      <Card title={t('hub.title')} data-testid="hub-panel">
        <Typography.Paragraph type="secondary">{t('hub.intro')}</Typography.Paragraph>
        <Alert
          style={{ marginBottom: 16 }}
          type={state === 'online' ? 'success' : state === 'off' ? 'info' : state === 'connecting' ? 'info' : 'warning'}
          data-testid="hub-state"
          message={
            state === 'offline'
              ? t('hub.line.offline', { since: status?.offlineSince ? formatTime(status.offlineSince, timeZone, language) : '', count: status?.toSend ?? 0 })
              : t(`hub.state.${state}`)
          }
          description={status?.error ? hubErrorText(t, status.error.reason, status.error.message) : undefined}
        />
        <Form form={form} layout="vertical" initialValues={{ ...HUB_DEFAULTS, host: status?.host ?? '', database: status?.database ?? 'kefu' }} requiredMark={false}>
          <HubConnectionFields />
          <Space>
            <Button onClick={() => void test()} loading={testing !== null} data-testid="hub-test">
              {testing ? t('hub.testing') : t('hub.test')}
            </Button>
            <Button type="primary" onClick={() => void connect()} data-testid="hub-connect">
              {t('hub.connect')}
            </Button>
          </Space>
          {testText && <Alert style={{ marginTop: 12 }} type={testText.ok ? 'success' : 'error'} message={testText.text} data-testid="hub-test-result" />}
        </Form>
      </Card>
      <Card title={t('hub.conflicts')} data-testid="hub-conflicts">
        <List
          locale={{ emptyText: t('hub.noConflicts') }}
          dataSource={conflicts}
          renderItem={(c) => (
            <List.Item
              actions={
                c.kind === 'customer.duplicate'
                  ? [c.open ? <Button size="small" key="m" onClick={() => void merge(c)}>{t('hub.merge')}</Button> : <Tag key="d">{t('hub.merged')}</Tag>]
                  : []
              }
            >
              <List.Item.Meta
                title={t(`hub.kind.${c.kind}`)}
                description={
                  <Space direction="vertical" size={0}>
                    <span>{t('hub.seats', { winner: c.winnerSeat ?? '—', loser: c.loserSeat ?? '—' })} · {formatTime(c.at, timeZone, language)}</span>
                    {c.kind === 'reference.gone' && (
                      <span>
                        {t(`hub.referenceGone.${String(c.details.action) === 'dropped' ? 'dropped' : 'detached'}`, { table: c.table, parent: String(c.details.parent) })}
                        {String(c.details.action) === 'dropped' && <Typography.Text code>{JSON.stringify(c.details.row)}</Typography.Text>}
                      </span>
                    )}
                    {c.kind !== 'customer.duplicate' && c.kind !== 'reference.gone' &&
                      Object.entries((c.details.fields ?? {}) as Record<string, { kept: unknown; lost: unknown }>).map(([field, v]) => (
                        <span key={field}>
                          {field}: {t('hub.kept')} <Typography.Text code>{String(v.kept)}</Typography.Text> · {t('hub.lost')} <Typography.Text code>{String(v.lost)}</Typography.Text>
                        </span>
                      ))}
                    {c.kind === 'customer.duplicate' && <span>{Object.values((c.details.names ?? {}) as Record<string, string>).join(' / ')}</span>}
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      </Card>
    </Space>
  );
}
