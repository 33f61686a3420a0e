// Turning envelope errors into words people read, and onto the form fields they concern.
import type { FormInstance } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../shared/result';
import { ApiError } from '../api';

export function useErrorText(): (err: unknown) => string {
  const { t } = useTranslation();
  return useCallback(
    (err: unknown) => {
      const e = asAppError(err);
      return e ? t(e.messageKey, { ...e.params, defaultValue: t('errors.unknown') }) : t('errors.unknown');
    },
    [t],
  );
}

export function asAppError(err: unknown): AppError | null {
  if (err instanceof ApiError) return err.error;
  return null;
}

/** Marks the fields named in a VALIDATION error; returns true when at least one field was marked. */
export function markFieldErrors(
  form: FormInstance,
  err: unknown,
  translate: (key: string) => string,
  /** Maps the contract's field path to the form's field name, when the two differ. */
  // List items arrive as "phones.0"; antd names them with numeric indices.
  mapPath: (path: string) => (string | number)[] = (path) => path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
): boolean {
  const e = asAppError(err);
  if (!e?.issues?.length) return false;
  const fields = e.issues
    .filter((i) => i.path)
    .map((i) => ({ name: mapPath(i.path), errors: [translate(i.message)] }));
  form.setFields(fields);
  return fields.length > 0;
}
