// The ticket's history: every event with who, when and what changed.
import { Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TicketEventView } from '../../../../shared/tickets/types';
import { formatDateTime } from '../../app/format';
import { useShell } from '../../app/store';

const colors: Record<string, string> = { created: 'blue', feedback: 'green', resolve: 'green', wait: 'gray', error: 'red', transferred: 'purple', forwarded: 'purple' };

export function TicketTimeline({ events }: { events: TicketEventView[] }) {
  const { t } = useTranslation();
  const timeZone = useShell((s) => s.status!.timeZone);
  const language = useShell((s) => s.language);
  return (
    <Timeline
      data-testid="ticket-timeline"
      items={[...events].reverse().map((e) => ({
        color: colors[e.kind] ?? 'blue',
        content: (
          <div>
            <Typography.Text strong>{t(`ticket.event.${e.kind}`, { defaultValue: e.kind })}</Typography.Text>{' '}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDateTime(e.at, timeZone, language)} · {e.actorName ?? t('ticket.system')} · {e.seat}
            </Typography.Text>
            <EventDetail event={e} />
          </div>
        ),
      }))}
    />
  );
}

function EventDetail({ event }: { event: TicketEventView }) {
  const { t } = useTranslation();
  const a = event.after ?? {};
  const lines: string[] = [];
  if (typeof a.note === 'string') lines.push(a.note);
  if (typeof a.text === 'string') lines.push(a.text);
  if (typeof a.reason === 'string') lines.push(`${t('ticket.reason')}: ${a.reason}`);
  if (typeof a.assigneeName === 'string') lines.push(`→ ${a.assigneeName}`);
  if (typeof a.departmentId === 'string') lines.push(`→ ${a.departmentId}`);
  if (typeof a.agentName === 'string') lines.push(`${t('ticket.agent')}: ${a.agentName}`);
  if (typeof a.overtimeMinutes === 'number' && a.overtimeMinutes > 0) lines.push(t('ticket.overtimeMinutes', { count: a.overtimeMinutes }));
  if (lines.length === 0) return null;
  return (
    <div>
      {lines.map((l, i) => (
        <Typography.Paragraph key={i} style={{ margin: 0 }} type="secondary">
          {l}
        </Typography.Paragraph>
      ))}
    </div>
  );
}
