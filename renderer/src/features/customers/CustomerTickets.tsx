// The customer's recent tickets, shown under the form in the customer drawer.
import { Empty, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isNotOlder } from '../../../../shared/tickets/changes';
import type { Customer, TicketRow } from '../../../../shared/tickets/types';
import { call, onEvent } from '../../api';
import { StatusTag } from '../../app/badges';
import { formatDateTime } from '../../app/format';
import { useShell } from '../../app/store';

export function CustomerTickets({ customer }: { customer: Pick<Customer, 'id' | 'name'> }) {
  const { t } = useTranslation();
  const timeZone = useShell((s) => s.status?.timeZone ?? 'Asia/Shanghai');
  const language = useShell((s) => s.language);
  const [tickets, setTickets] = useState<TicketRow[] | null>(null);

  // A change of one of the customer's tickets (here or at another seat) carries its row: put it in
  // place, a new ticket first, instead of searching again.
  useEffect(
    () =>
      onEvent('ticket.changed', (e) => {
        if (e.ticket.customer.id !== customer.id) return;
        setTickets((list) => {
          if (!list) return list;
          const at = list.findIndex((tk) => tk.id === e.ticket.id);
          if (at < 0) return [e.ticket, ...list];
          if (!isNotOlder(e.ticket, list[at])) return list;
          return list.map((tk, i) => (i === at ? e.ticket : tk));
        });
      }),
    [customer.id],
  );

  useEffect(() => {
    let live = true;
    // search.all finds the customer by name and returns the tickets of the customers it found.
    call('search.all', { q: customer.name })
      .then((r) => live && setTickets(r.tickets.filter((tk) => tk.customer.id === customer.id)))
      .catch(() => live && setTickets([]));
    return () => {
      live = false;
    };
  }, [customer.id, customer.name]);

  return (
    <div data-testid="customer-tickets">
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('customers.tickets.title')}
      </Typography.Title>
      <Table<TicketRow>
        size="small"
        rowKey="id"
        loading={tickets === null}
        dataSource={tickets ?? []}
        pagination={false}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('customers.tickets.none')} /> }}
        columns={[
          {
            title: t('customers.tickets.number'),
            dataIndex: 'number',
            width: 150,
            render: (n: string) => <Typography.Text code>{n}</Typography.Text>,
          },
          { title: t('customers.tickets.subject'), dataIndex: 'subject', ellipsis: true },
          { title: t('customers.tickets.status'), dataIndex: 'status', width: 110, render: (s: TicketRow['status']) => <StatusTag status={s} /> },
          {
            title: t('customers.tickets.createdAt'),
            dataIndex: 'createdAt',
            width: 150,
            render: (ms: number) => formatDateTime(ms, timeZone, language).slice(0, -3),
          },
        ]}
      />
    </div>
  );
}
