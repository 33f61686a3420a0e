// The selected ticket beside the queue: what it is, its SLA live, what can be done, its history,
// and the customer with their other tickets.
import { CloseOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, List, Space, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { roleAllows } from '../../../../shared/roles';
import { RoleTag, StatusTag, TierTag } from '../../app/badges';
import { useErrorText } from '../../app/errors';
import { formatDateTime } from '../../app/format';
import { useShell } from '../../app/store';
import { TicketConflicts } from '../hub/TicketConflicts';
import { ComplaintPanel } from './ComplaintPanel';
import { SlaPanel } from './SlaPanel';
import { useQueue } from './store';
import { TicketActions } from './TicketActions';
import { TicketTimeline } from './TicketTimeline';
import { useTicket } from './useTicket';
import { useTypeNames } from './useTypeNames';

export function TicketPanel({ id, onClose }: { id: string; onClose(): void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { ticket, error } = useTicket(id);
  const typeName = useTypeNames();
  const me = useShell((s) => s.status!.user!);
  const timeZone = useShell((s) => s.status!.timeZone);
  const language = useShell((s) => s.language);
  const select = useQueue((s) => s.select);
  if (error) return <Alert type="error" showIcon title={errorText(error)} />;
  if (!ticket) return <Spin style={{ display: 'block', marginTop: 64 }} />;
  const c = ticket.customerDetail;
  const editable = roleAllows(me.role, 'supervisor') || ticket.assignee?.id === me.id;
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="ticket-panel">
      <Card
        size="small"
        title={
          <Space>
            <Typography.Text copyable style={{ fontFamily: 'ui-monospace, Menlo, Consolas, monospace' }} data-testid="ticket-number">
              {ticket.number}
            </Typography.Text>
            <StatusTag status={ticket.status} />
          </Space>
        }
        extra={<Button type="text" icon={<CloseOutlined />} onClick={onClose} aria-label={t('common.close')} />}
      >
        {/* Long subjects and descriptions are clamped, so the actions and the SLA stay in view. */}
        <Typography.Title
          level={5}
          style={{ marginTop: 0 }}
          ellipsis={{ rows: 2, expandable: 'collapsible', symbol: (open: boolean) => t(open ? 'ticket.showLess' : 'ticket.showMore') }}
          data-testid="ticket-subject"
        >
          {ticket.subject}
        </Typography.Title>
        <Descriptions size="small" column={2} styles={{ label: { whiteSpace: 'nowrap' }, content: { wordBreak: 'normal', overflowWrap: 'normal' } }}>
          <Descriptions.Item label={t('ticket.type')}>{typeName(ticket.typeCode)}</Descriptions.Item>
          <Descriptions.Item label={t('ticket.channel')}>{t(`channel.${ticket.channel}`)}</Descriptions.Item>
          <Descriptions.Item label={t('ticket.priority')}>{t(`priority.${ticket.priority}`)}</Descriptions.Item>
          <Descriptions.Item label={t('ticket.assignee')}>{ticket.assignee?.displayName ?? t('queue.unassigned')}</Descriptions.Item>
          <Descriptions.Item label={t('ticket.intakeAt')}>{formatDateTime(ticket.createdAt, timeZone, language)}</Descriptions.Item>
          <Descriptions.Item label={t('ticket.category')}>{t(`category.${ticket.category}`)}</Descriptions.Item>
        </Descriptions>
        {ticket.description && (
          <Typography.Paragraph
            key={ticket.id}
            style={{ whiteSpace: 'pre-wrap', marginBottom: 12 }}
            ellipsis={{ rows: 3, expandable: 'collapsible', symbol: (open: boolean) => t(open ? 'ticket.showLess' : 'ticket.showMore') }}
            data-testid="ticket-description"
          >
            {ticket.description}
          </Typography.Paragraph>
        )}
        <TicketActions ticket={ticket} />
      </Card>
      <TicketConflicts conflicts={ticket.syncConflicts} />
      <SlaPanel sla={ticket.sla} />
      {ticket.category === 'complaint' && <ComplaintPanel ticket={ticket} editable={editable} />}
      <Card size="small" title={t('ticket.customer')}>
        <Space wrap>
          <Typography.Text strong>{c.name}</Typography.Text>
          <TierTag tier={c.tier} />
          <RoleTag role={c.role} />
          <Typography.Text type="secondary">{c.phones.join(' / ')}</Typography.Text>
          {c.contactName && <Typography.Text type="secondary">{t('ticket.contact', { name: c.contactName })}</Typography.Text>}
        </Space>
        {ticket.customerTickets.length > 0 && (
          <List
            size="small"
            header={<Typography.Text type="secondary">{t('ticket.otherTickets', { count: ticket.customerTickets.length })}</Typography.Text>}
            dataSource={ticket.customerTickets}
            renderItem={(o) => (
              <List.Item style={{ cursor: 'pointer' }} onClick={() => select(o.id)} extra={<StatusTag status={o.status} />}>
                <Space>
                  <Typography.Text style={{ fontFamily: 'ui-monospace, Menlo, Consolas, monospace', fontSize: 12 }}>{o.number}</Typography.Text>
                  <Typography.Text ellipsis>{o.subject}</Typography.Text>
                </Space>
              </List.Item>
            )}
          />
        )}
      </Card>
      <Card size="small" title={t('ticket.timeline')}>
        <TicketTimeline events={ticket.events} />
      </Card>
    </Space>
  );
}
