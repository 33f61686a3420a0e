import { Modal, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { QUEUE_KEYS } from '../features/queue/queueKeys';
import { SHORTCUTS } from './shortcuts';

export function ShortcutsHelp({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal open={open} onCancel={onClose} footer={null} title={t('shortcuts.title')} width={480}>
      <Typography.Title level={5}>{t('shortcuts.everywhere')}</Typography.Title>
      <KeyTable rows={SHORTCUTS} />
      <Typography.Title level={5}>{t('shortcuts.inQueue')}</Typography.Title>
      <KeyTable rows={QUEUE_KEYS} />
    </Modal>
  );
}

function KeyTable({ rows }: { rows: { keys: string; label: string }[] }) {
  const { t } = useTranslation();
  return (
    <Table
      size="small"
      pagination={false}
      rowKey="label"
      dataSource={rows}
      showHeader={false}
      style={{ marginBottom: 16 }}
      columns={[
        { dataIndex: 'label', render: (label: string) => t(label) },
        { dataIndex: 'keys', align: 'right', render: (keys: string) => <Typography.Text keyboard>{keys}</Typography.Text> },
      ]}
    />
  );
}
