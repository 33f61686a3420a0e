// The audit log: who changed what, when, from which seat.
import { ReloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Table, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../../shared/types';
import { call } from '../../api';
import { useErrorText } from '../../app/errors';
import { formatDateTime } from '../../app/format';
import { useShell } from '../../app/store';

export function AuditPanel() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const timeZone = useShell((s) => s.status!.timeZone);
  const language = useShell((s) => s.language);
  const [rows, setRows] = useState<AuditEntry[]>([]);
  const [loading, setLoading] = useState(false);

  const load = useCallback(() => {
    setLoading(true);
    call('audit.list', { limit: 200 })
      .then(setRows)
      .catch((err: unknown) => void message.error(errorText(err)))
      .finally(() => setLoading(false));
  }, [errorText, message]);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(load, []);

  return (
    <Card title={t('settings.audit')} extra={<Button icon={<ReloadOutlined />} onClick={load}>{t('common.refresh')}</Button>}>
      <Table<AuditEntry>
        rowKey="id"
        size="small"
        data-testid="audit-table"
        loading={loading}
        dataSource={rows}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        columns={[
          { title: t('audit.at'), dataIndex: 'at', width: 190, render: (ms: number) => formatDateTime(ms, timeZone, language) },
          { title: t('audit.actor'), dataIndex: 'actorName', width: 140 },
          { title: t('audit.seat'), dataIndex: 'seat', width: 70 },
          {
            title: t('audit.action'),
            dataIndex: 'action',
            width: 160,
            render: (a: string) => t(`audit.actions.${a}`, { defaultValue: a }),
          },
          {
            title: t('audit.details'),
            key: 'details',
            render: (_, e) => (
              <Typography.Text type="secondary" ellipsis style={{ maxWidth: 420 }}>
                {describeChange(e)}
              </Typography.Text>
            ),
          },
        ]}
      />
    </Card>
  );
}

function describeChange(e: AuditEntry): string {
  const show = (v: unknown) => (v === null || v === undefined ? '' : JSON.stringify(v));
  if (e.before && e.after) return `${show(e.before)} → ${show(e.after)}`;
  return show(e.after ?? e.before);
}
