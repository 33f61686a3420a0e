// A live SLA countdown: remaining working time, amber after the warning point, red and counting
// up once breached, grey while paused. It reads the window's one ticker; it owns no timer.
import { PauseCircleOutlined } from '@ant-design/icons';
import { theme } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TicketSla } from '../../../../shared/tickets/types';
import { countdownText } from '../../../../shared/tickets/sla';
import { slaTone, ticketSlaAt, useCompiledCalendars, type SlaTone } from '../../app/calendars';
import { useNow } from '../../app/ticker';

export { formatDuration } from '../../app/countdownClock';

export const toneColor = (tone: SlaTone, token: ReturnType<typeof theme.useToken>['token']) =>
  ({
    ok: token.colorSuccess,
    warning: token.colorWarning,
    breached: token.colorError,
    paused: token.colorTextDisabled,
    stopped: token.colorTextSecondary,
  })[tone];

export function Countdown({ sla, size = 'default' }: { sla: TicketSla; size?: 'default' | 'large' }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const now = useNow((s) => s.now);
  const compiled = useCompiledCalendars((s) => s.compiled);
  const status = ticketSlaAt(compiled, sla, now);
  if (!status) return <span>—</span>;
  const tone = slaTone(status, sla);
  const text = countdownText(status);
  return (
    <span
      data-testid="countdown"
      data-tone={tone}
      title={t(`queue.tone.${tone}`)}
      style={{
        color: toneColor(tone, token),
        fontVariantNumeric: 'tabular-nums',
        fontWeight: 600,
        fontSize: size === 'large' ? 28 : 14,
        whiteSpace: 'nowrap',
      }}
    >
      {tone === 'paused' && <PauseCircleOutlined style={{ marginInlineEnd: 4 }} />}
      {text}
    </span>
  );
}
