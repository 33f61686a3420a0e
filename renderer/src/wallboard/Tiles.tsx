// Countdown tiles for the most urgent tickets: green, amber after the warning point, red and
// blinking when breached, grey when paused; key accounts marked. All driven by one ticker.
import { CrownFilled, PauseCircleFilled } from '@ant-design/icons';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketRow } from '../../../shared/tickets/types';
import { slaTone, ticketSlaAt, useCompiledCalendars, type SlaTone } from '../app/calendars';
import { useNow } from '../app/ticker';
import { formatDuration } from '../features/queue/Countdown';
import { useTypeNames } from '../features/queue/useTypeNames';

export const tilePalette: Record<SlaTone, { bg: string; fg: string }> = {
  ok: { bg: '#0f3d2e', fg: '#73d13d' },
  warning: { bg: '#4a3510', fg: '#ffc53d' },
  breached: { bg: '#58151c', fg: '#ff7875' },
  paused: { bg: '#262b33', fg: '#8c96a3' },
  stopped: { bg: '#262b33', fg: '#8c96a3' },
};

export function Tiles({ tickets }: { tickets: TicketRow[] }) {
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(15vw, 1fr))', gap: '0.8vw', alignContent: 'start' }} data-testid="board-tiles">
      {tickets.map((t) => (
        <Tile key={t.id} ticket={t} />
      ))}
    </div>
  );
}

const Tile = memo(function Tile({ ticket }: { ticket: TicketRow }) {
  const { t } = useTranslation();
  const now = useNow((s) => s.now);
  const compiled = useCompiledCalendars((s) => s.compiled);
  const typeName = useTypeNames();
  const status = ticketSlaAt(compiled, ticket.sla, now);
  if (!status) return null;
  const tone = slaTone(status, ticket.sla);
  const { bg, fg } = tilePalette[tone];
  return (
    <div
      data-testid="board-tile"
      data-number={ticket.number}
      data-tone={tone}
      className={tone === 'breached' ? 'kefu-blink' : undefined}
      style={{ background: bg, borderRadius: '0.6vw', padding: '0.8vw 1vw', borderLeft: `0.35vw solid ${fg}`, minWidth: 0 }}
    >
      <div style={{ display: 'flex', justifyContent: 'space-between', gap: '0.5vw', fontSize: '0.85vw', color: '#aab4c3' }}>
        <span style={{ fontFamily: 'ui-monospace, Menlo, Consolas, monospace' }}>{ticket.number}</span>
        {ticket.tier === 'key' && (
          <span style={{ color: '#ffd666' }} data-testid="tile-key">
            <CrownFilled /> {t('tierShort.key')}
          </span>
        )}
      </div>
      <div style={{ fontSize: '1.25vw', fontWeight: 600, color: '#e6edf7', whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
        {ticket.customer.name}
      </div>
      <div style={{ fontSize: '0.85vw', color: '#8da2c0', whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
        {typeName(ticket.typeCode)} · {ticket.assignee?.displayName ?? t('queue.unassigned')}
      </div>
      <div style={{ fontSize: '2.2vw', fontWeight: 700, color: fg, fontVariantNumeric: 'tabular-nums', lineHeight: 1.2 }} data-testid="tile-countdown">
        {tone === 'paused' && <PauseCircleFilled style={{ fontSize: '1.4vw', marginInlineEnd: '0.4vw' }} />}
        {status.breached ? `+${formatDuration(status.overtimeMs)}` : formatDuration(status.remainingMs)}
      </div>
    </div>
  );
});
