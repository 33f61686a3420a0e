// The fields of a hub connection (host, port, database, user, password, TLS), shared by
// Settings → Multi-seat hub and the first-run "join a centre" form.
import { Checkbox, Form, Input, InputNumber, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { HubConnectionInput } from '../../../../shared/contract/hub';

export const HUB_DEFAULTS: HubConnectionInput = { host: '', port: 5432, database: 'kefu', user: 'kefu', password: '', tls: false };

export function HubConnectionFields() {
  const { t } = useTranslation();
  const required = { required: true, message: t('validation.required') };
  return (
    <>
      <Space.Compact block>
        <Form.Item name="host" label={t('hub.host')} rules={[required]} style={{ flex: 3 }}>
          <Input data-testid="hub-host" autoComplete="off" placeholder="192.168.1.10" />
        </Form.Item>
        <Form.Item name="port" label={t('hub.port')} rules={[required]} style={{ flex: 1 }}>
          <InputNumber min={1} max={65535} style={{ width: '100%' }} data-testid="hub-port" />
        </Form.Item>
      </Space.Compact>
      <Space.Compact block>
        <Form.Item name="database" label={t('hub.database')} rules={[required]} style={{ flex: 1 }}>
          <Input data-testid="hub-database" autoComplete="off" />
        </Form.Item>
        <Form.Item name="user" label={t('hub.user')} rules={[required]} style={{ flex: 1 }}>
          <Input data-testid="hub-user" autoComplete="off" />
        </Form.Item>
        <Form.Item name="password" label={t('hub.password')} style={{ flex: 1 }}>
          <Input.Password data-testid="hub-password" autoComplete="new-password" />
        </Form.Item>
      </Space.Compact>
      <Form.Item name="tls" valuePropName="checked" extra={t('hub.passwordNote')}>
        <Checkbox data-testid="hub-tls">{t('hub.tls')}</Checkbox>
      </Form.Item>
    </>
  );
}
