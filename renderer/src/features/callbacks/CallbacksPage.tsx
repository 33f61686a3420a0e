// The callbacks work queue: overdue, due today and upcoming callbacks; the selected one opens in
// a drawer where the agent reads the script, scores the questions and records the outcome.
import { PhoneOutlined, ReloadOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Empty, Flex, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallbackQueue, CallbackView } from '../../../../shared/callbacks/types';
import { TierTag } from '../../app/badges';
import { useShell } from '../../app/store';
import { CallbackDrawer } from './CallbackDrawer';
import { useCallbacks } from './store';

type Bucket = keyof CallbackQueue;

/** YYYY-MM-DD of an instant in the centre's time zone, like the due day beside it. */
const isoDay = (ms: number, timeZone: string) => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(ms);
const BUCKETS: Bucket[] = ['overdue', 'dueToday', 'upcoming'];

export function CallbacksPage() {
  const { t } = useTranslation();
  const language = useShell((s) => s.language);
  const timeZone = useShell((s) => s.status?.timeZone ?? 'Asia/Shanghai');
  const { queue, load, selectedId, select } = useCallbacks();
  const [bucket, setBucket] = useState<Bucket>('dueToday');

  useEffect(() => {
    void load();
  }, [load]);
  // Open on the first bucket that has work, once the queue arrives.
  const [chosen, setChosen] = useState(false);
  useEffect(() => {
    if (!queue || chosen) return;
    setChosen(true);
    setBucket(queue.dueToday.length ? 'dueToday' : queue.overdue.length ? 'overdue' : 'dueToday');
  }, [queue, chosen]);

  const all = queue ? [...queue.overdue, ...queue.dueToday, ...queue.upcoming] : [];
  const selected = all.find((c) => c.id === selectedId) ?? null;
  const ruleName = (c: CallbackView) => (language === 'en' ? c.rule.names.en : c.rule.names.zh);

  const table = (rows: CallbackView[], b: Bucket) => (
    <Table<CallbackView>
      rowKey="id"
      size="middle"
      dataSource={rows}
      pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      data-testid={`callback-table-${b}`}
      rowClassName={(c) => (c.id === selectedId ? 'ant-table-row-selected' : '')}
      onRow={(c) => ({ onClick: () => select(c.id), style: { cursor: 'pointer' } })}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('callbacks.empty')} /> }}
      columns={[
        { title: t('callbacks.columns.due'), dataIndex: 'dueDay', width: 120, render: (d: string) => <span style={{ fontVariantNumeric: 'tabular-nums' }}>{d}</span> },
        {
          title: t('callbacks.columns.customer'),
          key: 'customer',
          render: (_, c) => (
            <Space size={4} wrap>
              <Typography.Text strong>{c.customer.name}</Typography.Text>
              <TierTag tier={c.customer.tier} />
              {c.customer.phones[0] && (
                <Typography.Text type="secondary" style={{ fontVariantNumeric: 'tabular-nums' }}>
                  <PhoneOutlined /> {c.customer.phones[0]}
                </Typography.Text>
              )}
            </Space>
          ),
        },
        { title: t('callbacks.columns.rule'), key: 'rule', width: 200, render: (_, c) => <Tag color="geekblue">{ruleName(c)}</Tag> },
        {
          title: t('callbacks.columns.about'),
          key: 'about',
          ellipsis: true,
          render: (_, c) => (c.originTicket ? <Typography.Text code>{c.originTicket.number}</Typography.Text> : c.asset ? c.asset.label : '—'),
        },
        {
          title: t('callbacks.columns.attempts'),
          key: 'attempts',
          width: 150,
          render: (_, c) =>
            c.attempts ? (
              <Space size={4}>
                {t('callbacks.attempts', { count: c.attempts })}
                {c.lastOutcome && <Typography.Text type="secondary">{t('callbacks.lastOutcome', { outcome: t(`callbacks.outcome.${c.lastOutcome}`) })}</Typography.Text>}
              </Space>
            ) : (
              <Typography.Text type="secondary">—</Typography.Text>
            ),
        },
        {
          title: t('callbacks.columns.window'),
          dataIndex: 'windowEndAt',
          width: 140,
          render: (ms: number) => <span style={{ fontVariantNumeric: 'tabular-nums' }}>{isoDay(ms - 1, timeZone)}</span>,
        },
      ]}
    />
  );

  return (
    <Card variant="borderless" styles={{ body: { padding: '8px 20px 20px' } }} data-testid="callbacks-page">
      <Tabs
        activeKey={bucket}
        onChange={(k) => setBucket(k as Bucket)}
        tabBarExtraContent={
          <Button icon={<ReloadOutlined />} onClick={() => void load()} data-testid="callbacks-refresh">
            {t('callbacks.refresh')}
          </Button>
        }
        items={BUCKETS.map((b) => ({
          key: b,
          label: (
            <Flex gap={6} align="center" data-testid={`callbacks-tab-${b}`}>
              {t(`callbacks.${b}`)}
              <Badge count={queue?.[b].length ?? 0} showZero color={b === 'overdue' ? '#cf1322' : b === 'dueToday' ? '#1677ff' : '#8c8c8c'} overflowCount={999} />
            </Flex>
          ),
          children: table(queue?.[b] ?? [], b),
        }))}
      />
      <CallbackDrawer callback={selected} onClose={() => select(null)} />
    </Card>
  );
}
