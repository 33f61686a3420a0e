// 工单查询: any ticket ever, open or closed — by number, customer, phone, subject, intake dates,
// status and agent; a click opens the ticket.
import { SearchOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Drawer, Flex, Input, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HistoryQuery, HistoryResult } from '../../../../shared/stats/types';
import { TICKET_STATUSES, type TicketStatus } from '../../../../shared/tickets/lifecycle';
import { call } from '../../api';
import { useErrorText } from '../../app/errors';
import { TicketPanel } from '../queue/TicketPanel';
import { ExportButtons } from '../stats/ExportButtons';
import { useLookups } from '../stats/lookups';
import { TicketList, useTicketColumns } from '../stats/TicketList';

const PAGE = 20;

export function HistoryPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const { staff } = useLookups();
  const { exportOf } = useTicketColumns();
  const [q, setQ] = useState('');
  const [range, setRange] = useState<[Dayjs, Dayjs] | null>(null);
  const [status, setStatus] = useState<TicketStatus | null>(null);
  const [agentId, setAgentId] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const [result, setResult] = useState<HistoryResult | null>(null);
  const [loading, setLoading] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);

  const query = useCallback(
    (p: number, limit = PAGE): HistoryQuery => ({
      ...(q.trim() ? { q: q.trim() } : {}),
      ...(range ? { from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') } : {}),
      ...(status ? { status } : {}),
      ...(agentId ? { agentId } : {}),
      limit,
      offset: (p - 1) * PAGE,
    }),
    [q, range, status, agentId],
  );

  // Only the latest search shows: an earlier one answering late must not overwrite it.
  const latest = useRef(0);
  const search = useCallback(
    async (p: number) => {
      const mine = ++latest.current;
      setLoading(true);
      try {
        const found = await call('tickets.history', query(p));
        if (mine !== latest.current) return;
        setResult(found);
        setPage(p);
      } catch (e) {
        if (mine === latest.current) void message.error(errorText(e));
      } finally {
        if (mine === latest.current) setLoading(false);
      }
    },
    [query, message, errorText],
  );
  // The filters other than the text search at once; the text on Enter or the button.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => void search(1), [range, status, agentId]);

  return (
    <Flex vertical gap={12} data-testid="history-page">
      <Card size="small">
        <Flex wrap gap={8} align="center">
          <Input.Search
            allowClear
            enterButton={<SearchOutlined />}
            placeholder={t('history.q')}
            value={q}
            onChange={(e) => setQ(e.target.value)}
            onSearch={() => void search(1)}
            style={{ width: 340 }}
            maxLength={100}
            data-testid="history-q"
          />
          <DatePicker.RangePicker value={range} onChange={(r) => setRange(r && r[0] && r[1] ? [r[0], r[1]] : null)} placeholder={[t('history.from'), t('history.from')]} data-testid="history-range" />
          <Select<TicketStatus>
            allowClear
            placeholder={t('history.anyStatus')}
            style={{ width: 140 }}
            value={status}
            onChange={(v) => setStatus(v ?? null)}
            options={TICKET_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
            data-testid="history-status"
          />
          <Select<string>
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('history.anyAgent')}
            style={{ width: 140 }}
            value={agentId}
            onChange={(v) => setAgentId(v ?? null)}
            options={staff.map((s) => ({ value: s.id, label: s.displayName }))}
            data-testid="history-agent"
          />
          <Button
            onClick={() => {
              setQ('');
              setRange(null);
              setStatus(null);
              setAgentId(null);
            }}
          >
            {t('history.reset')}
          </Button>
        </Flex>
      </Card>
      <Card
        size="small"
        title={
          <Space>
            {t('history.title')}
            {result && (
              <Typography.Text type="secondary" data-testid="history-total">
                {result.capped ? t('history.totalCapped', { count: result.total }) : t('history.total', { count: result.total })}
              </Typography.Text>
            )}
          </Space>
        }
        extra={
          result && (
            <ExportButtons
              testId="export-history"
              table={() => exportOf(t('history.title'), result.tickets)}
            />
          )
        }
      >
        <TicketList
          tickets={result?.tickets ?? []}
          loading={loading}
          onOpen={setOpenId}
          testId="history-tickets"
          pagination={{ current: page, pageSize: PAGE, total: result?.total ?? 0, showSizeChanger: false, size: 'small', onChange: (p) => void search(p) }}
        />
      </Card>
      <Drawer open={openId !== null} onClose={() => setOpenId(null)} size={620} closable={false} destroyOnHidden>
        {openId && <TicketPanel id={openId} onClose={() => setOpenId(null)} />}
      </Drawer>
    </Flex>
  );
}
