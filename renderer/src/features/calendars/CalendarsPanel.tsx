// Working calendars (工作日历): weekly hours, make-up-day rule, known years, and each year's public
// holidays and make-up working days. Admins edit a draft and save it whole; everyone else reads.
import { InfoCircleOutlined, SaveOutlined, UndoOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, InputNumber, Select, Space, Switch, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarSpec, Weekday } from '../../../../shared/sla';
import { call } from '../../api';
import { asAppError, useErrorText } from '../../app/errors';
import { useShell } from '../../app/store';
import { useNow } from '../../app/ticker';
import { describeHours, nameIn } from '../catalogue/describe';
import { zonedParts } from '../catalogue/zonedTime';
import { CalendarImportButton, type ImportFailure } from './CalendarImport';
import { draftProblems, normalized, standardDayMinutes, WEEK_ORDER } from './calendarDraft';
import { SpecialDaysEditor } from './SpecialDaysEditor';
import { followCalendarEvents, useCalendars } from './store';
import { WeeklyHoursEditor } from './WeeklyHoursEditor';

export function CalendarsPanel({ editable }: { editable: boolean }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const language = useShell((s) => s.language);
  const centreZone = useShell((s) => s.status!.timeZone);
  const { value: calendars, refresh } = useCalendars();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [draft, setDraft] = useState<CalendarSpec | null>(null);
  const [year, setYear] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [saveErrors, setSaveErrors] = useState<string[]>([]);
  const [importFailure, setImportFailure] = useState<ImportFailure | null>(null);
  const thisYear = Number(zonedParts(useNow.getState().now, centreZone).date.slice(0, 4));
  const timeZones = useMemo(() => Intl.supportedValuesOf('timeZone').map((z) => ({ value: z, label: z })), []);

  useEffect(() => {
    refresh().catch((err: unknown) => void message.error(errorText(err)));
    return followCalendarEvents();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const saved = calendars.find((c) => c.id === selectedId) ?? calendars.find((c) => !c.open24x7) ?? calendars[0];
  const calendar = draft ?? saved;
  const dirty = draft !== null && saved !== undefined && JSON.stringify(draft) !== JSON.stringify(saved);
  if (!calendar) return <Card loading />;
  const shownYear = year ?? thisYear;

  const edit = (next: CalendarSpec) => {
    setSaveErrors([]);
    setDraft(next);
  };
  const discard = () => {
    setDraft(null);
    setSaveErrors([]);
  };

  const save = async () => {
    const problems = draftProblems(calendar);
    if (problems.length > 0) {
      setSaveErrors(problems.map((k) => t(k)));
      return;
    }
    setBusy(true);
    try {
      await call('calendars.save', { calendar: normalized(calendar) });
      await refresh();
      setDraft(null);
      setSaveErrors([]);
      void message.success(t('calendars.saved'));
    } catch (err) {
      const issues = asAppError(err)?.issues ?? [];
      setSaveErrors(issues.length > 0 ? [...new Set(issues.map((i) => t(i.message)))] : [errorText(err)]);
    } finally {
      setBusy(false);
    }
  };

  const makeUp: Weekday = calendar.makeUpDayHours ?? 'mon';
  const properties = [
    {
      key: 'zone',
      label: t('calendars.timeZone'),
      children: editable ? (
        <Select showSearch value={calendar.timeZone} options={timeZones} onChange={(timeZone: string) => edit({ ...calendar, timeZone })} style={{ width: 220 }} />
      ) : (
        calendar.timeZone
      ),
    },
    {
      key: '24x7',
      label: t('calendars.open24x7'),
      children: (
        <Space>
          <Switch checked={calendar.open24x7} disabled={!editable} onChange={(open24x7) => edit({ ...calendar, open24x7 })} data-testid="calendar-24x7" />
          {calendar.open24x7 && <Typography.Text type="secondary">{t('calendars.open24x7Hint')}</Typography.Text>}
        </Space>
      ),
    },
    ...(calendar.open24x7
      ? []
      : [
          {
            key: 'makeUp',
            label: t('calendars.makeUpDayHours'),
            children: (
              <Space wrap>
                {editable ? (
                  <Select<Weekday>
                    value={makeUp}
                    onChange={(makeUpDayHours) => edit({ ...calendar, makeUpDayHours })}
                    style={{ width: 110 }}
                    options={WEEK_ORDER.filter((w) => calendar.weeklyHours[w].length > 0 || w === makeUp).map((w) => ({
                      value: w,
                      label: t(`weekdaysLong.${w}`),
                    }))}
                  />
                ) : (
                  <Typography.Text strong>{t(`weekdaysLong.${makeUp}`)}</Typography.Text>
                )}
                {t('calendars.makeUpDayHoursSuffix')}
                <Typography.Text type="secondary">{t('calendars.makeUpDayHoursHint')}</Typography.Text>
              </Space>
            ),
          },
          {
            key: 'years',
            label: t('calendars.knownYears'),
            children: (
              <Space wrap>
                {editable && calendar.years ? (
                  <Space.Compact>
                    <InputNumber
                      min={1900}
                      max={2200}
                      value={calendar.years.from}
                      onChange={(from) => from !== null && edit({ ...calendar, years: { from, to: calendar.years!.to } })}
                      style={{ width: 90 }}
                      aria-label={t('calendars.yearsFrom')}
                    />
                    <Button disabled>–</Button>
                    <InputNumber
                      min={1900}
                      max={2200}
                      value={calendar.years.to}
                      onChange={(to) => to !== null && edit({ ...calendar, years: { from: calendar.years!.from, to } })}
                      style={{ width: 90 }}
                      aria-label={t('calendars.yearsTo')}
                    />
                  </Space.Compact>
                ) : (
                  <Tag color={calendar.years ? 'green' : 'default'} data-testid="calendar-years">
                    {calendar.years ? `${calendar.years.from}–${calendar.years.to}` : t('calendars.noKnownYears')}
                  </Tag>
                )}
                <Typography.Text type="secondary">{t('calendars.knownYearsHint')}</Typography.Text>
              </Space>
            ),
          },
          {
            key: 'day',
            label: t('calendars.standardDay'),
            children: (
              <Space wrap>
                <Typography.Text strong>{describeHours(t, standardDayMinutes(calendar))}</Typography.Text>
                <Typography.Text type="secondary">{t('calendars.standardDayHint')}</Typography.Text>
              </Space>
            ),
          },
        ]),
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="calendars-panel">
      <Card
        title={
          <Space>
            <Typography.Text>{t('calendars.choose')}</Typography.Text>
            <Select
              value={calendar.id}
              disabled={dirty}
              onChange={(id: string) => {
                setSelectedId(id);
                setDraft(null);
                setImportFailure(null);
              }}
              style={{ minWidth: 260 }}
              options={calendars.map((c) => ({ value: c.id, label: nameIn(c.names, language) }))}
              data-testid="calendar-select"
            />
            <Tag color={calendar.open24x7 ? 'purple' : 'blue'}>{calendar.open24x7 ? t('calendars.open24x7Tag') : t('calendars.workingCalendarTag')}</Tag>
          </Space>
        }
        extra={
          editable && (
            <Space>
              {dirty && (
                <Tag color="orange" data-testid="calendar-dirty">
                  {t('calendars.unsaved')}
                </Tag>
              )}
              {dirty && (
                <Button icon={<UndoOutlined />} onClick={discard} data-testid="calendar-discard">
                  {t('calendars.discard')}
                </Button>
              )}
              {!calendar.open24x7 && <CalendarImportButton calendarId={calendar.id} disabled={dirty} onFailure={setImportFailure} />}
              <Button type="primary" icon={<SaveOutlined />} disabled={!dirty} loading={busy} onClick={() => void save()} data-testid="calendar-save">
                {t('common.save')}
              </Button>
            </Space>
          )
        }
      >
        {!editable && <Alert type="info" showIcon title={t('calendars.readOnly')} style={{ marginBottom: 16 }} />}
        {saveErrors.length > 0 && (
          <Alert
            type="error"
            showIcon
            title={t('calendars.saveFailed')}
            description={saveErrors.join(' ')}
            style={{ marginBottom: 16 }}
            data-testid="calendar-save-error"
          />
        )}
        {importFailure && (
          <Alert
            type="error"
            showIcon
            closable={{ onClose: () => setImportFailure(null) }}
            title={t('calendars.import.failed', { file: importFailure.file })}
            description={importFailure.reasons.join(' ')}
            style={{ marginBottom: 16 }}
            data-testid="calendar-import-error"
          />
        )}
        <Descriptions column={1} size="small" items={properties} styles={{ label: { width: 170 } }} />
        {!calendar.open24x7 && (
          <Alert
            type="info"
            icon={<InfoCircleOutlined />}
            showIcon
            title={t('calendars.publishHint')}
            style={{ marginTop: 16 }}
            data-testid="calendar-publish-hint"
          />
        )}
      </Card>
      <WeeklyHoursEditor calendar={calendar} editable={editable} onChange={edit} />
      <SpecialDaysEditor calendar={calendar} editable={editable} year={shownYear} thisYear={thisYear} onYear={setYear} onChange={edit} />
    </Space>
  );
}
