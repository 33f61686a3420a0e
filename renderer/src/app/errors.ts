// Turning envelope errors into words people read, and onto the form fields they concern.
import type { FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../shared/result';
import { ApiError } from '../api';

export function useErrorText(): (err: unknown) => string {
  const { t } = useTranslation();
  return (err) => {
    const e = asAppError(err);
    return e ? t(e.messageKey, { ...e.params, defaultValue: t('errors.unknown') }) : t('errors.unknown');
  };
}

export function asAppError(err: unknown): AppError | null {
  if (err instanceof ApiError) return err.error;
  return null;
}

/** Marks the fields named in a VALIDATION error; returns true when at least one field was marked. */
export function markFieldErrors(form: FormInstance, err: unknown, translate: (key: string) => string): boolean {
  const e = asAppError(err);
  if (!e?.issues?.length) return false;
  const fields = e.issues
    .filter((i) => i.path)
    .map((i) => ({ name: i.path.split('.'), errors: [translate(i.message)] }));
  form.setFields(fields);
  return fields.length > 0;
}
