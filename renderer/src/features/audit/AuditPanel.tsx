// The audit log: who changed what, when, from which seat — in words, with the changes as
// "field: before → after", filtered by kind of action and searched, exported to CSV, and live
// (every audit entry written pushes audit.changed).
import { DownloadOutlined, ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { App, Button, Card, Input, Select, Space, Table, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toCsv } from '../../../../shared/export/cells';
import type { AuditEntry } from '../../../../shared/types';
import { call, onEvent } from '../../api';
import { useErrorText } from '../../app/errors';
import { formatDateTime } from '../../app/format';
import { useShell } from '../../app/store';
import { actionKey, auditChanges, type FieldChange } from './changes';

const FAMILIES = ['all', 'session', 'user', 'centre', 'customer', 'requestType', 'calendar', 'deductions', 'department'] as const;
type Family = (typeof FAMILIES)[number];
const LIMIT = 500;

export function AuditPanel() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const timeZone = useShell((s) => s.status!.timeZone);
  const language = useShell((s) => s.language);
  const [rows, setRows] = useState<AuditEntry[]>([]);
  const [loading, setLoading] = useState(false);
  const [family, setFamily] = useState<Family>('all');
  const [q, setQ] = useState('');
  const query = useRef({ family, q });
  query.current = { family, q };

  const load = useCallback(() => {
    setLoading(true);
    const { family: f, q: text } = query.current;
    call('audit.list', { limit: LIMIT, ...(f === 'all' ? {} : { family: f }), ...(text.trim() ? { q: text.trim() } : {}) })
      .then(setRows)
      .catch((err: unknown) => void message.error(errorText(err)))
      .finally(() => setLoading(false));
  }, [errorText, message]);

  // Reload when the filter or the search changes (typing settles first), and on every new entry.
  useEffect(() => {
    const timer = setTimeout(load, q ? 250 : 0);
    return () => clearTimeout(timer);
  }, [family, q, load]);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const off = onEvent('audit.changed', () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(load, 200);
    });
    return () => {
      off();
      if (timer) clearTimeout(timer);
    };
  }, [load]);

  const value = (field: string, v: string | null): string => {
    if (v === null) return t('audit.none');
    if (field === 'role') return t(`roles.${v}`, { defaultValue: v });
    if (field === 'tier') return t(`tier.${v}`, { defaultValue: v });
    if (field === 'reason') return t(`audit.reason.${v}`, { defaultValue: v });
    if (v === 'true' || v === 'false') return t(v === 'true' ? 'audit.yes' : 'audit.no');
    return v;
  };
  const fieldName = (f: string) => (f ? t(`audit.field.${f}`, { defaultValue: f }) : '');
  const changeText = (c: FieldChange) =>
    `${c.field ? `${fieldName(c.field)}: ` : ''}${c.before === null ? value(c.field, c.after) : `${value(c.field, c.before)} → ${value(c.field, c.after)}`}`;
  const actionName = (a: string) => t(actionKey(a), { defaultValue: a });

  const exportCsv = () => {
    const csv = toCsv(
      [t('audit.at'), t('audit.actor'), t('audit.seat'), t('audit.action'), t('audit.subject'), t('audit.details')],
      rows.map((e) => [
        formatDateTime(e.at, timeZone, language),
        e.actorName ?? '',
        e.seat ?? '',
        actionName(e.action),
        e.subject ?? '',
        auditChanges(e.before, e.after).map(changeText).join('; '),
      ]),
    );
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `${t('audit.exportFile')}-${new Date().toISOString().slice(0, 10)}.csv`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  return (
    <Card
      title={
        <Space>
          {t('settings.audit')}
          <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 12 }}>
            {t('audit.live')} · {t('audit.count', { count: rows.length })}
          </Typography.Text>
        </Space>
      }
      extra={
        <Space wrap>
          <Select<Family>
            value={family}
            onChange={setFamily}
            style={{ width: 180 }}
            options={FAMILIES.map((f) => ({ value: f, label: t(`audit.family.${f}`) }))}
            data-testid="audit-family"
          />
          <Input allowClear prefix={<SearchOutlined />} placeholder={t('audit.search')} value={q} onChange={(e) => setQ(e.target.value)} style={{ width: 240 }} data-testid="audit-search" />
          <Button icon={<DownloadOutlined />} onClick={exportCsv} disabled={rows.length === 0} data-testid="audit-export">
            {t('audit.export')}
          </Button>
          <Button icon={<ReloadOutlined />} onClick={load} aria-label={t('common.refresh')} />
        </Space>
      }
    >
      <Table<AuditEntry>
        rowKey="id"
        size="small"
        data-testid="audit-table"
        loading={loading}
        dataSource={rows}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        columns={[
          { title: t('audit.at'), dataIndex: 'at', width: 170, render: (ms: number) => formatDateTime(ms, timeZone, language) },
          { title: t('audit.actor'), dataIndex: 'actorName', width: 110, render: (n: string | null) => n ?? t('audit.none') },
          { title: t('audit.seat'), dataIndex: 'seat', width: 64 },
          { title: t('audit.action'), dataIndex: 'action', width: 150, render: actionName },
          {
            title: t('audit.details'),
            key: 'details',
            render: (_, e) => {
              const changes = auditChanges(e.before, e.after);
              return changes.length === 0 ? (
                <Typography.Text type="secondary">{t('audit.none')}</Typography.Text>
              ) : (
                <div data-testid="audit-changes">
                  {changes.map((c) => (
                    <div key={c.field} style={{ fontSize: 12 }}>
                      {c.field && <Typography.Text type="secondary">{fieldName(c.field)}: </Typography.Text>}
                      {c.before !== null && (
                        <>
                          <Typography.Text delete type="secondary">
                            {value(c.field, c.before)}
                          </Typography.Text>
                          {' → '}
                        </>
                      )}
                      <Typography.Text ellipsis={{ tooltip: true }} style={{ maxWidth: 360 }}>
                        {value(c.field, c.after)}
                      </Typography.Text>
                    </div>
                  ))}
                </div>
              );
            },
          },
        ]}
      />
    </Card>
  );
}
