// Countdown tiles for the most urgent tickets: green, amber after the warning point, red and
// blinking when breached, grey when paused; key accounts marked. React renders a tile once; the
// shared countdown clock updates its time, colour and blink every second (see app/countdownClock.ts).
// The blink is driven by that clock, not a CSS animation: hundreds of running CSS animations cost
// the main thread far more than one attribute flip on the tiles in view.
import { CrownFilled, PauseCircleFilled } from '@ant-design/icons';
import { memo, useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketRow } from '../../../shared/tickets/types';
import { trackCountdown } from '../app/countdownClock';
import { useTypeNames } from '../features/queue/useTypeNames';

export const tileStyles = `
.kefu-tile { border-radius: 0.6vw; padding: 0.8vw 1vw; border-left: 0.35vw solid; min-width: 0; contain: layout paint style; content-visibility: auto; contain-intrinsic-size: auto 7.5vw; }
.kefu-tile[data-tone='ok'] { background: #0f3d2e; border-color: #73d13d; --fg: #73d13d; }
.kefu-tile[data-tone='warning'] { background: #4a3510; border-color: #ffc53d; --fg: #ffc53d; }
.kefu-tile[data-tone='breached'] { background: #58151c; border-color: #ff7875; --fg: #ff7875; }
.kefu-tile[data-tone='breached'][data-blink='1'] { opacity: 0.6; }
.kefu-tile[data-tone='paused'], .kefu-tile[data-tone='stopped'] { background: #262b33; border-color: #8c96a3; --fg: #8c96a3; }
.kefu-tile .kefu-paused { display: none; font-size: 1.4vw; margin-inline-end: 0.4vw; }
.kefu-tile[data-tone='paused'] .kefu-paused { display: inline-block; }
.kefu-tile-time { font-size: 2.2vw; font-weight: 700; color: var(--fg); font-variant-numeric: tabular-nums; line-height: 1.2; white-space: nowrap; }
`;

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
  const typeName = useTypeNames();
  const tile = useRef<HTMLDivElement>(null);
  const time = useRef<HTMLSpanElement>(null);
  useLayoutEffect(() => trackCountdown(ticket.sla, time.current!, tile.current!), [ticket.sla]);
  return (
    <div ref={tile} className="kefu-tile" data-testid="board-tile" data-number={ticket.number}>
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
      <div className="kefu-tile-time">
        <PauseCircleFilled className="kefu-paused" />
        <span ref={time} data-testid="tile-countdown" />
      </div>
    </div>
  );
});
