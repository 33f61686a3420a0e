// The charts of the statistics screen; every mark is clickable to the tickets behind it.
import { Card, Empty, Tooltip as AntTooltip, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { SeriesPoint, StatsSummary } from '../../../../shared/stats/types';
import { useShell } from '../../app/store';
import { figureName } from './figureText';
import { useStats } from './store';

const CHART_HEIGHT = 240;
const shortLabel = (label: string) => (label.length === 10 ? label.slice(5) : label);

function useBucketDrill() {
  const openDrill = useStats((s) => s.openDrill);
  const language = useShell((s) => s.language);
  return (point: SeriesPoint | undefined, figure: 'created' | 'completed' | 'breaches', breached?: boolean) => {
    if (!point) return;
    void openDrill({
      figure,
      slice: { kind: 'bucket', from: point.from, to: point.to },
      ...(breached !== undefined ? { breached } : {}),
      caption: `${figureName(figure, language)} · ${point.label}`,
    });
  };
}

export function VolumeChart({ summary }: { summary: StatsSummary }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const drill = useBucketDrill();
  return (
    <Card size="small" title={t('stats.charts.volume')} data-testid="chart-volume">
      <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
        <LineChart
          data={summary.series}
          margin={{ top: 8, right: 8, bottom: 0, left: -16 }}
          onClick={(state) => drill(summary.series[Number(state.activeTooltipIndex)], 'created')}
          style={{ cursor: 'pointer' }}
        >
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tickFormatter={shortLabel} fontSize={11} />
          <YAxis yAxisId="n" allowDecimals={false} fontSize={11} />
          <YAxis yAxisId="p" orientation="right" domain={[0, 100]} unit="%" fontSize={11} width={44} />
          <Tooltip />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Line yAxisId="n" type="monotone" dataKey="created" name={t('stats.charts.created')} stroke={token.colorPrimary} strokeWidth={2} dot={summary.series.length <= 31} isAnimationActive={false} />
          <Line yAxisId="n" type="monotone" dataKey="completed" name={t('stats.charts.completed')} stroke={token.colorSuccess} strokeWidth={2} dot={summary.series.length <= 31} isAnimationActive={false} />
          <Line yAxisId="p" type="monotone" dataKey="compliance" name={t('stats.charts.complianceLine')} stroke={token.colorWarning} strokeDasharray="4 3" dot={false} connectNulls isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </Card>
  );
}

export function ComplianceChart({ summary }: { summary: StatsSummary }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const drill = useBucketDrill();
  return (
    <Card size="small" title={t('stats.charts.compliance')} extra={<Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('stats.charts.clickHint')}</Typography.Text>} data-testid="chart-compliance">
      <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
        <BarChart data={summary.series} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tickFormatter={shortLabel} fontSize={11} />
          <YAxis allowDecimals={false} fontSize={11} />
          <Tooltip cursor={{ fill: token.colorFillSecondary }} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="onTime" stackId="done" name={t('stats.charts.onTime')} fill={token.colorSuccess} cursor="pointer" isAnimationActive={false}
            onClick={(_d: unknown, i: number) => drill(summary.series[i], 'completed', false)} />
          <Bar dataKey="breaches" stackId="done" name={t('stats.charts.breaches')} fill={token.colorError} cursor="pointer" isAnimationActive={false}
            onClick={(_d: unknown, i: number) => drill(summary.series[i], 'breaches')} />
        </BarChart>
      </ResponsiveContainer>
    </Card>
  );
}

/** Hour × weekday arrivals as a grid of cells shaded by count (recharts has no heat map). */
export function ArrivalsHeatmap({ summary }: { summary: StatsSummary }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const openDrill = useStats((s) => s.openDrill);
  const language = useShell((s) => s.language);
  const max = Math.max(0, ...summary.arrivals.flat());
  const cell = (weekday: number, hour: number) => {
    const n = summary.arrivals[weekday]![hour]!;
    const caption = t('stats.drill.arrivalSlice', { weekday: t(`stats.weekday.${weekday}`), hour });
    return (
      <AntTooltip key={hour} title={`${caption}: ${n}`} mouseEnterDelay={0.3}>
        <div
          role="button"
          tabIndex={n > 0 ? 0 : -1}
          data-testid={`heat-${weekday}-${hour}`}
          onClick={() => n > 0 && void openDrill({ figure: 'created', slice: { kind: 'arrival', weekday, hour }, caption: `${figureName('created', language)} · ${caption}` })}
          onKeyDown={(e) => e.key === 'Enter' && n > 0 && void openDrill({ figure: 'created', slice: { kind: 'arrival', weekday, hour }, caption })}
          style={{
            height: 22,
            borderRadius: 3,
            cursor: n > 0 ? 'pointer' : 'default',
            background: n === 0 ? token.colorFillQuaternary : `rgba(22, 119, 255, ${0.15 + 0.85 * (n / max)})`,
            color: n / max > 0.55 ? '#fff' : token.colorTextSecondary,
            fontSize: 10,
            lineHeight: '22px',
            textAlign: 'center',
          }}
        >
          {n > 0 ? n : ''}
        </div>
      </AntTooltip>
    );
  };
  return (
    <Card size="small" title={t('stats.charts.arrivals')} data-testid="chart-arrivals">
      {max === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <div style={{ display: 'grid', gridTemplateColumns: '40px repeat(24, minmax(0, 1fr))', gap: 2, fontSize: 11 }}>
          <div />
          {Array.from({ length: 24 }, (_, h) => (
            <div key={h} style={{ textAlign: 'center', color: token.colorTextTertiary }}>
              {h % 3 === 0 ? h : ''}
            </div>
          ))}
          {Array.from({ length: 7 }, (_, w) => [
            <div key={`l${w}`} style={{ color: token.colorTextSecondary, lineHeight: '22px' }}>
              {t(`stats.weekday.${w}`)}
            </div>,
            ...Array.from({ length: 24 }, (_, h) => cell(w, h)),
          ])}
        </div>
      )}
    </Card>
  );
}
