// The two export buttons every statistics table carries.
import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { exportCsv, exportXlsx, type ExportTable } from './exportTable';

export function ExportButtons({ table, testId }: { table: () => ExportTable; testId?: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return (
    <Space size={4}>
      <Button size="small" icon={<DownloadOutlined />} data-testid={testId ? `${testId}-csv` : undefined} onClick={() => void message.success(t('stats.export.done', { file: exportCsv(table()) }))}>
        {t('stats.export.csv')}
      </Button>
      <Button
        size="small"
        icon={<DownloadOutlined />}
        data-testid={testId ? `${testId}-xlsx` : undefined}
        onClick={() => void exportXlsx(table()).then((file) => message.success(t('stats.export.done', { file })))}
      >
        {t('stats.export.xlsx')}
      </Button>
    </Space>
  );
}
