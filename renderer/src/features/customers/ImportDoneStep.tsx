// Step 4 of the import: what was written (and how many bad rows were skipped), then close the
// drawer or start another import.
import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';

export interface ImportResult {
  customers: number;
  assets: number;
  skipped: number;
}

export function ImportDoneStep(props: { result: ImportResult; onClose(): void; onAnother(): void }) {
  const { t } = useTranslation();
  const { result } = props;
  return (
    <Result
      status="success"
      data-testid="import-done"
      title={t('customerImport.doneTitle', { customers: result.customers, assets: result.assets })}
      subTitle={
        <>
          {result.skipped > 0 && <div>{t('customerImport.doneSkipped', { skipped: result.skipped })}</div>}
          <div>{t('customerImport.doneHint')}</div>
        </>
      }
      extra={[
        <Button key="close" type="primary" onClick={props.onClose} data-testid="import-close">
          {t('customerImport.close')}
        </Button>,
        <Button key="again" onClick={props.onAnother}>
          {t('customerImport.another')}
        </Button>,
      ]}
    />
  );
}
