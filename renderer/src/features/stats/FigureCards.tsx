// The headline figures: value, change against the previous period (green when better), the
// definition on hover; a click lists the tickets behind the figure.
import { ArrowDownOutlined, ArrowUpOutlined, InfoCircleOutlined } from '@ant-design/icons';
import { Card, Col, Row, Statistic, Tooltip, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { FIGURES, FIGURE_IDS, type FigureId } from '../../../../shared/stats/definitions';
import type { StatsSummary } from '../../../../shared/stats/types';
import { useShell } from '../../app/store';
import { figureDefinition, figureName, formatFigure } from './figureText';
import { useStats } from './store';

export function FigureCards({ summary }: { summary: StatsSummary }) {
  const language = useShell((s) => s.language);
  const openDrill = useStats((s) => s.openDrill);
  return (
    <Row gutter={[12, 12]} data-testid="stats-figures">
      {FIGURE_IDS.map((id) => (
        <Col key={id} xs={12} md={8} xl={4}>
          <FigureCard id={id} summary={summary} onOpen={() => void openDrill({ figure: id, caption: figureName(id, language) })} />
        </Col>
      ))}
    </Row>
  );
}

function FigureCard({ id, summary, onOpen }: { id: FigureId; summary: StatsSummary; onOpen(): void }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const language = useShell((s) => s.language);
  const value = summary.figures[id];
  const prev = summary.previousFigures[id];
  const def = FIGURES[id];
  const delta = value !== null && prev !== null ? value - prev : null;
  const better = delta === null || delta === 0 || def.higherIsBetter === null ? null : delta > 0 === def.higherIsBetter;
  const color = better === null ? token.colorTextSecondary : better ? token.colorSuccess : token.colorError;
  return (
    <Card
      size="small"
      hoverable
      onClick={onOpen}
      onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && onOpen()}
      tabIndex={0}
      role="button"
      data-testid={`figure-${id}`}
      styles={{ body: { padding: '10px 12px' } }}
    >
      <Statistic
        title={
          <Tooltip title={figureDefinition(id, language)}>
            <span data-testid={`figure-${id}-title`}>
              {figureName(id, language)} <InfoCircleOutlined style={{ fontSize: 12, color: token.colorTextTertiary }} />
            </span>
          </Tooltip>
        }
        value={formatFigure(id, value, language)}
        valueStyle={{ fontSize: 22, fontVariantNumeric: 'tabular-nums' }}
      />
      <Typography.Text style={{ fontSize: 12, color }} data-testid={`figure-${id}-change`}>
        {delta === null ? (
          t('stats.noPrevious')
        ) : (
          <>
            {delta > 0 ? <ArrowUpOutlined /> : delta < 0 ? <ArrowDownOutlined /> : null} {t('stats.vsPrevious', { value: formatFigure(id, prev, language) })}
          </>
        )}
      </Typography.Text>
    </Card>
  );
}
