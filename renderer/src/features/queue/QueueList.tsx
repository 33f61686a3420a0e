// The virtualised list of open tickets: thousands of rows, only the visible ones rendered, each
// with a live countdown driven by the window's one ticker.
import { useVirtualizer } from '@tanstack/react-virtual';
import { Empty, Tag, Typography, theme } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { RoleTag, StatusTag, TierTag } from '../../app/badges';
import { Countdown } from './Countdown';
import type { QueueEntry } from './order';
import { useTypeNames } from './useTypeNames';

const ROW_HEIGHT = 60;
const COLUMNS = '132px minmax(120px, 1.5fr) minmax(80px, 1fr) 88px 76px 96px';

export function QueueList({ entries, selectedId, onSelect }: { entries: QueueEntry[]; selectedId: string | null; onSelect(id: string): void }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const typeName = useTypeNames();
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: entries.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 8 });
  const selectedIndex = entries.findIndex((e) => e.row.id === selectedId);
  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);

  const header = (
    <div style={{ display: 'grid', gridTemplateColumns: COLUMNS, gap: 10, padding: '8px 16px', color: token.colorTextSecondary, fontSize: 12, borderBottom: `1px solid ${token.colorBorderSecondary}`, background: token.colorFillQuaternary }}>
      <span>{t('queue.col.number')}</span>
      <span>{t('queue.col.customer')}</span>
      <span>{t('queue.col.type')}</span>
      <span>{t('queue.col.status')}</span>
      <span>{t('queue.col.assignee')}</span>
      <span style={{ textAlign: 'right' }}>{t('queue.col.remaining')}</span>
    </div>
  );
  if (entries.length === 0) {
    return (
      <div style={{ flex: 1 }}>
        {header}
        <Empty style={{ marginTop: 64 }} description={t('queue.empty')} />
      </div>
    );
  }
  return (
    <div style={{ flex: 1, display: 'flex', flexDirection: 'column', minHeight: 0 }}>
      {header}
      <div ref={scroller} style={{ flex: 1, overflow: 'auto' }} data-testid="queue-list" role="listbox" aria-label={t('nav.queue')}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const { row } = entries[item.index]!;
            const selected = row.id === selectedId;
            return (
              <div
                key={row.id}
                role="option"
                aria-selected={selected}
                data-testid="queue-row"
                data-number={row.number}
                onClick={() => onSelect(row.id)}
                style={{
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  right: 0,
                  height: ROW_HEIGHT,
                  transform: `translateY(${item.start}px)`,
                  display: 'grid',
                  gridTemplateColumns: COLUMNS,
                  gap: 10,
                  alignItems: 'center',
                  padding: '0 16px',
                  cursor: 'pointer',
                  borderBottom: `1px solid ${token.colorBorderSecondary}`,
                  background: selected ? token.controlItemBgActive : undefined,
                  boxShadow: selected ? `inset 3px 0 0 ${token.colorPrimary}` : undefined,
                }}
              >
                <span style={{ fontFamily: 'ui-monospace, Menlo, Consolas, monospace', fontSize: 12 }}>
                  {row.number}
                  {row.priority === 'urgent' || row.priority === 'high' ? (
                    <Tag color={row.priority === 'urgent' ? 'red' : 'orange'} style={{ marginInlineStart: 6 }}>
                      {t(`priority.${row.priority}`)}
                    </Tag>
                  ) : null}
                </span>
                <span style={{ minWidth: 0 }}>
                  <Typography.Text strong ellipsis style={{ maxWidth: '100%' }}>
                    {row.customer.name}
                  </Typography.Text>
                  <div style={{ display: 'flex', gap: 4, marginTop: 2 }}>
                    <TierTag tier={row.tier} />
                    <RoleTag role={row.customer.role} />
                    <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>
                      {row.subject}
                    </Typography.Text>
                  </div>
                </span>
                <Typography.Text ellipsis>{typeName(row.typeCode)}</Typography.Text>
                <span>
                  <StatusTag status={row.status} />
                </span>
                <Typography.Text type={row.assignee ? undefined : 'secondary'} ellipsis>
                  {row.assignee?.displayName ?? t('queue.unassigned')}
                </Typography.Text>
                <span style={{ textAlign: 'right' }}>
                  <Countdown sla={row.sla} />
                </span>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
