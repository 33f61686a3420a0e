// Today's figures, large enough to read from three metres.
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { BoardFigures } from '../../../shared/board';

interface Figure {
  key: string;
  value: string;
  color?: string;
  sub?: string;
}

/** "6 分钟" / "6 min", "1 小时 5 分钟" / "1 h 5 min": words, not a ′ sign nobody reads as minutes. */
function hoursMinutes(ms: number | null, t: TFunction): string {
  if (ms === null) return '—';
  const minutes = Math.round(ms / 60_000);
  return minutes >= 60
    ? t('board.duration.hoursMinutes', { hours: Math.floor(minutes / 60), minutes: minutes % 60 })
    : t('board.duration.minutes', { minutes });
}

export function Figures({ f }: { f: BoardFigures }) {
  const { t } = useTranslation();
  const items: Figure[] = [
    { key: 'waiting', value: String(f.waiting), color: f.waiting > 0 ? '#69b1ff' : undefined },
    { key: 'inProgress', value: String(f.inProgress) },
    { key: 'paused', value: String(f.paused), color: '#8c96a3' },
    { key: 'atRisk', value: String(f.atRisk), color: f.atRisk > 0 ? '#ffc53d' : undefined },
    { key: 'breached', value: String(f.breachedOpen), color: f.breachedOpen > 0 ? '#ff7875' : undefined, sub: t('board.todayTotal', { count: f.breachedToday }) },
    { key: 'completed', value: String(f.completedToday), color: '#73d13d' },
    {
      key: 'compliance',
      value: f.compliance === null ? '—' : `${f.compliance}%`,
      color: f.compliance === null ? undefined : f.compliance >= 95 ? '#73d13d' : f.compliance >= 85 ? '#ffc53d' : '#ff7875',
    },
    { key: 'handling', value: hoursMinutes(f.averageHandlingMs, t) },
    { key: 'complaints', value: String(f.openComplaints), color: f.openComplaints > 0 ? '#ff9c6e' : undefined },
  ];
  return (
    <div style={{ display: 'grid', gridTemplateColumns: `repeat(${items.length}, 1fr)`, gap: '0.8vw' }} data-testid="board-figures">
      {items.map((i) => (
        <div key={i.key} data-testid={`figure-${i.key}`} style={{ background: '#131c2e', borderRadius: '0.6vw', padding: '1vw', textAlign: 'center' }}>
          <div style={{ fontSize: '1vw', color: '#8da2c0', whiteSpace: 'nowrap' }}>{t(`board.figure.${i.key}`)}</div>
          <div data-testid="figure-value" style={{ fontSize: '3.4vw', fontWeight: 700, color: i.color ?? '#e6edf7', fontVariantNumeric: 'tabular-nums', lineHeight: 1.15, whiteSpace: 'nowrap' }}>
            {/* Units in words ("9 分钟") sit smaller beside the figure, so the tile keeps one line. */}
            {i.value.split(/(\d[\d.:%]*)/).map((part, n) =>
              /^\d/.test(part) || part === '' || part === '—' ? part : (
                <span key={n} style={{ fontSize: '0.4em', fontWeight: 600 }}>
                  {part}
                </span>
              ),
            )}
          </div>
          <div style={{ fontSize: '0.85vw', color: '#8da2c0', minHeight: '1.2vw' }}>{i.sub ?? ''}</div>
        </div>
      ))}
    </div>
  );
}
