// Step 2 of the import: which column holds which field (guessed from the headers, editable per
// column; a field sits on at most one column), checked against a preview of the first rows. The
// name column is required before the file can be checked.
import { Alert, Button, Checkbox, Flex, Select, Space, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { IMPORT_FIELDS, type ColumnMapping, type ImportField } from '../../../../shared/customers/importLayout';
import type { PickedFile } from './importFlow';

const PREVIEW_ROWS = 6;

export function ImportMappingStep(props: {
  file: PickedFile;
  hasHeader: boolean;
  mapping: ColumnMapping;
  onHasHeader(v: boolean): void;
  onMapping(m: ColumnMapping): void;
  fieldLabel(f: ImportField | null): string;
  busy: boolean;
  onCheck(): void;
  onAgain(): void;
}) {
  const { t } = useTranslation();
  const { file, hasHeader, mapping } = props;
  const head = file.status.head;
  const width = useMemo(() => Math.max(0, ...head.map((r) => r.length)), [head]);
  const data = hasHeader ? head.slice(1) : head;
  const fieldOf = (col: number) => IMPORT_FIELDS.find((f) => mapping[f] === col) ?? null;
  const setField = (col: number, field: ImportField | null) => {
    const next: ColumnMapping = {};
    for (const f of IMPORT_FIELDS) if (mapping[f] !== undefined && mapping[f] !== col && f !== field) next[f] = mapping[f];
    if (field) next[field] = col;
    props.onMapping(next);
  };
  const columns = Array.from({ length: width }, (_, i) => ({
    col: i,
    header: hasHeader ? (head[0]![i] ?? '') : '',
    sample: data.find((r) => r[i])?.[i] ?? '',
  }));
  const mapped = IMPORT_FIELDS.filter((f) => mapping[f] !== undefined);
  const letter = (i: number) => (i < 26 ? String.fromCharCode(65 + i) : `${String.fromCharCode(64 + Math.floor(i / 26))}${String.fromCharCode(65 + (i % 26))}`);

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center">
        <Typography.Text strong data-testid="import-file-summary">
          {t('customerImport.fileSummary', { file: file.name, rows: file.status.rows, columns: width })}
        </Typography.Text>
        <Space>
          <Checkbox checked={hasHeader} onChange={(e) => props.onHasHeader(e.target.checked)} data-testid="import-has-header">
            {t('customerImport.hasHeader')}
          </Checkbox>
          <Tag color={mapped.length ? 'blue' : 'default'}>{t('customerImport.mappedCount', { count: mapped.length })}</Tag>
        </Space>
      </Flex>
      {mapping.name === undefined && <Alert type="warning" showIcon message={t('customerImport.nameRequired')} data-testid="import-name-required" />}
      <Table
        size="small"
        rowKey="col"
        pagination={false}
        scroll={{ y: 300 }}
        dataSource={columns}
        data-testid="import-mapping"
        columns={[
          {
            title: t('customerImport.columns.column'),
            key: 'header',
            width: 260,
            render: (_, c) => (
              <Space>
                <Tag>{letter(c.col)}</Tag>
                <Typography.Text>{c.header || '—'}</Typography.Text>
              </Space>
            ),
          },
          {
            title: t('customerImport.columns.sample'),
            key: 'sample',
            ellipsis: true,
            render: (_, c) => <Typography.Text type="secondary">{c.sample}</Typography.Text>,
          },
          {
            title: t('customerImport.columns.field'),
            key: 'field',
            width: 240,
            render: (_, c) => (
              <Select<ImportField | 'skip'>
                size="small"
                style={{ width: '100%' }}
                value={fieldOf(c.col) ?? 'skip'}
                onChange={(v) => setField(c.col, v === 'skip' ? null : v)}
                data-testid={`import-map-${c.col}`}
                options={[{ value: 'skip', label: <Typography.Text type="secondary">{t('customerImport.skipColumn')}</Typography.Text> }, ...IMPORT_FIELDS.map((f) => ({ value: f, label: props.fieldLabel(f) }))]}
              />
            ),
          },
        ]}
      />
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('customerImport.preview', { count: Math.min(PREVIEW_ROWS, data.length) })}
      </Typography.Title>
      <Table
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="import-preview"
        rowKey={(_, i) => String(i)}
        dataSource={data.slice(0, PREVIEW_ROWS).map((r, i) => ({ r, n: i + (hasHeader ? 2 : 1) }))}
        columns={[
          { title: '#', key: 'n', width: 48, render: (_, x) => <Typography.Text type="secondary">{x.n}</Typography.Text> },
          ...mapped.map((f) => ({ title: props.fieldLabel(f), key: f, render: (_: unknown, x: { r: string[] }) => x.r[mapping[f]!] ?? '' })),
        ]}
      />
      <Flex justify="space-between">
        <Button onClick={props.onAgain}>{t('customerImport.chooseAgain')}</Button>
        <Button type="primary" disabled={mapping.name === undefined} loading={props.busy} onClick={props.onCheck} data-testid="import-check">
          {t('customerImport.check')}
        </Button>
      </Flex>
    </Flex>
  );
}
