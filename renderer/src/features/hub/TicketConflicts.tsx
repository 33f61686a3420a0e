// In a ticket's panel: the lifecycle changes two seats made at once while apart from the hub. The
// first to reach the hub counted; the other seat's did not, and its agent reads it here (their
// action also stays in the history below, with its time and seat).
import { Alert, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TicketSyncConflict } from '../../../../shared/tickets/types';
import { useShell } from '../../app/store';

export function TicketConflicts({ conflicts }: { conflicts: TicketSyncConflict[] }) {
  const { t } = useTranslation();
  const seat = useShell((s) => s.status!.seatCode);
  if (conflicts.length === 0) return null;
  const what = (side: TicketSyncConflict['kept']) =>
    [side.status ? t(`status.${side.status}`) : null, side.assignee === undefined ? null : (side.assignee ?? t('queue.unassigned'))].filter(Boolean).join(' · ');
  const mine = conflicts.some((c) => c.loserSeat !== null && c.loserSeat === seat);
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="ticket-conflicts"
      title={t('hub.ticketConflict.title', { count: conflicts.length })}
      description={
        <Space direction="vertical" size={4}>
          {mine && (
            <Typography.Text strong data-testid="ticket-conflict-yours">
              {t('hub.ticketConflict.yours', { seat })}
            </Typography.Text>
          )}
          {conflicts.map((c) => (
            <Typography.Text key={c.id} data-testid="ticket-conflict">
              {t('hub.ticketConflict.line', { winner: c.winnerSeat ?? '—', loser: c.loserSeat ?? '—', kept: what(c.kept), lost: what(c.lost) })}
            </Typography.Text>
          ))}
          <Typography.Text type="secondary">{t('hub.ticketConflict.rule')}</Typography.Text>
        </Space>
      }
    />
  );
}
