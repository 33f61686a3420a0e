// Importing customers with their assets from an .xlsx or CSV file: pick the file, check the
// column mapping (guessed from Chinese or English headers, editable) against a preview, read the
// report of every bad row, then apply in one transaction — or skip the bad rows, or fix the file
// and pick it again. A progress bar follows reading, sending, checking and applying big files. This parent
// holds the step state and the calls to the core; each step draws itself (Import*Step.tsx).
import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Drawer, Progress, Steps, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportApplyStatus, ImportReport } from '../../../../shared/contract/customers360';
import { guessMapping, type ColumnMapping, type ImportField } from '../../../../shared/customers/importLayout';
import { ApiError, call, onEvent } from '../../api';
import { useErrorText } from '../../app/errors';
import { ImportDoneStep, type ImportResult } from './ImportDoneStep';
import { ImportFileStep } from './ImportFileStep';
import { ImportMappingStep } from './ImportMappingStep';
import { ImportReportStep } from './ImportReportStep';
import { checkImport, downloadTemplate, uploadAndRead, type PickedFile } from './importFlow';

type Step = 'file' | 'mapping' | 'report' | 'done';
const STEPS: Step[] = ['file', 'mapping', 'report', 'done'];

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
  const [result, setResult] = useState<ImportResult | null>(null);
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

  // The rows are written in one transaction beside the registry: progress arrives as events, and
  // import.progress answers once the import has committed or rolled back (calls wait for it).
  const applyBusy = (s: ImportApplyStatus): Busy => ({
    label: s.done < s.total ? t('customerImport.applyingRows', { done: s.done, total: s.total }) : t('customerImport.saving', { total: s.total }),
    percent: s.total ? Math.floor((s.done / s.total) * 100) : 100,
  });

  const apply = async (skipInvalid: boolean) => {
    if (!report || !file) return;
    setError(null);
    setBusy({ label: t('customerImport.applying', { count: report.validCount }), percent: 0 });
    const off = onEvent('import.applying', (e) => {
      if (e.status.importId === importId && e.status.state === 'applying') setBusy(applyBusy(e.status));
    });
    try {
      const started = await call('import.apply', { importId, mapping, hasHeader, skipInvalid });
      const end = started.state === 'applying' ? await call('import.progress', { importId }) : started;
      if (end.state !== 'done' || !end.result) {
        throw new ApiError({ code: 'INTERNAL', messageKey: end.error?.messageKey ?? 'errors.importFailed', message: end.error?.message ?? '' });
      }
      staged.current = null;
      setResult(end.result);
      setStep('done');
      props.onImported(report.preview[0]?.name ?? null);
    } catch (err) {
      setError(errorText(err));
    } finally {
      off();
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

      {step === 'file' && !busy && <ImportFileStep onPick={(f) => void pick(f)} />}

      {step === 'mapping' && file && (
        <ImportMappingStep
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
        <ImportReportStep
          report={report}
          fieldLabel={fieldLabel}
          busy={!!busy}
          onBack={() => setStep('mapping')}
          onAgain={reset}
          onApply={(skip) => void apply(skip)}
        />
      )}

      {step === 'done' && result && (
        <ImportDoneStep
          result={result}
          onClose={props.onClose}
          onAnother={() => {
            reset();
            void message.destroy();
          }}
        />
      )}
    </Drawer>
  );
}
