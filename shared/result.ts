// The envelope every IPC call returns. Nothing thrown crosses the bridge: failures are values
// with a stable code (for programs) and a message key (for people, translated in the renderer).

export const ERROR_CODES = [
  'VALIDATION',
  'NOT_FOUND',
  'CONFLICT',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'NOT_INITIALIZED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface AppError {
  code: ErrorCode;
  /** English text for logs and tests; the UI shows the translation of `messageKey`. */
  message: string;
  /** i18n key under `errors.` in the renderer's resources. */
  messageKey: string;
  params?: Record<string, string | number>;
  /** For VALIDATION: which fields were wrong. */
  issues?: { path: string; message: string }[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (
  code: ErrorCode,
  messageKey: string,
  message: string,
  params?: Record<string, string | number>,
): { ok: false; error: AppError } => ({
  ok: false,
  error: params ? { code, messageKey, message, params } : { code, messageKey, message },
});

/** Thrown inside the core by services; the registry turns it into an envelope. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly messageKey: string,
    message: string,
    readonly params?: Record<string, string | number>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
