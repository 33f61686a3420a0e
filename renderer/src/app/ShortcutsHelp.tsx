import { Modal, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { SHORTCUTS } from './shortcuts';

export function ShortcutsHelp({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal open={open} onCancel={onClose} footer={null} title={t('shortcuts.title')} width={440}>
      <Table
        size="small"
        pagination={false}
        rowKey="id"
        dataSource={SHORTCUTS}
        showHeader={false}
        columns={[
          { dataIndex: 'label', render: (label: string) => t(label) },
          { dataIndex: 'keys', align: 'right', render: (keys: string) => <Typography.Text keyboard>{keys}</Typography.Text> },
        ]}
      />
    </Modal>
  );
}
