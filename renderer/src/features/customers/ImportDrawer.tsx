// Importing customers with their assets from an .xlsx or CSV file: pick the file, check the
// column mapping (guessed from Chinese or English headers, editable) against a preview, read the
// report of every bad row, then apply in one transaction — or skip the bad rows, or fix the file
// and pick it again. A progress bar follows reading, sending and checking big files.
import { CheckCircleOutlined, DownloadOutlined, InboxOutlined, WarningOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, Drawer, Flex, Popconfirm, Progress, Result, Select, Space, Steps, Table, Tag, Typography, Upload } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportReport } from '../../../../shared/contract/customers360';
import { IMPORT_FIELDS, guessMapping, type ColumnMapping, type ImportField, type RowProblem } from '../../../../shared/customers/importLayout';
import { call } from '../../api';
import { useErrorText } from '../../app/errors';
import { checkImport, downloadTemplate, uploadAndRead, type PickedFile } from './importFlow';

type Step = 'file' | 'mapping' | 'report' | 'done';
const STEPS: Step[] = ['file', 'mapping', 'report', 'done'];
const PREVIEW_ROWS = 6;

interface Busy {
  label: string;
  percent: number;
}

/** A UUID for the staged file (crypto.randomUUID needs a secure context, getRandomValues does not). */
function newImportId(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export function ImportDrawer(props: { open: boolean; onClose(): void; onImported(firstName: string | null): void }) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const language = i18n.language === 'en' ? 'en' : 'zh-CN';
  const [step, setStep] = useState<Step>('file');
  const [file, setFile] = useState<PickedFile | null>(null);
  const [importId, setImportId] = useState(newImportId);
  const [hasHeader, setHasHeader] = useState(true);
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [report, setReport] = useState<ImportReport | null>(null);
  const [result, setResult] = useState<{ customers: number; assets: number; skipped: number } | null>(null);
  const [busy, setBusy] = useState<Busy | null>(null);
  const [error, setError] = useState<string | null>(null);
  const staged = useRef<string | null>(null);

  const reset = () => {
    if (staged.current) void call('import.discard', { importId: staged.current }).catch(() => undefined);
    staged.current = null;
    setStep('file');
    setFile(null);
    setImportId(newImportId());
    setMapping({});
    setReport(null);
    setResult(null);
    setError(null);
    setBusy(null);
  };

  // A closed drawer forgets its file (the core forgets staged rows after an hour anyway).
  useEffect(() => {
    if (!props.open) reset();
  }, [props.open]);

  const pick = async (picked: File) => {
    reset();
    const id = newImportId();
    setImportId(id);
    setBusy({ label: t('customerImport.reading', { file: picked.name }), percent: 0 });
    try {
      staged.current = id;
      const f = await uploadAndRead(id, picked, (fraction, phase, d) =>
        setBusy({
          label: phase === 'uploading' ? t('customerImport.uploading', { file: picked.name, done: Math.min(d.done, d.total), total: d.total }) : t('customerImport.parsing', { file: picked.name, rows: d.rows }),
          percent: Math.round(fraction * 100),
        }),
      );
      const guessed = guessMapping(f.status.head[0] ?? []);
      const header = Object.keys(guessed).length > 0;
      setHasHeader(header);
      setMapping(header ? guessed : {});
      setFile(f);
      setStep('mapping');
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(null);
    }
  };

  const dataRows = file ? (hasHeader ? file.status.rows - 1 : file.status.rows) : 0;

  const check = async () => {
    if (!file) return;
    setError(null);
    setBusy({ label: t('customerImport.checking', { count: dataRows }), percent: 100 });
    try {
      setReport(await checkImport(importId, mapping, hasHeader));
      setStep('report');
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(null);
    }
  };

  const apply = async (skipInvalid: boolean) => {
    if (!report || !file) return;
    setError(null);
    setBusy({ label: t('customerImport.applying', { count: report.validCount }), percent: 100 });
    try {
      const r = await call('import.apply', { importId, mapping, hasHeader, skipInvalid });
      staged.current = null;
      setResult(r);
      setStep('done');
      props.onImported(report.preview[0]?.name ?? null);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(null);
    }
  };

  const fieldLabel = (f: ImportField | null) => (f ? t(`customerImport.fields.${f}`) : t('customerImport.fileLevel'));

  return (
    <Drawer
      open={props.open}
      onClose={props.onClose}
      width={980}
      title={t('customerImport.title')}
      destroyOnHidden
      data-testid="import-drawer"
      extra={
        <Button icon={<DownloadOutlined />} onClick={() => void downloadTemplate(language, t('customerImport.exportName'))} data-testid="import-template">
          {t('customerImport.template')}
        </Button>
      }
    >
      <Steps
        size="small"
        current={STEPS.indexOf(step)}
        items={STEPS.map((s) => ({ title: t(`customerImport.steps.${s}`) }))}
        style={{ marginBottom: 20 }}
      />
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} data-testid="import-error" closable onClose={() => setError(null)} />}
      {busy && (
        <div data-testid="import-progress" style={{ marginBottom: 16 }}>
          <Typography.Text>{busy.label}</Typography.Text>
          <Progress percent={busy.percent} status="active" />
        </div>
      )}

      {step === 'file' && !busy && (
        <>
          <Upload.Dragger
            accept=".xlsx,.csv,.txt"
            showUploadList={false}
            multiple={false}
            beforeUpload={(f) => {
              void pick(f);
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
        </>
      )}

      {step === 'mapping' && file && (
        <MappingStep
          file={file}
          hasHeader={hasHeader}
          mapping={mapping}
          onHasHeader={setHasHeader}
          onMapping={setMapping}
          fieldLabel={fieldLabel}
          busy={!!busy}
          onCheck={() => void check()}
          onAgain={reset}
        />
      )}

      {step === 'report' && report && file && (
        <ReportStep
          report={report}
          fieldLabel={fieldLabel}
          busy={!!busy}
          onBack={() => setStep('mapping')}
          onAgain={reset}
          onApply={(skip) => void apply(skip)}
        />
      )}

      {step === 'done' && result && (
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
            <Button
              key="again"
              onClick={() => {
                reset();
                void message.destroy();
              }}
            >
              {t('customerImport.another')}
            </Button>,
          ]}
        />
      )}
    </Drawer>
  );
}

