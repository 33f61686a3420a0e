// Timers do not count time spent asleep, so after a resume (or a screen unlock, which is often the
// same moment on a locked office PC) the core must look again at what is due. The scheduler issue
// adds `onResume` to the core; until then this is a no-op.
import { powerMonitor } from 'electron';

/** The optional hook, read through a typed view instead of `any`. */
interface ResumeAware {
  onResume?: () => void;
}

/** The core's resume hook if it has one (bound to it), else undefined. */
export function resumeHookOf(core: object): (() => void) | undefined {
  const hook = (core as ResumeAware).onResume;
  return typeof hook === 'function' ? () => hook.call(core) : undefined;
}

export function watchResume(core: object, logError: (message: string, context?: Record<string, unknown>) => void): () => void {
  const onWake = (reason: string) => () => {
    try {
      resumeHookOf(core)?.();
    } catch (err) {
      logError('The core failed to handle a resume', { reason, error: String(err) });
    }
  };
  const onResume = onWake('resume');
  const onUnlock = onWake('unlock-screen');
  powerMonitor.on('resume', onResume);
  powerMonitor.on('unlock-screen', onUnlock);
  return () => {
    powerMonitor.off('resume', onResume);
    powerMonitor.off('unlock-screen', onUnlock);
  };
}
