// What the scheduler tells the people on this seat when moments fire.
export type Notice =
  | { kind: 'warning' | 'breach'; ticketId: string; number: string; customerName: string; dueAt: number; sound: boolean }
  | { kind: 'summary'; breached: number; atRisk: number; caughtUp: boolean; sound: boolean }
  /** Callbacks fell due (one notice for the batch): the queue and the inbox list them. */
  | { kind: 'callbacks'; count: number; customerName: string; ruleNames: { zh: string; en: string }; caughtUp: boolean; sound: boolean };

export interface NotificationPrefs {
  /** Play the system sound with notifications. */
  sound: boolean;
  /** No OS notification or sound for warnings; breaches still notify. */
  quietWarnings: boolean;
}

/** More moments than this in one firing become one summary instead of a flood. */
export const SUMMARY_THRESHOLD = 3;
