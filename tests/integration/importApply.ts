// Applying an import runs beside the registry (services/customerImportJob.ts): the call returns at
// once and the rows are written in slices of one transaction. Waiting for its end is asking for its
// progress through the queued door: that call waits until the import has committed or rolled back.
import type { MethodInput } from '../../shared/contract';
import type { ImportApplyStatus } from '../../shared/contract/customers360';
import type { Core } from '../../electron/core';

/** Starts applying and resolves with the final status (done, or failed with nothing written). */
export async function applyImport(t: { core: Core }, input: MethodInput<'import.apply'>): Promise<ImportApplyStatus> {
  const started = t.core.call('import.apply', input);
  if (!started.ok) throw new Error(`import.apply failed: ${started.error.code} ${started.error.message}`);
  const end = await t.core.invokeQueued('import.progress', { importId: input.importId });
  if (!end.ok) throw new Error(`import.progress failed: ${end.error.code} ${end.error.message}`);
  return end.value as ImportApplyStatus;
}

/** The result of an import that must succeed. */
export async function importAll(t: { core: Core }, input: MethodInput<'import.apply'>): Promise<NonNullable<ImportApplyStatus['result']>> {
  const status = await applyImport(t, input);
  if (status.state !== 'done' || !status.result) throw new Error(`The import ${status.state}: ${status.error?.message}`);
  return status.result;
}
