// The tickets behind a clicked figure, bar or cell, exportable; a ticket opens beside the list.
import { Drawer, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TicketPanel } from '../queue/TicketPanel';
import { ExportButtons } from './ExportButtons';
import { useStats } from './store';
import { TicketList, useTicketColumns } from './TicketList';

export function DrillDrawer() {
  const { t } = useTranslation();
  const { drill, drillResult, drillLoading, closeDrill } = useStats();
  const { exportOf } = useTicketColumns();
  const [openId, setOpenId] = useState<string | null>(null);
  const tickets = drillResult?.tickets ?? [];
  return (
    <Drawer
      open={drill !== null}
      onClose={closeDrill}
      size={960}
      title={drill ? <span data-testid="drill-title">{t('stats.drill.title', { figure: drill.caption })}</span> : ''}
      extra={drill && <ExportButtons testId="export-drill" table={() => exportOf(drill.caption, tickets)} />}
      data-testid="drill-drawer"
      destroyOnHidden
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary" data-testid="drill-total">
          {drillResult ? t('stats.drill.total', { count: drillResult.total }) : ''}
          {drillResult && drillResult.total > tickets.length ? ` · ${t('stats.drill.shown', { count: tickets.length })}` : ''}
        </Typography.Text>
        <TicketList tickets={tickets} loading={drillLoading} onOpen={setOpenId} testId="drill-tickets" />
      </Space>
      <Drawer open={openId !== null} onClose={() => setOpenId(null)} size={620} closable={false} destroyOnHidden>
        {openId && <TicketPanel id={openId} onClose={() => setOpenId(null)} />}
      </Drawer>
    </Drawer>
  );
}
