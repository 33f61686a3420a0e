// Importing a holiday file (.ics or .json, e.g. the State Council's schedule as chinese-days
// publishes it): read in the renderer, previewed by the main process, applied on confirmation.
import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Descriptions, Modal, Space, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarImportPreview } from '../../../../shared/contract/sla';
import { call } from '../../api';
import { asAppError, useErrorText } from '../../app/errors';
import { weekdayOfIso } from './calendarDraft';
import { KIND_COLORS } from './SpecialDaysEditor';

const MAX_CHARS = 200_000;

export interface ImportFailure {
  file: string;
  reasons: string[];
}

interface PendingImport {
  fileName: string;
  content: string;
  preview: CalendarImportPreview;
}

export function CalendarImportButton(props: { calendarId: string; disabled: boolean; onFailure(f: ImportFailure | null): void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [pending, setPending] = useState<PendingImport | null>(null);

  // A VALIDATION envelope about the input itself names the field; a file problem names the line.
  const reasonsOf = (err: unknown): string[] => {
    const e = asAppError(err);
    const issues = e?.issues?.map((i) => t(i.message)) ?? [];
    return issues.length > 0 ? issues : [errorText(err)];
  };

  const read = async (file: File) => {
    props.onFailure(null);
    setBusy(true);
    try {
      const content = await file.text();
      if (content.length > MAX_CHARS) {
        props.onFailure({ file: file.name, reasons: [t('validation.tooLong')] });
        return;
      }
      const preview = await call('calendars.previewImport', { calendarId: props.calendarId, fileName: file.name, content });
      setPending({ fileName: file.name, content, preview });
    } catch (err) {
      props.onFailure({ file: file.name, reasons: reasonsOf(err) });
    } finally {
      setBusy(false);
    }
  };

  const apply = async () => {
    if (!pending) return;
    setBusy(true);
    try {
      const calendar = await call('calendars.applyImport', { calendarId: props.calendarId, fileName: pending.fileName, content: pending.content });
      void message.success(t('calendars.import.applied', { file: pending.fileName, from: calendar.years?.from ?? '', to: calendar.years?.to ?? '' }));
      setPending(null);
    } catch (err) {
      props.onFailure({ file: pending.fileName, reasons: reasonsOf(err) });
      setPending(null);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <span data-testid="calendar-import">
        <Upload
          accept=".ics,.json"
          showUploadList={false}
          disabled={props.disabled || busy}
          beforeUpload={(file) => {
            void read(file);
            return Upload.LIST_IGNORE;
          }}
        >
          <Button icon={<UploadOutlined />} loading={busy && !pending} disabled={props.disabled}>
            {t('calendars.import.button')}
          </Button>
        </Upload>
      </span>
      {pending && <ImportPreviewModal pending={pending} busy={busy} onApply={() => void apply()} onCancel={() => setPending(null)} />}
    </>
  );
}

function DateTags({ dates, kind }: { dates: string[]; kind: 'holiday' | 'workday' }) {
  const { t } = useTranslation();
  if (dates.length === 0) return <Typography.Text type="secondary">{t('calendars.import.none')}</Typography.Text>;
  return (
    <div>
      <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 4 }}>
        {t('calendars.import.count', { count: dates.length })}
      </Typography.Text>
      <Space size={[4, 4]} wrap style={{ maxHeight: 132, overflowY: 'auto' }}>
        {dates.map((d) => (
          <Tag key={d} color={KIND_COLORS[kind]} style={{ marginInlineEnd: 0, fontVariantNumeric: 'tabular-nums' }}>
            {d} {t(`weekdays.${weekdayOfIso(d)}`)}
          </Tag>
        ))}
      </Space>
    </div>
  );
}

function ImportPreviewModal(props: { pending: PendingImport; busy: boolean; onApply(): void; onCancel(): void }) {
  const { t } = useTranslation();
  const { preview, fileName } = props.pending;
  const { imported, added, removed, yearsAfter } = preview;
  const years = (y: { from: number; to: number }) => (y.from === y.to ? String(y.from) : `${y.from}–${y.to}`);
  const changes = added.holidays.length + added.workdays.length + removed.holidays.length + removed.workdays.length;

  return (
    <Modal
      open
      width={760}
      title={t('calendars.import.title', { file: fileName })}
      okText={t('calendars.import.apply')}
      cancelText={t('common.cancel')}
      confirmLoading={props.busy}
      onOk={props.onApply}
      onCancel={props.onCancel}
      okButtonProps={{ 'data-testid': 'calendar-import-apply' }}
      destroyOnHidden
    >
      <div data-testid="calendar-import-preview">
        <Descriptions
          size="small"
          column={2}
          bordered
          items={[
            { key: 'years', label: t('calendars.import.years'), children: <span data-testid="import-years">{years(imported.years)}</span> },
            { key: 'after', label: t('calendars.import.yearsAfter'), children: years(yearsAfter) },
            {
              key: 'totals',
              span: 2,
              label: t('calendars.specialDays'),
              children: t('calendars.import.totals', { holidays: imported.holidays.length, workdays: imported.workdays.length }),
            },
          ]}
        />
        <Alert
          type={changes === 0 ? 'success' : 'info'}
          showIcon
          title={changes === 0 ? t('calendars.import.noChanges') : t('calendars.import.replaceNote')}
          style={{ margin: '16px 0' }}
        />
        <Descriptions
          size="small"
          column={1}
          bordered
          styles={{ label: { width: 170 } }}
          items={[
            { key: 'ah', label: t('calendars.import.addedHolidays'), children: <DateTags dates={added.holidays} kind="holiday" /> },
            { key: 'rh', label: t('calendars.import.removedHolidays'), children: <DateTags dates={removed.holidays} kind="holiday" /> },
            { key: 'aw', label: t('calendars.import.addedWorkdays'), children: <DateTags dates={added.workdays} kind="workday" /> },
            { key: 'rw', label: t('calendars.import.removedWorkdays'), children: <DateTags dates={removed.workdays} kind="workday" /> },
          ]}
          data-testid="import-changes"
        />
      </div>
    </Modal>
  );
}
