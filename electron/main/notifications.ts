// The core's `notify` port, implemented with OS notifications. A click brings the main window to
// the front and hands the ticket (if any) to a hook; opening that ticket comes with the tickets
// issue, which will send an `open-ticket` event from this hook.
import { Notification } from 'electron';
import type { NotifyPort } from '../core/context';

export interface NotificationClick {
  ticketId?: string;
}
export type NotificationClickHandler = (click: NotificationClick) => void;

export interface NotifierDeps {
  iconPath?: string;
  onClick: NotificationClickHandler;
  logError(message: string, context?: Record<string, unknown>): void;
}

export function createNotifier(deps: NotifierDeps): NotifyPort {
  // Held until closed: a Notification that is garbage-collected loses its click handler, and the
  // agent's click would do nothing.
  const showing = new Set<Notification>();
  return function notify({ title, body, ticketId, silent }) {
    if (!Notification.isSupported()) return;
    try {
      const n = new Notification({ title, body, silent: silent ?? false, ...(deps.iconPath ? { icon: deps.iconPath } : {}) });
      const forget = () => showing.delete(n);
      n.on('click', () => {
        forget();
        deps.onClick(ticketId ? { ticketId } : {});
      });
      n.on('close', forget);
      n.on('failed', (_e, error) => {
        forget();
        deps.logError('An OS notification failed', { title, error });
      });
      showing.add(n);
      n.show();
    } catch (err) {
      // A reminder that cannot be shown must not break the scheduler that fired it.
      deps.logError('Could not show an OS notification', { title, error: String(err) });
    }
  };
}
