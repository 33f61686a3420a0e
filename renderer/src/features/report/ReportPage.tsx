// The printable daily / weekly / monthly report, full page without the app's frame, so the
// browser's print (and Electron's printToPDF) gets exactly the report. The page is the same
// self-contained HTML the monthly archive stores (shared/stats/reportHtml.ts), shown in a shadow
// root so its styles touch nothing else.
import { ArrowLeftOutlined, FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, App, Button, DatePicker, Flex, Segmented, Spin } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { renderReportHtml, reportTitle } from '../../../../shared/stats/reportHtml';
import type { ReportData, ReportKind } from '../../../../shared/stats/types';
import { call } from '../../api';
import { useErrorText } from '../../app/errors';
import { useShell } from '../../app/store';
import type { AppError } from '../../../../shared/result';
import { PreparingNotice, preparingOf, useRetryWhilePreparing } from '../stats/Preparing';

export function ReportPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const navigate = useShell((s) => s.navigate);
  const language = useShell((s) => s.language);
  const [kind, setKind] = useState<ReportKind>('weekly');
  const [day, setDay] = useState(() => dayjs().format('YYYY-MM-DD'));
  const [data, setData] = useState<ReportData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const host = useRef<HTMLDivElement>(null);
  const [savingPdf, setSavingPdf] = useState(false);
  const { message } = App.useApp();

  /** The main process asks where to save and prints this page (its print CSS hides the toolbar). */
  const savePdf = async () => {
    if (!data) return;
    setSavingPdf(true);
    try {
      const r = await window.kefu.saveReportPdf(reportTitle(data, language));
      if (!r.ok) void message.error(t(r.error.messageKey, { defaultValue: t('errors.unknown') }));
      else if (r.value) void message.success(t('report.pdfSaved', { file: r.value.file }));
    } finally {
      setSavingPdf(false);
    }
  };

  const [preparing, setPreparing] = useState<AppError | null>(null);
  const [attempt, setAttempt] = useState(0);
  const askAgain = useCallback(() => setAttempt((n) => n + 1), []);
  useRetryWhilePreparing(preparing, askAgain);
  useEffect(() => {
    let live = true;
    setData(null);
    setError(null);
    call('stats.report', { kind, day })
      .then((d) => {
        if (!live) return;
        setPreparing(null);
        setData(d);
      })
      .catch((e: unknown) => {
        if (!live) return;
        const building = preparingOf(e);
        setPreparing(building);
        if (!building) setError(errorText(e));
      });
    return () => {
      live = false;
    };
  }, [kind, day, errorText, attempt]);

  useEffect(() => {
    if (!host.current || !data) return;
    const root = host.current.shadowRoot ?? host.current.attachShadow({ mode: 'open' });
    // The report's HTML escapes every value it prints; it carries no scripts.
    root.innerHTML = renderReportHtml(data, language);
    const previous = document.title;
    document.title = reportTitle(data, language);
    return () => {
      document.title = previous;
    };
  }, [data, language]);

  return (
    <div style={{ minHeight: '100vh', background: '#fff' }} data-testid="report-page">
      <style>{'@media print { .no-print { display: none !important; } body { background: #fff; } }'}</style>
      <Flex className="no-print" gap={8} wrap align="center" style={{ padding: '12px 24px', borderBottom: '1px solid #f0f0f0', position: 'sticky', top: 0, background: '#fff', zIndex: 1 }}>
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('stats')} data-testid="report-back">
          {t('report.back')}
        </Button>
        <Segmented<ReportKind>
          value={kind}
          onChange={setKind}
          options={(['daily', 'weekly', 'monthly'] as const).map((k) => ({ value: k, label: <span data-testid={`report-${k}`}>{t(`report.kind.${k}`)}</span> }))}
        />
        <DatePicker allowClear={false} value={dayjs(day)} onChange={(d) => d && setDay(d.format('YYYY-MM-DD'))} aria-label={t('report.day')} data-testid="report-day" />
        <Button type="primary" icon={<FilePdfOutlined />} disabled={!data || savingPdf} loading={savingPdf} onClick={() => void savePdf()} data-testid="report-pdf">
          {t('report.pdf')}
        </Button>
        <Button icon={<PrinterOutlined />} disabled={!data} onClick={() => window.print()} data-testid="report-print">
          {t('report.print')}
        </Button>
      </Flex>
      {error && <Alert className="no-print" type="error" showIcon title={error} style={{ margin: 24 }} />}
      {preparing && <PreparingNotice className="no-print" preparing={preparing} style={{ margin: 24 }} />}
      {!data && !error && !preparing && <Spin className="no-print" style={{ display: 'block', marginTop: 64 }} tip={t('report.loading')} />}
      <div ref={host} style={{ maxWidth: 900, margin: '0 auto', padding: '16px 24px' }} data-testid="report-body" data-ready={data ? 'yes' : 'no'} />
    </div>
  );
}
