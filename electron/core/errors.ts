import { DomainError } from '../../shared/result';

// Start-up failures the shell must explain to a person, with what they can do about it.
export type CoreStartProblem = 'DB_DAMAGED' | 'DB_TOO_NEW' | 'DB_UNWRITABLE';

export class CoreStartError extends Error {
  constructor(
    readonly problem: CoreStartProblem,
    message: string,
    /** The newest backup that could replace a damaged database, if any. */
    readonly latestBackup: { file: string; at: number } | null = null,
  ) {
    super(message);
    this.name = 'CoreStartError';
  }
}

/**
 * A refusal whose bookkeeping must stay: the registry commits what the handler wrote before it
 * threw (e.g. a failed sign-in's count and audit entry), then answers with the error as usual.
 */
export class RecordedRefusal extends DomainError {}
