// 统计分析: the figures of a period against the previous one, the charts and the tables beneath;
// every figure, bar, cell and row leads to the tickets behind it.
import { Alert, Col, Flex, Row, Spin } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ArrivalsHeatmap, ComplianceChart, VolumeChart } from './Charts';
import { DrillDrawer } from './DrillDrawer';
import { FigureCards } from './FigureCards';
import { StatsToolbar } from './StatsToolbar';
import { BreakdownTable, ComplaintsTable, SeriesTable } from './StatsTables';
import { PreparingNotice, preparingOf, useRetryWhilePreparing } from './Preparing';
import { useStats } from './store';
import { onEvent } from '../../api';

const reload = () => void useStats.getState().load();

export function StatsPage() {
  const { t } = useTranslation();
  const { summary, error, load } = useStats();
  const preparing = preparingOf(error);
  useRetryWhilePreparing(preparing, reload);
  useEffect(() => {
    void load();
    // Figures follow the centre: a changed ticket reloads them, at most every few seconds.
    let timer: ReturnType<typeof setTimeout> | null = null;
    const off = onEvent('ticket.changed', () => {
      timer ??= setTimeout(() => {
        timer = null;
        void useStats.getState().load();
      }, 3000);
    });
    return () => {
      off();
      if (timer) clearTimeout(timer);
    };
  }, [load]);
  return (
    <Flex vertical gap={12} data-testid="stats-page">
      <StatsToolbar />
      {summary?.ownOnly && <Alert type="info" showIcon title={t('stats.ownOnly')} />}
      {preparing && <PreparingNotice preparing={preparing} />}
      {error && !preparing && <Alert type="error" showIcon title={t(error.messageKey, { ...error.params, defaultValue: t('errors.unknown') })} />}
      {!summary ? (
        preparing ? null :
        <Spin style={{ marginTop: 64 }} />
      ) : (
        <>
          <FigureCards summary={summary} />
          <Row gutter={[12, 12]}>
            <Col xs={24} xl={12}>
              <VolumeChart summary={summary} />
            </Col>
            <Col xs={24} xl={12}>
              <ComplianceChart summary={summary} />
            </Col>
            <Col xs={24} xl={14}>
              <ArrivalsHeatmap summary={summary} />
            </Col>
            <Col xs={24} xl={10}>
              <ComplaintsTable summary={summary} />
            </Col>
            <Col xs={24} xl={12}>
              <SeriesTable summary={summary} />
            </Col>
            <Col xs={24} xl={12}>
              <BreakdownTable summary={summary} kind="byType" />
            </Col>
            <Col xs={24} xl={12}>
              <BreakdownTable summary={summary} kind="byChannel" />
            </Col>
            <Col xs={24} xl={12}>
              <BreakdownTable summary={summary} kind="byAgent" />
            </Col>
          </Row>
        </>
      )}
      <DrillDrawer />
    </Flex>
  );
}
