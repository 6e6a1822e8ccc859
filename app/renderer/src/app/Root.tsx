/**
 * The renderer's root: antd in Chinese with the CSP nonce for its styles, and the stage the
 * workstation is in — first run, unlock, login (or the lock screen), the forced password change,
 * then the shell. A call that finds the session ended (idle timeout) brings back the lock screen.
 */
import { App as AntApp, ConfigProvider, Spin } from 'antd';
import { zhCN } from './locale.js';
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { desktop } from '../api/client.js';
import { ChangePasswordForm } from '../pages/session/ChangePassword.js';
import { Centered } from '../pages/session/Centered.js';
import { FirstRun } from '../pages/session/FirstRun.js';
import { Login } from '../pages/session/Login.js';
import { sessionText } from '../pages/session/text.js';
import { Unlock } from '../pages/session/Unlock.js';
import { ErrorBoundary } from '../components/ErrorBoundary.js';
import { useIdleLock } from './idle.js';
import { SecrecyProvider } from './secrecy.js';
import { SessionContext, type DesktopState, type SessionValue } from './session.js';
import { shellText } from './text.js';

/** The shell and every screen behind login load after the first screen is up (faster cold start). */
const Shell = lazy(() => import('./Shell.js').then((m) => ({ default: m.Shell })));

function Stage(props: { state: DesktopState }) {
  switch (props.state.stage) {
    case 'new':
      return <FirstRun />;
    case 'closed':
      return <Unlock />;
    case 'open':
      return <Login />;
    case 'session':
      if (props.state.user?.restricted) {
        return (
          <Centered title={sessionText.password.title}>
            <ChangePasswordForm />
          </Centered>
        );
      }
      return (
        <Suspense fallback={<Spin description={shellText.loading} fullscreen />}>
          <Shell />
        </Suspense>
      );
  }
}

const FONT_FAMILY = '"Noto Sans CJK SC", "WenQuanYi Zen Hei", "Microsoft YaHei", "PingFang SC", sans-serif';

/** The system asks for reduced motion (accessibility settings): antd then neither animates nor waves. */
const REDUCED_MOTION = typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;

const theme = { token: { fontFamily: FONT_FAMILY, motion: !REDUCED_MOTION } };
const wave = { disabled: REDUCED_MOTION };

export function Root(props: { nonce: string }) {
  const [state, setState] = useState<DesktopState | null>(null);
  const refresh = useCallback(async () => setState(await desktop.state()), []);
  useEffect(() => {
    void refresh();
    // a call refused because the session ended (idle timeout, lock): show the lock screen at once
    const onRejection = (e: PromiseRejectionEvent) => {
      if ((e.reason as Error | undefined)?.name === 'SessionEndedError') void refresh();
    };
    window.addEventListener('unhandledrejection', onRejection);
    return () => window.removeEventListener('unhandledrejection', onRejection);
  }, [refresh]);
  const lock = useCallback(() => void desktop.lock().then(setState), []);
  useIdleLock(state?.stage === 'session' ? state.idleMinutes : null, lock);
  const session = useMemo<SessionValue | null>(() => (state ? { state, refresh, set: setState } : null), [state, refresh]);

  return (
    <ConfigProvider locale={zhCN} csp={{ nonce: props.nonce }} theme={theme} wave={wave}>
      <AntApp>
        <SecrecyProvider>
          {session ? (
            <SessionContext.Provider value={session}>
              <ErrorBoundary resetKey={session.state.stage}>
                <Stage state={session.state} />
              </ErrorBoundary>
            </SessionContext.Provider>
          ) : (
            <Spin description={shellText.loading} fullscreen />
          )}
        </SecrecyProvider>
      </AntApp>
    </ConfigProvider>
  );
}
