// Boot: ask the main process what state the seat is in, then show set-up, sign-in or the app.
import { Result, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { SetupPage } from '../features/setup/SetupPage';
import { SignInPage } from '../features/auth/SignInPage';
import { WallboardApp } from '../wallboard/WallboardApp';
import { Providers } from './Providers';
import { Shell } from './Shell';
import { followShellEvents, useShell } from './store';
import { startTicker } from './ticker';

export function App() {
  const status = useShell((s) => s.status);
  const language = useShell((s) => s.language);
  const load = useShell((s) => s.load);
  const [failed, setFailed] = useState<string | null>(null);

  useEffect(() => {
    const stopEvents = followShellEvents();
    const stopTicker = startTicker();
    load().catch((err: unknown) => setFailed(String(err)));
    return () => {
      stopEvents();
      stopTicker();
    };
  }, [load]);

  return (
    <Providers language={language}>
      {failed ? (
        <Result status="error" title="Kefu Desk" subTitle={failed} />
      ) : !status ? (
        <Spin size="large" style={{ display: 'grid', placeItems: 'center', height: '100vh' }} />
      ) : !status.initialized ? (
        <SetupPage />
      ) : !status.user ? (
        <SignInPage />
      ) : status.user.role === 'wallboard' ? (
        // A TV PC's board-only sign-in: the whole centre's board, nothing else.
        <WallboardApp />
      ) : (
        <Shell />
      )}
    </Providers>
  );
}
