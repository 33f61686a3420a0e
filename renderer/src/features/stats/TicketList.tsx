// A list of tickets (drill-down, history): number, subject, customer, type, status, agent, intake;
// a click opens the ticket's detail beside it.
import { Table, Typography } from 'antd';
import type { ColumnsType, TablePaginationConfig } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { TicketRow } from '../../../../shared/tickets/types';
import { StatusTag, TierTag } from '../../app/badges';
import { formatDateTime } from '../../app/format';
import { useShell } from '../../app/store';
import type { ExportTable } from './exportTable';
import { useLookups } from './lookups';

export function useTicketColumns(): { columns: ColumnsType<TicketRow>; exportOf(name: string, rows: TicketRow[]): ExportTable } {
  const { t } = useTranslation();
  const timeZone = useShell((s) => s.status?.timeZone ?? 'Asia/Shanghai');
  const language = useShell((s) => s.language);
  const { typeName } = useLookups();
  const when = (ms: number) => formatDateTime(ms, timeZone, language).slice(0, -3);
  const columns: ColumnsType<TicketRow> = [
    { title: t('stats.drill.number'), dataIndex: 'number', width: 160, render: (n: string) => <Typography.Text code>{n}</Typography.Text> },
    { title: t('stats.drill.subject'), dataIndex: 'subject', ellipsis: true },
    {
      title: t('stats.drill.customer'),
      key: 'customer',
      width: 140,
      ellipsis: true,
      render: (_: unknown, r) => (
        <span>
          {r.customer.name} <TierTag tier={r.tier} />
        </span>
      ),
    },
    { title: t('stats.drill.type'), dataIndex: 'typeCode', width: 130, ellipsis: true, render: (c: string) => typeName(c) },
    { title: t('stats.drill.status'), dataIndex: 'status', width: 100, render: (s: TicketRow['status']) => <StatusTag status={s} /> },
    { title: t('stats.drill.agent'), key: 'agent', width: 90, ellipsis: true, render: (_: unknown, r) => r.assignee?.displayName ?? '—' },
    { title: t('stats.drill.createdAt'), dataIndex: 'createdAt', width: 140, render: when },
  ];
  return {
    columns,
    exportOf: (name, rows) => ({
      name,
      header: columns.map((c) => String(c.title)),
      rows: rows.map((r) => [r.number, r.subject, r.customer.name, typeName(r.typeCode), t(`status.${r.status}`), r.assignee?.displayName ?? '', when(r.createdAt)]),
    }),
  };
}

export function TicketList({
  tickets,
  loading,
  onOpen,
  pagination,
  testId,
}: {
  tickets: TicketRow[];
  loading: boolean;
  onOpen(id: string): void;
  pagination?: false | TablePaginationConfig;
  testId: string;
}) {
  const { columns } = useTicketColumns();
  return (
    <Table<TicketRow>
      size="small"
      rowKey="id"
      loading={loading}
      dataSource={tickets}
      columns={columns}
      pagination={pagination ?? { pageSize: 15, size: 'small', showSizeChanger: false }}
      onRow={(r) => ({ style: { cursor: 'pointer' }, onClick: () => onOpen(r.id) })}
      data-testid={testId}
    />
  );
}
