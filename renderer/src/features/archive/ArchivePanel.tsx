// Settings → Monthly archive: pick a month, preview it, close it with a progress bar and a cancel
// button; the archives made so far, each verifiable and browsable; verify any archive by path.
import { Alert, App, Button, Card, Checkbox, Descriptions, Input, Progress, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArchiveSummary } from '../../../../shared/archive';
import { useErrorText } from '../../app/errors';
import { formatDateTime } from '../../app/format';
import { useShell } from '../../app/store';
import { BrowseArchive } from './BrowseArchive';
import { useArchive } from './store';
import { VerifyReportView } from './VerifyReportView';

/** The current month and the twelve before it, in the centre's time zone, newest first. */
function recentMonths(now: number, timeZone: string): string[] {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' }).formatToParts(new Date(now));
  let y = Number(parts.find((p) => p.type === 'year')!.value);
  let m = Number(parts.find((p) => p.type === 'month')!.value);
  const out: string[] = [];
  for (let i = 0; i < 13; i++) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    [y, m] = m === 1 ? [y - 1, 12] : [y, m - 1];
  }
  return out;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export function ArchivePanel() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const status = useShell((s) => s.status!);
  const language = useShell((s) => s.language);
  const timeZone = status.timeZone;
  const months = useMemo(() => recentMonths(Date.now(), timeZone), [timeZone]);
  const [month, setMonth] = useState(months[1]!);
  const { preview, job, verifyJob, archives, loadPreview, start, cancel, verify, refresh, listen } = useArchive();
  const [path, setPath] = useState('');
  const [againstLive, setAgainstLive] = useState(true);
  const [browsing, setBrowsing] = useState<string | null>(null);
  const running = job?.state === 'running';

  useEffect(() => listen(), [listen]);
  useEffect(() => {
    void refresh().catch((err) => void message.error(errorText(err)));
  }, [refresh, message, errorText]);
  useEffect(() => {
    void loadPreview(month).catch((err) => void message.error(errorText(err)));
  }, [month, loadPreview, message, errorText]);

  const guard = (p: Promise<unknown>) => void p.catch((err) => void message.error(errorText(err)));
  const verifyArchive = (source: string, live: boolean) => {
    setPath(source);
    guard(verify(source, live));
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%', maxWidth: 1100 }}>
      <Card title={t('archive.closeTitle')} data-testid="archive-close">
        <Space wrap style={{ marginBottom: 12 }}>
          <span>{t('archive.month')}</span>
          <Select
            value={month}
            onChange={setMonth}
            options={months.map((m) => ({ value: m, label: m }))}
            style={{ width: 140 }}
            disabled={running}
            data-testid="archive-month"
          />
          <Button type="primary" onClick={() => guard(start(month))} disabled={running} data-testid="archive-run">
            {preview?.existing ? t('archive.regenerate') : t('archive.run')}
          </Button>
          {running && (
            <Button danger onClick={() => guard(cancel())} data-testid="archive-cancel">
              {t('archive.cancel')}
            </Button>
          )}
        </Space>
        {preview && (
          <Descriptions bordered size="small" column={{ xs: 1, md: 2, xl: 4 }} data-testid="archive-preview">
            <Descriptions.Item label={t('archive.opened')}>{preview.ticketsOpened}</Descriptions.Item>
            <Descriptions.Item label={t('archive.closed')}>{preview.ticketsClosed}</Descriptions.Item>
            <Descriptions.Item label={t('archive.stillOpen')}>{preview.stillOpen}</Descriptions.Item>
            <Descriptions.Item label={t('archive.deductions')}>{preview.deductionPoints}</Descriptions.Item>
            <Descriptions.Item label={t('archive.sections')} span={4}>
              {Object.entries(preview.counts).map(([name, count]) => (
                <Tag key={name}>
                  {t(`archive.sectionName.${name}`, { defaultValue: name })} · {t('archive.rows', { count })}
                </Tag>
              ))}
            </Descriptions.Item>
          </Descriptions>
        )}
        {preview?.existing && !running && job?.state !== 'done' && (
          <Alert
            type="info"
            showIcon
            style={{ marginTop: 12 }}
            title={t('archive.existing', { when: preview.existing.createdAt ? formatDateTime(preview.existing.createdAt, timeZone, language) : '—' })}
          />
        )}
        {job && (
          <div style={{ marginTop: 12 }} data-testid="archive-job" data-state={job.state}>
            {running && (
              <>
                <Typography.Text>
                  {t('archive.running', { month })} {t(job.step)}
                </Typography.Text>
                <Progress percent={Math.floor(job.progress * 100)} status="active" data-testid="archive-progress" />
              </>
            )}
            {job.state === 'done' && job.archive && <Alert type="success" showIcon title={t('archive.done', { name: job.archive.name })} />}
            {job.state === 'cancelled' && <Alert type="warning" showIcon title={t('archive.cancelled')} />}
            {job.state === 'failed' && <Alert type="error" showIcon title={t('archive.failed', { message: job.error?.message ?? '' })} />}
          </div>
        )}
      </Card>

      <Card title={t('archive.list')}>
        <Table<ArchiveSummary>
          size="small"
          rowKey="name"
          pagination={false}
          dataSource={archives}
          locale={{ emptyText: t('archive.empty') }}
          data-testid="archive-list"
          columns={[
            { title: t('archive.name'), dataIndex: 'name', render: (n: string) => <span style={{ fontFamily: 'monospace' }}>{n}</span> },
            { title: t('archive.createdAt'), dataIndex: 'createdAt', width: 180, render: (v: number | null) => (v ? formatDateTime(v, timeZone, language) : '—') },
            { title: t('archive.size'), dataIndex: 'sizeBytes', width: 100, render: mb },
            {
              title: t('archive.actions'),
              width: 300,
              render: (_: unknown, a) => (
                <Space>
                  <Button size="small" onClick={() => verifyArchive(a.zip ?? a.folder, true)} data-testid={`archive-verify-${a.month}`}>
                    {t('archive.verifyAgainstLive')}
                  </Button>
                  <Button size="small" onClick={() => setBrowsing(a.folder)} data-testid={`archive-browse-${a.month}`}>
                    {t('archive.browse')}
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      </Card>

      <Card title={t('archive.verifyTitle')} data-testid="archive-verify">
        <Space.Compact style={{ width: '100%', marginBottom: 8 }}>
          <Input value={path} onChange={(e) => setPath(e.target.value)} placeholder={t('archive.verifyPath')} onPressEnter={() => verifyArchive(path, againstLive)} data-testid="verify-path" />
          <Button type="primary" onClick={() => verifyArchive(path, againstLive)} loading={verifyJob?.state === 'running'} disabled={!path} data-testid="verify-run">
            {t('archive.verifyRun')}
          </Button>
        </Space.Compact>
        <Checkbox checked={againstLive} onChange={(e) => setAgainstLive(e.target.checked)}>
          {t('archive.chainLive')}
        </Checkbox>
        {verifyJob?.verify && (
          <div style={{ marginTop: 12 }}>
            <VerifyReportView report={verifyJob.verify} />
          </div>
        )}
        {verifyJob?.state === 'failed' && <Alert type="error" showIcon style={{ marginTop: 12 }} title={verifyJob.error?.message} />}
      </Card>
      {browsing && <BrowseArchive source={browsing} onClose={() => setBrowsing(null)} />}
    </Space>
  );
}
