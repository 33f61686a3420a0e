// Per-agent load: open tickets, breached, completed today.
import { useTranslation } from 'react-i18next';
import type { AgentLoad as Load } from '../../../shared/board';

export function AgentLoad({ agents }: { agents: Load[] }) {
  const { t } = useTranslation();
  const cell = { padding: '0.45vw 0.6vw', fontSize: '1.05vw', borderBottom: '1px solid #1f2a3d' } as const;
  const num = { ...cell, textAlign: 'right' as const, fontVariantNumeric: 'tabular-nums' as const };
  return (
    <div style={{ background: '#131c2e', borderRadius: '0.6vw', padding: '0.8vw', overflow: 'hidden' }} data-testid="board-agents">
      <div style={{ fontSize: '1.2vw', fontWeight: 600, marginBottom: '0.5vw' }}>{t('board.agents')}</div>
      <table style={{ width: '100%', borderCollapse: 'collapse', color: '#e6edf7' }}>
        <thead>
          <tr style={{ color: '#8da2c0' }}>
            <th style={{ ...cell, textAlign: 'left', fontWeight: 400 }}>{t('board.agent')}</th>
            <th style={{ ...num, fontWeight: 400 }}>{t('board.open')}</th>
            <th style={{ ...num, fontWeight: 400 }}>{t('board.breached')}</th>
            <th style={{ ...num, fontWeight: 400 }}>{t('board.completed')}</th>
          </tr>
        </thead>
        <tbody>
          {agents.length === 0 && (
            <tr>
              <td colSpan={4} style={{ ...cell, color: '#8da2c0' }}>
                {t('board.noAgents')}
              </td>
            </tr>
          )}
          {agents.slice(0, 14).map((a) => (
            <tr key={a.id} data-testid="board-agent">
              <td style={cell}>{a.displayName}</td>
              <td style={num}>{a.open}</td>
              <td style={{ ...num, color: a.breached > 0 ? '#ff7875' : undefined }}>{a.breached}</td>
              <td style={{ ...num, color: '#73d13d' }}>{a.completedToday}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
