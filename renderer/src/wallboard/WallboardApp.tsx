// The wall-board window: dark, large type, read from three metres, no interaction needed.
// Scales with the viewport (vw units), so 1920×1080 and 3840×2160 show the same layout.
import { Button, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { followCompiledCalendars, useCompiledCalendars } from '../app/calendars';
import { formatClock, formatLongDate } from '../app/format';
import { Providers } from '../app/Providers';
import { followShellEvents, useShell } from '../app/store';
import { startTicker, useNow } from '../app/ticker';
import { followCatalogueEvents } from '../features/catalogue/store';
import { AgentLoad } from './AgentLoad';
import { Figures } from './Figures';
import { followBoardEvents, useBoard } from './store';
import { Tiles, tileStyles } from './Tiles';

export function WallboardApp() {
  const { t } = useTranslation();
  const status = useShell((s) => s.status);
  const language = useShell((s) => s.language);
  const load = useShell((s) => s.load);
  const signOut = useShell((s) => s.signOut);
  const { snapshot, signedOut } = useBoard();

  useEffect(() => {
    const offs = [followShellEvents(), startTicker(), followBoardEvents(), followCompiledCalendars(), followCatalogueEvents()];
    void load();
    void useCompiledCalendars.getState().load().catch(() => {});
    void useBoard.getState().load();
    return () => offs.forEach((off) => off());
  }, [load]);
  useEffect(() => {
    // Signing in on the main window makes the calendars readable here too.
    if (status?.user) void useCompiledCalendars.getState().load().catch(() => {});
  }, [status?.user]);

  const timeZone = status?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  return (
    <Providers language={language} dark>
      <style>{tileStyles}</style>
      <div
        data-testid="wallboard"
        style={{ height: '100vh', background: '#0b1220', color: '#e6edf7', padding: '2vh 2vw', display: 'flex', flexDirection: 'column', gap: '1.6vh', overflow: 'hidden', boxSizing: 'border-box' }}
      >
        <header style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'baseline' }}>
          <Typography.Title level={1} style={{ margin: 0, fontSize: '2.4vw', color: '#e6edf7' }}>
            {t('wallboard.title', { centre: status?.centreName ?? t('app.name') })}
          </Typography.Title>
          <span style={{ display: 'flex', alignItems: 'baseline', gap: '1vw' }}>
            <BoardClock timeZone={timeZone} />
            {status?.user?.role === 'wallboard' && (
              // The TV PC's board-only session: signing out returns to the sign-in page.
              <Button type="text" size="small" style={{ color: '#8da2c0' }} onClick={() => void signOut()} data-testid="wallboard-sign-out">
                {t('common.signOut')}
              </Button>
            )}
          </span>
        </header>
        {signedOut || !snapshot ? (
          <main style={{ flex: 1, display: 'grid', placeItems: 'center' }}>
            <Typography.Paragraph style={{ fontSize: '2vw', color: '#8da2c0', maxWidth: '60vw', textAlign: 'center' }}>
              {signedOut ? t('wallboard.signedOut') : t('common.loading')}
            </Typography.Paragraph>
          </main>
        ) : (
          <>
            <Figures f={snapshot.figures} />
            <main style={{ flex: 1, display: 'grid', gridTemplateColumns: '1fr 24vw', gap: '1vw', minHeight: 0 }}>
              <section style={{ minHeight: 0, overflow: 'hidden' }}>
                <div style={{ fontSize: '1.2vw', fontWeight: 600, marginBottom: '0.6vw' }}>
                  {t('board.urgent')}
                  {snapshot.openTotal > snapshot.urgent.length && (
                    <span style={{ fontWeight: 400, color: '#8da2c0', marginInlineStart: '1vw' }}>{t('board.more', { count: snapshot.openTotal - snapshot.urgent.length })}</span>
                  )}
                </div>
                {snapshot.urgent.length === 0 ? (
                  <div style={{ fontSize: '1.6vw', color: '#8da2c0', marginTop: '8vh', textAlign: 'center' }}>{t('board.noTickets')}</div>
                ) : (
                  <Tiles tickets={snapshot.urgent} />
                )}
              </section>
              <AgentLoad agents={snapshot.agents} />
            </main>
          </>
        )}
      </div>
    </Providers>
  );
}

/** The only part of the board that re-renders every second through React. */
function BoardClock({ timeZone }: { timeZone: string }) {
  const now = useNow((s) => s.now);
  const language = useShell((s) => s.language);
  return (
    <div style={{ textAlign: 'right' }}>
      <span style={{ fontSize: '1.2vw', opacity: 0.7, marginInlineEnd: '1vw' }}>{formatLongDate(now, timeZone, language)}</span>
      <span style={{ fontSize: '3vw', fontVariantNumeric: 'tabular-nums', fontWeight: 600 }} data-testid="wallboard-clock">
        {formatClock(now, timeZone, language)}
      </span>
    </div>
  );
}
