// The wall-board window: dark, large type, read from three metres. Its figures and countdown tiles
// come with the wall-board issue; today it shows the centre, the time and the board's purpose.
import { Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { formatClock, formatLongDate } from '../app/format';
import { Providers } from '../app/Providers';
import { followShellEvents, useShell } from '../app/store';
import { startTicker, useNow } from '../app/ticker';

export function WallboardApp() {
  const { t } = useTranslation();
  const status = useShell((s) => s.status);
  const language = useShell((s) => s.language);
  const load = useShell((s) => s.load);
  const now = useNow((s) => s.now);

  useEffect(() => {
    const stopEvents = followShellEvents();
    const stopTicker = startTicker();
    void load();
    return () => {
      stopEvents();
      stopTicker();
    };
  }, [load]);

  const timeZone = status?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  return (
    <Providers language={language} dark>
      <div
        data-testid="wallboard"
        style={{
          minHeight: '100vh',
          background: '#0b1220',
          color: '#e6edf7',
          padding: '3vh 3vw',
          display: 'flex',
          flexDirection: 'column',
          gap: '4vh',
        }}
      >
        <header style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'baseline' }}>
          <Typography.Title level={1} style={{ margin: 0, fontSize: '3.2vw', color: '#e6edf7' }}>
            {t('wallboard.title', { centre: status?.centreName ?? t('app.name') })}
          </Typography.Title>
          <div style={{ textAlign: 'right' }}>
            <div style={{ fontSize: '4vw', fontVariantNumeric: 'tabular-nums', fontWeight: 600 }} data-testid="wallboard-clock">
              {formatClock(now, timeZone, language)}
            </div>
            <div style={{ fontSize: '1.4vw', opacity: 0.7 }}>{formatLongDate(now, timeZone, language)}</div>
          </div>
        </header>
        <main style={{ flex: 1, display: 'grid', placeItems: 'center' }}>
          <Typography.Paragraph style={{ fontSize: '2vw', color: '#8da2c0', maxWidth: '60vw', textAlign: 'center' }}>
            {status?.user ? t('wallboard.waiting') : t('wallboard.signedOut')}
          </Typography.Paragraph>
        </main>
      </div>
    </Providers>
  );
}
