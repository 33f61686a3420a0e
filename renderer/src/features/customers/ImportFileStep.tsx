// Step 1 of the import: the drop zone. The file goes straight to the parent, which uploads and
// reads it; antd's own upload list is never used (LIST_IGNORE), the progress bar says what happens.
import { InboxOutlined } from '@ant-design/icons';
import { Upload } from 'antd';
import { useTranslation } from 'react-i18next';

export function ImportFileStep(props: { onPick(file: File): void }) {
  const { t } = useTranslation();
  return (
    <Upload.Dragger
      accept=".xlsx,.csv,.txt"
      showUploadList={false}
      multiple={false}
      beforeUpload={(f) => {
        props.onPick(f);
        return Upload.LIST_IGNORE;
      }}
      data-testid="import-file"
    >
      <p className="ant-upload-drag-icon">
        <InboxOutlined />
      </p>
      <p className="ant-upload-text">{t('customerImport.pick')}</p>
      <p className="ant-upload-hint" style={{ padding: '0 24px' }}>
        {t('customerImport.pickHint')}
      </p>
    </Upload.Dragger>
  );
}
