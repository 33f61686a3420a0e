// Period, grouping and filters of the statistics screen.
import { FileTextOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, DatePicker, Flex, Segmented, Select, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { REQUEST_CATEGORIES } from '../../../../shared/sla';
import type { GroupBy, PeriodInput, StatsFilters } from '../../../../shared/stats/types';
import { CHANNELS } from '../../../../shared/tickets/lifecycle';
import { useShell } from '../../app/store';
import { useLookups } from './lookups';
import { useStats } from './store';

const PRESETS = ['today', 'thisWeek', 'thisMonth', 'lastMonth', 'thisYear'] as const;

export function PeriodPicker({ period, onChange, testId = 'period' }: { period: PeriodInput; onChange(p: PeriodInput): void; testId?: string }) {
  const { t } = useTranslation();
  const value = 'preset' in period ? period.preset : 'custom';
  return (
    <Space wrap>
      <Segmented
        data-testid={testId}
        value={value}
        options={[...PRESETS, 'custom'].map((p) => ({ value: p, label: <span data-testid={`${testId}-${p}`}>{t(`stats.period.${p}`)}</span> }))}
        onChange={(v) => {
          if (v === 'custom') {
            const today = dayjs().format('YYYY-MM-DD');
            onChange({ from: dayjs().subtract(6, 'day').format('YYYY-MM-DD'), to: today });
          } else onChange({ preset: v as (typeof PRESETS)[number] });
        }}
      />
      {'from' in period && (
        <DatePicker.RangePicker
          data-testid={`${testId}-range`}
          allowClear={false}
          value={[dayjs(period.from), dayjs(period.to)]}
          onChange={(r) => r?.[0] && r[1] && onChange({ from: r[0].format('YYYY-MM-DD'), to: r[1].format('YYYY-MM-DD') })}
        />
      )}
    </Space>
  );
}

export function StatsToolbar() {
  const { t } = useTranslation();
  const { period, groupBy, filters, summary, loading, setPeriod, setGroupBy, setFilter, clearFilters, load } = useStats();
  const navigate = useShell((s) => s.navigate);
  const role = useShell((s) => s.status!.user!.role);
  const { types, staff, departments, typeName, departmentName } = useLookups();
  const select = <K extends keyof StatsFilters>(key: K, label: string, options: { value: string; label: string }[], width = 150) => (
    <Select<string>
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={label}
      style={{ width }}
      value={(filters[key] as string | undefined) ?? null}
      options={options}
      onChange={(v) => setFilter(key, (v ?? undefined) as StatsFilters[K])}
      data-testid={`filter-${key}`}
    />
  );
  return (
    <Flex vertical gap={8} data-testid="stats-toolbar">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Space wrap>
          <PeriodPicker period={period} onChange={setPeriod} />
          <Segmented<GroupBy | 'auto'>
            data-testid="group-by"
            value={groupBy ?? summary?.groupBy ?? 'day'}
            options={(['day', 'week', 'month'] as const).map((g) => ({ value: g, label: t(`stats.groupBy.${g}`) }))}
            onChange={(v) => setGroupBy(v as GroupBy)}
          />
        </Space>
        <Space>
          {summary && (
            <Typography.Text type="secondary" data-testid="stats-range">
              {t('stats.range', { from: summary.period.fromDay, to: summary.period.toDay })} · {t('stats.previous', { from: summary.previous.fromDay, to: summary.previous.toDay })}
            </Typography.Text>
          )}
          <Button icon={<ReloadOutlined />} loading={loading} onClick={() => void load()} aria-label={t('stats.loading')} />
          {role !== 'agent' && (
            <Button icon={<FileTextOutlined />} onClick={() => navigate('report')} data-testid="open-report">
              {t('stats.report')}
            </Button>
          )}
        </Space>
      </Flex>
      <Flex wrap gap={8} align="center">
        {select('typeCode', t('stats.filters.type'), types.map((x) => ({ value: x.code, label: typeName(x.code) })), 170)}
        {select('category', t('stats.filters.category'), REQUEST_CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) })), 120)}
        {select('channel', t('stats.filters.channel'), CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) })), 110)}
        {select('tier', t('stats.filters.tier'), (['standard', 'key'] as const).map((c) => ({ value: c, label: t(`tier.${c}`) })), 110)}
        {select('role', t('stats.filters.role'), (['partner', 'end_customer'] as const).map((c) => ({ value: c, label: t(`customerRole.${c}`) })), 120)}
        {role !== 'agent' && select('agentId', t('stats.filters.agent'), staff.map((s) => ({ value: s.id, label: s.displayName })), 120)}
        {select('departmentId', t('stats.filters.department'), departments.map((d) => ({ value: d.id, label: departmentName(d.id) })), 140)}
        {Object.keys(filters).length > 0 && (
          <Button type="link" onClick={clearFilters} data-testid="filters-clear">
            {t('stats.filters.clear')}
          </Button>
        )}
      </Flex>
    </Flex>
  );
}
