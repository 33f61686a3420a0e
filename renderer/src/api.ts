// Typed calls into the main process. The renderer holds no truth: it asks and renders.
import type { AppEvent, AppEventType, MethodInput, MethodName, MethodOutput } from '../../shared/contract';
import type { AppError, Result } from '../../shared/result';

export function invoke<M extends MethodName>(method: M, input: MethodInput<M>): Promise<Result<MethodOutput<M>>> {
  return window.kefu.invoke(method, input);
}

/** For callers that want the value or an exception carrying the envelope's error. */
export async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const r = await invoke(method, input);
  if (!r.ok) throw new ApiError(r.error);
  return r.value;
}

export class ApiError extends Error {
  constructor(readonly error: AppError) {
    super(error.message);
    this.name = 'ApiError';
  }
}

export function onEvent<T extends AppEventType>(type: T, fn: (e: Extract<AppEvent, { type: T }>) => void): () => void {
  return window.kefu.on(type, fn);
}
