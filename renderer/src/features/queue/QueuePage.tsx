// The agents' daily tool: the queue of open tickets by urgency, the selected ticket beside it,
// intake one keystroke away.
import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { App, Badge, Button, Card, Input, Tooltip, type InputRef } from 'antd';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { followCompiledCalendars, useCompiledCalendars } from '../../app/calendars';
import { useErrorText } from '../../app/errors';
import { useShell } from '../../app/store';
import { useNow } from '../../app/ticker';
import { IntakeDrawer } from './IntakeDrawer';
import { counts, queueView } from './order';
import { QueueList } from './QueueList';
import { useQueueKeys } from './queueKeys';
import { FILTERS, followQueueEvents, useQueue } from './store';
import { TicketPanel } from './TicketPanel';
import { followCatalogueEvents } from '../catalogue/store';

/** The order is refreshed every few seconds; each visible countdown still ticks every second. */
const ORDER_REFRESH_MS = 5_000;

export function QueuePage() {
  const { t } = useTranslation();
  const me = useShell((s) => s.status!.user!.id);
  const { tickets, loaded, filter, search, selectedId, intakeOpen } = useQueue();
  const { load, setFilter, setSearch, select, setIntakeOpen } = useQueue.getState();
  const compiled = useCompiledCalendars((s) => s.compiled);
  const coarseNow = useNow((s) => Math.floor(s.now / ORDER_REFRESH_MS) * ORDER_REFRESH_MS);
  const searchRef = useRef<InputRef>(null);

  useEffect(() => {
    void load();
    if (useCompiledCalendars.getState().compiled.size === 0) void useCompiledCalendars.getState().load();
    const offs = [followQueueEvents(), followCompiledCalendars(), followCatalogueEvents()];
    return () => offs.forEach((off) => off());
  }, [load]);

  const entries = useMemo(
    () => queueView(tickets.values(), compiled, coarseNow, filter, search, me),
    [tickets, compiled, coarseNow, filter, search, me],
  );
  const tally = useMemo(() => counts(tickets.values(), compiled, coarseNow, me), [tickets, compiled, coarseNow, me]);
  const { message } = App.useApp();
  const errorText = useErrorText();
  const focusSearch = useCallback(() => searchRef.current?.focus(), []);
  const showError = useCallback((err: unknown) => void message.error(errorText(err)), [message, errorText]);
  useQueueKeys(entries, focusSearch, showError);

  return (
    <div style={{ display: 'flex', gap: 16, height: '100%', minHeight: 0 }}>
      <Card
        style={{ flex: selectedId ? '1 1 58%' : '1 1 100%', display: 'flex', flexDirection: 'column', minWidth: 0 }}
        styles={{ body: { padding: 0, flex: 1, display: 'flex', flexDirection: 'column', minHeight: 0 } }}
      >
        <div style={{ display: 'flex', gap: 8, padding: 12, alignItems: 'center', flexWrap: 'wrap' }} data-testid="queue-toolbar">
          <Tooltip title="Alt+N">
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setIntakeOpen(true)} data-testid="new-ticket">
              {t('queue.newTicket')}
            </Button>
          </Tooltip>
          <Input
            ref={searchRef}
            allowClear
            prefix={<SearchOutlined />}
            placeholder={t('queue.searchPlaceholder')}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            style={{ width: 260, maxWidth: '100%' }}
            data-testid="queue-search"
          />
          {/* Chips that wrap onto a second line when the detail is open, instead of running off. */}
          <div role="radiogroup" aria-label={t('queue.filterLabel')} style={{ display: 'flex', flexWrap: 'wrap', gap: 4 }} data-testid="queue-filter">
            {FILTERS.map((f) => (
              <Button
                key={f}
                size="small"
                role="radio"
                aria-checked={filter === f}
                data-filter={f}
                type={filter === f ? 'primary' : 'text'}
                ghost={filter === f}
                onClick={() => setFilter(f)}
                style={{ whiteSpace: 'nowrap', paddingInline: 8 }}
              >
                {t(`queue.filter.${f}`)}
                <Badge
                  count={tally[f]}
                  showZero
                  overflowCount={9999}
                  color={f === 'breached' && tally[f] > 0 ? 'red' : f === 'atRisk' && tally[f] > 0 ? 'orange' : 'rgba(0,0,0,0.25)'}
                  size="small"
                />
              </Button>
            ))}
          </div>
        </div>
        {loaded && <QueueList entries={entries} selectedId={selectedId} onSelect={select} />}
      </Card>
      {selectedId && (
        <div style={{ flex: '1 1 42%', minWidth: 400, overflow: 'auto' }}>
          <TicketPanel id={selectedId} onClose={() => select(null)} />
        </div>
      )}
      <IntakeDrawer open={intakeOpen} onClose={() => setIntakeOpen(false)} onCreated={(row) => select(row.id)} />
    </div>
  );
}
