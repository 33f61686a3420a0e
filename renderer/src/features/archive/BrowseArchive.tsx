// An archive opened read-only: its tables as stored in month.sqlite, a page at a time.
import { Modal, Select, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { useErrorText } from '../../app/errors';

type Page = { sections: string[]; columns: string[]; rows: unknown[][]; total: number };
const PAGE = 50;

export function BrowseArchive({ source, onClose }: { source: string; onClose(): void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [section, setSection] = useState<string | undefined>(undefined);
  const [page, setPage] = useState(1);
  const [data, setData] = useState<Page | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    call('archive.browse', { source, ...(section ? { section } : {}), offset: (page - 1) * PAGE, limit: PAGE })
      .then((d) => {
        setData(d);
        setError(null);
      })
      .catch((err) => setError(errorText(err)));
  }, [source, section, page, errorText]);

  return (
    <Modal open width="90vw" title={t('archive.browseTitle')} onCancel={onClose} footer={null} data-testid="archive-browse">
      <Space style={{ marginBottom: 8 }}>
        <span>{t('archive.section')}</span>
        <Select
          style={{ width: 200 }}
          value={section ?? data?.sections[0]}
          options={(data?.sections ?? []).map((s) => ({ value: s, label: s }))}
          onChange={(s) => {
            setSection(s);
            setPage(1);
          }}
        />
        {data && <Typography.Text type="secondary">{t('archive.total', { count: data.total })}</Typography.Text>}
      </Space>
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
      {data && (
        <Table
          size="small"
          scroll={{ x: 'max-content', y: '55vh' }}
          rowKey={(_, i) => String(i)}
          dataSource={data.rows.map((r) => Object.fromEntries(data.columns.map((c, i) => [c, r[i]])))}
          columns={data.columns.map((c) => ({ title: c, dataIndex: c, ellipsis: true, width: 160, render: (v: unknown) => (v === null ? '' : String(v)) }))}
          pagination={{ current: page, pageSize: PAGE, total: data.total, showSizeChanger: false, onChange: setPage }}
        />
      )}
    </Modal>
  );
}
