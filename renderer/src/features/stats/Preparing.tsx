// A large centre's statistics cache is built in the background the first time (statsFacts.ts):
// until then the statistics, performance and report calls answer errors.statsPreparing with how
// far it got. Every page that reads statistics shows that progress and asks again by itself.
import { Alert, Progress } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../../shared/result';
import { ApiError } from '../../api';

/** The refusal, if the call was refused because the statistics are still being prepared. */
export function preparingOf(err: unknown): AppError | null {
  const e = err instanceof ApiError ? err.error : (err as AppError | null);
  return e && typeof e === 'object' && e.messageKey === 'errors.statsPreparing' ? e : null;
}

/** Asks again two seconds after each "being prepared" answer (a new answer is a new object). */
export function useRetryWhilePreparing(preparing: AppError | null, retry: () => void): void {
  useEffect(() => {
    if (!preparing) return;
    const timer = setTimeout(retry, 2000);
    return () => clearTimeout(timer);
  }, [preparing, retry]);
}

export function PreparingNotice(props: { preparing: AppError; style?: React.CSSProperties; className?: string }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="info"
      showIcon
      className={props.className}
      style={props.style}
      data-testid="stats-preparing"
      title={t('errors.statsPreparing', { ...props.preparing.params })}
      description={<Progress percent={Number(props.preparing.params?.percent ?? 0)} size="small" />}
    />
  );
}
