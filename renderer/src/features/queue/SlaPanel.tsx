// The ticket's service level: target, due, working time used, pauses, overtime — live.
import { Card, Col, Progress, Row, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TicketSla } from '../../../../shared/tickets/types';
import { slaTone, ticketSlaAt, useCompiledCalendars } from '../../app/calendars';
import { formatDateTime } from '../../app/format';
import { useShell } from '../../app/store';
import { useNow } from '../../app/ticker';
import { Countdown, formatDuration } from './Countdown';
import { targetText } from './targetText';

const toneStroke = { ok: '#52c41a', warning: '#faad14', breached: '#ff4d4f', paused: '#bfbfbf', stopped: '#8c8c8c' };

export function SlaPanel({ sla }: { sla: TicketSla }) {
  const { t } = useTranslation();
  const now = useNow((s) => s.now);
  const compiled = useCompiledCalendars((s) => s.compiled);
  const timeZone = useShell((s) => s.status!.timeZone);
  const language = useShell((s) => s.language);
  const status = ticketSlaAt(compiled, sla, now);
  if (!status) return null;
  const tone = slaTone(status, sla);
  const pausedMs = sla.pauses.reduce((sum, p) => sum + (p.to - p.from), 0) + (sla.pausedSince !== null ? (sla.feedbackAt ?? now) - sla.pausedSince : 0);
  return (
    <Card size="small" title={t('ticket.sla')} extra={<Tag color={tone === 'breached' ? 'red' : tone === 'warning' ? 'orange' : tone === 'ok' ? 'green' : 'default'}>{t(`queue.tone.${tone}`)}</Tag>} data-testid="sla-panel">
      <Row gutter={16} align="middle">
        <Col span={10}>
          <Typography.Text type="secondary">{status.breached ? t('ticket.overdueBy') : t('ticket.remaining')}</Typography.Text>
          <div>
            <Countdown sla={sla} size="large" />
          </div>
        </Col>
        <Col span={14}>
          <Progress percent={Math.min(100, Math.round(status.elapsedShare * 100))} strokeColor={toneStroke[tone]} showInfo={false} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('ticket.target')}: {targetText(sla.target, t)} · {t('ticket.due')}: {formatDateTime(status.due, timeZone, language)}
          </Typography.Text>
        </Col>
      </Row>
      <Row gutter={16} style={{ marginTop: 12 }}>
        <Col span={8}>
          <Statistic title={t('ticket.elapsed')} value={formatDuration(status.elapsedMs)} styles={{ content: { fontSize: 16 } }} />
        </Col>
        <Col span={8}>
          <Statistic title={t('ticket.pauses', { count: sla.pauses.length + (sla.pausedSince !== null ? 1 : 0) })} value={formatDuration(pausedMs)} styles={{ content: { fontSize: 16 } }} />
        </Col>
        <Col span={8}>
          <Statistic
            title={t('ticket.overtime')}
            value={formatDuration(status.overtimeMs)}
            styles={{ content: { fontSize: 16, color: status.overtimeMs > 0 ? '#ff4d4f' : undefined } }}
            data-testid="sla-overtime"
          />
        </Col>
      </Row>
      {status.beyondKnownYears && <Typography.Text type="warning">{t('intake.beyondKnownYears')}</Typography.Text>}
    </Card>
  );
}
