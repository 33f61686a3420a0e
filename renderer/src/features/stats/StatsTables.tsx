// The tables beneath the charts: by period, type, channel, agent, and complaints; each exportable,
// each row clickable to its tickets.
import { Card, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { BreakdownRow, ComplaintGroup, SeriesPoint, StatsSummary } from '../../../../shared/stats/types';
import { useShell } from '../../app/store';
import { ExportButtons } from './ExportButtons';
import { formatNumber } from './figureText';
import { useLookups } from './lookups';
import { useStats } from './store';

const pct = (v: number | null, language: string) => (v === null ? '—' : `${v.toLocaleString(language, { maximumFractionDigits: 1 })}%`);

export function SeriesTable({ summary }: { summary: StatsSummary }) {
  const { t } = useTranslation();
  const language = useShell((s) => s.language);
  const name = `${t('stats.tables.series')} ${summary.period.fromDay}_${summary.period.toDay}`;
  const columns: ColumnsType<SeriesPoint> = [
    { title: t('stats.tables.bucket'), dataIndex: 'label' },
    { title: t('stats.tables.created'), dataIndex: 'created', align: 'right' },
    { title: t('stats.tables.completed'), dataIndex: 'completed', align: 'right' },
    { title: t('stats.tables.breaches'), dataIndex: 'breaches', align: 'right' },
    { title: t('stats.tables.compliance'), dataIndex: 'compliance', align: 'right', render: (v: number | null) => pct(v, language) },
  ];
  return (
    <Card
      size="small"
      title={t('stats.tables.series')}
      extra={
        <ExportButtons
          testId="export-series"
          table={() => ({
            name,
            header: columns.map((c) => String(c.title)),
            rows: summary.series.map((p) => [p.label, p.created, p.completed, p.breaches, p.compliance]),
          })}
        />
      }
    >
      <Table<SeriesPoint> size="small" rowKey="label" dataSource={summary.series} columns={columns} pagination={summary.series.length > 12 ? { pageSize: 12, size: 'small' } : false} data-testid="table-series" />
    </Card>
  );
}

export function BreakdownTable({ summary, kind }: { summary: StatsSummary; kind: 'byType' | 'byChannel' | 'byAgent' }) {
  const { t } = useTranslation();
  const language = useShell((s) => s.language);
  const { typeName, agentName } = useLookups();
  const setFilter = useStats((s) => s.setFilter);
  const rows = summary[kind];
  const label = (key: string) =>
    kind === 'byType' ? typeName(key) : kind === 'byChannel' ? t(`channel.${key}`) : key ? agentName(key) : t('stats.tables.unassigned');
  const columns: ColumnsType<BreakdownRow> = [
    { title: t(kind === 'byType' ? 'stats.filters.type' : kind === 'byChannel' ? 'stats.filters.channel' : 'stats.filters.agent'), dataIndex: 'key', render: (k: string) => label(k) },
    { title: t('stats.tables.created'), dataIndex: 'created', align: 'right' },
    { title: t('stats.tables.completed'), dataIndex: 'completed', align: 'right' },
    { title: t('stats.tables.breaches'), dataIndex: 'breaches', align: 'right' },
    { title: t('stats.tables.compliance'), dataIndex: 'compliance', align: 'right', render: (v: number | null) => pct(v, language) },
    { title: t('stats.tables.handling'), dataIndex: 'handling', align: 'right', render: (v: number | null) => formatNumber(v, language) },
  ];
  const filterKey = kind === 'byType' ? 'typeCode' : kind === 'byChannel' ? 'channel' : 'agentId';
  return (
    <Card
      size="small"
      title={t(`stats.tables.${kind}`)}
      extra={
        <ExportButtons
          testId={`export-${kind}`}
          table={() => ({
            name: `${t(`stats.tables.${kind}`)} ${summary.period.fromDay}_${summary.period.toDay}`,
            header: columns.map((c) => String(c.title)),
            rows: rows.map((r) => [label(r.key), r.created, r.completed, r.breaches, r.compliance, r.handling]),
          })}
        />
      }
    >
      <Table<BreakdownRow>
        size="small"
        rowKey="key"
        dataSource={rows}
        columns={columns}
        pagination={rows.length > 8 ? { pageSize: 8, size: 'small' } : false}
        onRow={(r) => ({
          style: { cursor: r.key || kind !== 'byAgent' ? 'pointer' : 'default' },
          // A row narrows the whole screen to it: the filter is the drill-down of a breakdown.
          onClick: () => (r.key || kind !== 'byAgent') && setFilter(filterKey, r.key as never),
        })}
        data-testid={`table-${kind}`}
      />
    </Card>
  );
}

export function ComplaintsTable({ summary }: { summary: StatsSummary }) {
  const { t } = useTranslation();
  const language = useShell((s) => s.language);
  const { departmentName } = useLookups();
  const openDrill = useStats((s) => s.openDrill);
  const columns: ColumnsType<ComplaintGroup> = [
    { title: t('stats.tables.category'), dataIndex: 'category', render: (c: string | null) => c ?? <Typography.Text type="secondary">{t('stats.tables.unclassified')}</Typography.Text> },
    { title: t('stats.tables.department'), dataIndex: 'departmentId', render: (d: string | null) => (d ? departmentName(d) : <Typography.Text type="secondary">{t('stats.tables.unclassified')}</Typography.Text>) },
    { title: t('stats.tables.count'), dataIndex: 'count', align: 'right' },
    { title: t('stats.tables.answered'), dataIndex: 'answered', align: 'right' },
    { title: t('stats.tables.reply'), dataIndex: 'replyMinutes', align: 'right', render: (v: number | null) => formatNumber(v, language) },
  ];
  return (
    <Card
      size="small"
      title={t('stats.charts.complaints')}
      extra={
        <ExportButtons
          testId="export-complaints"
          table={() => ({
            name: `${t('stats.charts.complaints')} ${summary.period.fromDay}_${summary.period.toDay}`,
            header: columns.map((c) => String(c.title)),
            rows: summary.complaints.map((c) => [c.category ?? t('stats.tables.unclassified'), c.departmentId ? departmentName(c.departmentId) : t('stats.tables.unclassified'), c.count, c.answered, c.replyMinutes]),
          })}
        />
      }
    >
      <Table<ComplaintGroup>
        size="small"
        rowKey={(r) => `${r.category}|${r.departmentId}`}
        dataSource={summary.complaints}
        columns={columns}
        pagination={false}
        onRow={(r) => ({
          style: { cursor: 'pointer' },
          onClick: () =>
            void openDrill({
              figure: 'complaints',
              slice: { kind: 'complaint', category: r.category, departmentId: r.departmentId },
              caption: `${r.category ?? t('stats.tables.unclassified')} · ${r.departmentId ? departmentName(r.departmentId) : t('stats.tables.unclassified')}`,
            }),
        })}
        data-testid="table-complaints"
      />
    </Card>
  );
}
