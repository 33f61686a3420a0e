// The virtualised list of open tickets: thousands of rows, only the visible ones rendered, each
// with a live countdown driven by the window's one ticker.
import { useVirtualizer } from '@tanstack/react-virtual';
import { Empty, Tag, Typography, theme } from 'antd';
import { useEffect, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { RoleTag, StatusTag, TierTag } from '../../app/badges';
import { Countdown } from './Countdown';
import type { QueueEntry } from './order';
import { useTypeNames } from './useTypeNames';

const ROW_HEIGHT = 60;

/**
 * Which columns fit the list's width. Narrow lists (the detail open on a 1366-px laptop) drop the
 * request type, then the assignee, then the status — never the countdown, which has a fixed
 * column that does not shrink, and never the subject, which keeps what is left.
 */
type Layout = 'wide' | 'medium' | 'narrow';
const LAYOUTS: Record<Layout, { columns: string; type: boolean; assignee: boolean; status: boolean }> = {
  wide: { columns: '128px minmax(160px, 1.5fr) minmax(80px, 1fr) 88px minmax(64px, 96px) 104px', type: true, assignee: true, status: true },
  medium: { columns: '128px minmax(140px, 1fr) 88px minmax(64px, 96px) 104px', type: false, assignee: true, status: true },
  narrow: { columns: '128px minmax(120px, 1fr) 88px 104px', type: false, assignee: false, status: true },
};
const layoutFor = (width: number): Layout => (width >= 880 ? 'wide' : width >= 660 ? 'medium' : 'narrow');

/** The width of an element, followed as it resizes. */
function useWidth(ref: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(1200);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    setWidth(el.clientWidth);
    const observer = new ResizeObserver(([entry]) => entry && setWidth(entry.contentRect.width));
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

export function QueueList({ entries, selectedId, onSelect }: { entries: QueueEntry[]; selectedId: string | null; onSelect(id: string): void }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const typeName = useTypeNames();
  const scroller = useRef<HTMLDivElement>(null);
  const frame = useRef<HTMLDivElement>(null);
  const layout = LAYOUTS[layoutFor(useWidth(frame))];
  const COLUMNS = layout.columns;
  const virtualizer = useVirtualizer({ count: entries.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 8 });
  const selectedIndex = entries.findIndex((e) => e.row.id === selectedId);
  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);

  const header = (
    <div style={{ display: 'grid', gridTemplateColumns: COLUMNS, gap: 10, padding: '8px 16px', color: token.colorTextSecondary, fontSize: 12, borderBottom: `1px solid ${token.colorBorderSecondary}`, background: token.colorFillQuaternary }}>
      <span>{t('queue.col.number')}</span>
      <span>{t('queue.col.customer')}</span>
      {layout.type && <span>{t('queue.col.type')}</span>}
      {layout.status && <span>{t('queue.col.status')}</span>}
      {layout.assignee && <span>{t('queue.col.assignee')}</span>}
      <span style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>{t('queue.col.remaining')}</span>
    </div>
  );
  if (entries.length === 0) {
    return (
      <div style={{ flex: 1 }} ref={frame}>
        {header}
        <Empty style={{ marginTop: 64 }} description={t('queue.empty')} />
      </div>
    );
  }
  return (
    <div style={{ flex: 1, display: 'flex', flexDirection: 'column', minHeight: 0 }} ref={frame}>
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
                <span style={{ fontFamily: 'ui-monospace, Menlo, Consolas, monospace', fontSize: 12, whiteSpace: 'nowrap', minWidth: 0 }}>
                  {row.number}
                  {row.priority === 'urgent' || row.priority === 'high' ? (
                    <div>
                      <Tag color={row.priority === 'urgent' ? 'red' : 'orange'} style={{ marginInlineEnd: 0, fontFamily: token.fontFamily }}>
                        {t(`priority.${row.priority}`)}
                      </Tag>
                    </div>
                  ) : null}
                </span>
                <span style={{ minWidth: 0 }}>
                  <Typography.Text strong ellipsis style={{ maxWidth: '100%', display: 'block' }}>
                    {row.customer.name}
                  </Typography.Text>
                  <div style={{ display: 'flex', alignItems: 'center', gap: 4, marginTop: 2, minWidth: 0 }}>
                    {/* The tags keep their width; the subject takes what is left and ends in "…". */}
                    <span style={{ display: 'flex', gap: 4, flex: 'none' }}>
                      <TierTag tier={row.tier} />
                      <RoleTag role={row.customer.role} />
                    </span>
                    <Typography.Text type="secondary" ellipsis={{ tooltip: row.subject }} style={{ fontSize: 12, flex: '1 1 auto', minWidth: 0 }} data-testid="queue-subject">
                      {row.subject}
                    </Typography.Text>
                  </div>
                </span>
                {layout.type && <Typography.Text ellipsis>{typeName(row.typeCode)}</Typography.Text>}
                {layout.status && (
                  <span>
                    <StatusTag status={row.status} />
                  </span>
                )}
                {layout.assignee && (
                  <Typography.Text type={row.assignee ? undefined : 'secondary'} ellipsis>
                    {row.assignee?.displayName ?? t('queue.unassigned')}
                  </Typography.Text>
                )}
                <span style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>
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