function MappingStep(props: {
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

function ReportStep(props: {
  report: ImportReport;
  fieldLabel(f: ImportField | null): string;
  busy: boolean;
  onBack(): void;
  onAgain(): void;
  onApply(skipInvalid: boolean): void;
}) {
  const { t } = useTranslation();
  const { report } = props;
  const badRows = new Set(report.problems.map((p) => p.row)).size;
  const fileLevel = report.problems.some((p) => p.field === null || p.messageKey === 'import.nameNotMapped');
  return (
    <Flex vertical gap={16}>
      {report.problems.length === 0 ? (
        <Alert type="success" showIcon icon={<CheckCircleOutlined />} message={t('customerImport.allGood', { total: report.total })} description={t('customerImport.allOrNothing')} data-testid="import-summary" />
      ) : (
        <Alert
          type="warning"
          showIcon
          icon={<WarningOutlined />}
          message={t('customerImport.summary', { total: report.total, valid: report.validCount, bad: badRows })}
          description={t('customerImport.allOrNothing')}
          data-testid="import-summary"
        />
      )}
      {report.problems.length > 0 && (
        <>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('customerImport.problemsTitle')}
          </Typography.Title>
          <Table<RowProblem>
            size="small"
            data-testid="import-problems"
            rowKey={(p) => `${p.row}-${p.field ?? ''}-${p.messageKey}-${p.value}`}
            dataSource={report.problems}
            pagination={{ pageSize: 8, size: 'small', showSizeChanger: false, hideOnSinglePage: true }}
            columns={[
              { title: t('customerImport.problem.row'), dataIndex: 'row', width: 64 },
              { title: t('customerImport.problem.field'), key: 'field', width: 120, render: (_, p) => props.fieldLabel(p.field) },
              { title: t('customerImport.problem.message'), key: 'message', render: (_, p) => t(p.messageKey) },
              { title: t('customerImport.problem.value'), dataIndex: 'value', ellipsis: true, render: (v: string) => <Typography.Text code={!!v}>{v}</Typography.Text> },
            ]}
          />
        </>
      )}
      <Flex justify="space-between">
        <Space>
          <Button onClick={props.onBack} data-testid="import-back">
            {t('customerImport.back')}
          </Button>
          <Button onClick={props.onAgain} data-testid="import-again">
            {t('customerImport.chooseAgain')}
          </Button>
        </Space>
        {report.problems.length === 0 ? (
          <Button type="primary" loading={props.busy} onClick={() => props.onApply(false)} data-testid="import-apply">
            {t('customerImport.apply', { count: report.validCount })}
          </Button>
        ) : (
          !fileLevel &&
          report.validCount > 0 && (
            <Popconfirm title={t('customerImport.confirmSkip', { bad: badRows })} onConfirm={() => props.onApply(true)} okButtonProps={{ 'data-testid': 'import-skip-confirm' } as Record<`data-${string}`, string>}>
              <Button type="primary" loading={props.busy} data-testid="import-apply-skipping">
                {t('customerImport.applySkipping', { bad: badRows, count: report.validCount })}
              </Button>
            </Popconfirm>
          )
        )}
      </Flex>
    </Flex>
  );
}
