// Service levels (服务时效): the request types with their targets for standard customers and key
// accounts, editable by admins, and the due-time calculator for everyone.
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Input, Space, Switch, Table, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarSpec, CatalogueTarget, RequestType } from '../../../../shared/sla';
import { call } from '../../api';
import { useErrorText } from '../../app/errors';
import { useShell } from '../../app/store';
import { followCalendarEvents, useCalendars } from '../calendars/store';
import { CATEGORY_COLORS, describeTarget, describeWarning, nameIn, otherName } from './describe';
import { DueCalculator } from './DueCalculator';
import { RequestTypeFormModal, type RequestTypeDialog } from './RequestTypeForm';
import { followCatalogueEvents, useCatalogue } from './store';

function TargetCell({ target, calendars }: { target: CatalogueTarget; calendars: CalendarSpec[] }) {
  const { t } = useTranslation();
  const language = useShell((s) => s.language);
  const calendar = calendars.find((c) => c.id === target.calendarId);
  return (
    <div>
      <Typography.Text strong>{describeTarget(t, target)}</Typography.Text>
      <div style={{ fontSize: 12, lineHeight: 1.6 }}>
        <Typography.Text type="secondary">{describeWarning(t, target.warning)}</Typography.Text>
      </div>
      <div style={{ fontSize: 12, lineHeight: 1.6 }}>
        <Typography.Text type="secondary">{calendar ? nameIn(calendar.names, language) : target.calendarId}</Typography.Text>
      </div>
    </div>
  );
}

export function CataloguePanel({ editable }: { editable: boolean }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const language = useShell((s) => s.language);
  const { value: types, loading, refresh } = useCatalogue();
  const calendars = useCalendars((s) => s.value);
  const [dialog, setDialog] = useState<RequestTypeDialog | null>(null);
  const [query, setQuery] = useState('');
  const [showInactive, setShowInactive] = useState(true);

  useEffect(() => {
    refresh().catch((err: unknown) => void message.error(errorText(err)));
    useCalendars
      .getState()
      .refresh()
      .catch((err: unknown) => void message.error(errorText(err)));
    const offCatalogue = followCatalogueEvents();
    const offCalendars = followCalendarEvents();
    return () => {
      offCatalogue();
      offCalendars();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const rows = useMemo(() => {
    const q = query.trim().toLowerCase();
    return types.filter(
      (x) => (showInactive || x.active) && (!q || `${x.code} ${x.names.zh} ${x.names.en}`.toLowerCase().includes(q)),
    );
  }, [types, query, showInactive]);

  const save = async (type: RequestType, isNew: boolean) => {
    const saved = await call('catalogue.save', { type, isNew });
    void message.success(t('catalogue.saved', { name: nameIn(saved.names, language) }));
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <DueCalculator />
      <Card
        title={t('catalogue.title')}
        extra={
          <Space wrap>
            <Input.Search
              allowClear
              placeholder={t('catalogue.search')}
              onChange={(e) => setQuery(e.target.value)}
              style={{ width: 200 }}
              data-testid="catalogue-search"
            />
            <Space size={6}>
              <Switch size="small" checked={showInactive} onChange={setShowInactive} />
              <Typography.Text>{t('catalogue.showInactive')}</Typography.Text>
            </Space>
            {editable && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'add' })} data-testid="catalogue-add">
                {t('catalogue.add')}
              </Button>
            )}
          </Space>
        }
      >
        <Alert
          type={editable ? 'info' : 'warning'}
          showIcon
          title={editable ? t('catalogue.appliesToNew') : t('catalogue.readOnly')}
          description={editable ? undefined : t('catalogue.appliesToNew')}
          style={{ marginBottom: 16 }}
        />
        <Table<RequestType>
          rowKey="code"
          size="middle"
          loading={loading && types.length === 0}
          dataSource={rows}
          pagination={false}
          locale={{ emptyText: t('catalogue.empty') }}
          data-testid="catalogue-table"
          onRow={(r) => ({ 'data-testid': `catalogue-row-${r.code}` }) as HTMLAttributes<HTMLElement>}
          columns={[
            {
              title: t('catalogue.code'),
              dataIndex: 'code',
              width: 170,
              render: (code: string) => <Typography.Text code>{code}</Typography.Text>,
            },
            {
              title: t('catalogue.name'),
              key: 'name',
              render: (_, r) => (
                <div style={{ opacity: r.active ? 1 : 0.55 }}>
                  <Typography.Text strong>{nameIn(r.names, language)}</Typography.Text>
                  <div style={{ fontSize: 12 }}>
                    <Typography.Text type="secondary">{otherName(r.names, language)}</Typography.Text>
                  </div>
                </div>
              ),
            },
            {
              title: t('catalogue.category'),
              dataIndex: 'category',
              width: 110,
              render: (c: RequestType['category']) => <Tag color={CATEGORY_COLORS[c]}>{t(`catalogue.categories.${c}`)}</Tag>,
            },
            {
              title: t('catalogue.standard'),
              key: 'standard',
              width: 230,
              render: (_, r) => <TargetCell target={r.standard} calendars={calendars} />,
            },
            {
              title: t('catalogue.keyAccount'),
              key: 'keyAccount',
              width: 230,
              render: (_, r) => <TargetCell target={r.keyAccount} calendars={calendars} />,
            },
            {
              title: t('catalogue.active'),
              dataIndex: 'active',
              width: 90,
              render: (a: boolean) => (a ? <Tag color="green">{t('common.active')}</Tag> : <Tag>{t('catalogue.inactive')}</Tag>),
            },
            ...(editable
              ? [
                  {
                    title: t('common.actions'),
                    key: 'actions',
                    width: 90,
                    render: (_: unknown, r: RequestType) => (
                      <Button
                        type="link"
                        size="small"
                        icon={<EditOutlined />}
                        onClick={() => setDialog({ kind: 'edit', type: r })}
                        data-testid={`catalogue-edit-${r.code}`}
                      >
                        {t('common.edit')}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      {dialog && <RequestTypeFormModal dialog={dialog} calendars={calendars} onSubmit={save} onClose={() => setDialog(null)} />}
    </Space>
  );
}
