// One year's public holidays (休) and make-up working days (班) of a calendar.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, Input, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarSpec } from '../../../../shared/sla';
import { useShell } from '../../app/store';
import { nameIn } from '../catalogue/describe';
import { addSpecialDay, labelFrom, removeSpecialDay, selectableYears, specialDaysOf, type SpecialDayRow, type SpecialKind } from './calendarDraft';

export const KIND_COLORS: Record<SpecialKind, string> = { holiday: 'red', workday: 'blue' };

export function SpecialDaysEditor(props: {
  calendar: CalendarSpec;
  editable: boolean;
  year: number;
  thisYear: number;
  onYear(year: number): void;
  onChange(next: CalendarSpec): void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const language = useShell((s) => s.language);
  const { calendar, editable, year } = props;
  const [date, setDate] = useState<Dayjs | null>(null);
  const [kind, setKind] = useState<SpecialKind>('holiday');
  const [labelZh, setLabelZh] = useState('');
  const [labelEn, setLabelEn] = useState('');

  const rows = specialDaysOf(calendar, year);
  const holidays = rows.filter((r) => r.kind === 'holiday').length;
  const workdays = rows.length - holidays;
  const known = calendar.years !== null && year >= calendar.years.from && year <= calendar.years.to;

  const add = () => {
    if (!date) return;
    const iso = date.format('YYYY-MM-DD');
    if (calendar.holidays.includes(iso) || calendar.workdays.includes(iso)) {
      void message.info(t('calendars.dateExists', { date: iso, kind: t(`calendars.${kind}Long`) }));
    }
    props.onChange(addSpecialDay(calendar, iso, kind, labelFrom(labelZh, labelEn)));
    props.onYear(date.year());
    setDate(null);
    setLabelZh('');
    setLabelEn('');
  };

  return (
    <Card
      title={t('calendars.specialDays')}
      extra={
        <Space>
          <Typography.Text type="secondary">{t('calendars.year')}</Typography.Text>
          <Select
            value={year}
            onChange={props.onYear}
            style={{ width: 100 }}
            options={selectableYears(calendar, props.thisYear).map((y) => ({ value: y, label: String(y) }))}
            data-testid="special-year"
          />
        </Space>
      }
      data-testid="special-days"
    >
      {calendar.open24x7 ? (
        <Typography.Text type="secondary">{t('calendars.open24x7Hint')}</Typography.Text>
      ) : (
        <>
          <Typography.Paragraph data-testid="special-summary" style={{ marginBottom: 12 }}>
            {t('calendars.yearSummary', { year, holidays, workdays })}
          </Typography.Paragraph>
          {!known && <Alert type="warning" showIcon title={t('calendars.yearOutsideKnown', { year })} style={{ marginBottom: 12 }} />}
          {editable && (
            <Space wrap style={{ marginBottom: 16 }} data-testid="special-add">
              <DatePicker
                value={date}
                onChange={setDate}
                format="YYYY-MM-DD"
                placeholder={t('calendars.pickDate')}
                data-testid="special-date"
              />
              <Segmented<SpecialKind>
                value={kind}
                onChange={setKind}
                options={[
                  { value: 'holiday', label: `${t('calendars.holiday')} · ${t('calendars.holidayLong')}` },
                  { value: 'workday', label: `${t('calendars.workday')} · ${t('calendars.workdayLong')}` },
                ]}
                data-testid="special-kind"
              />
              <Input value={labelZh} onChange={(e) => setLabelZh(e.target.value)} placeholder={t('calendars.labelZh')} maxLength={80} style={{ width: 190 }} />
              <Input value={labelEn} onChange={(e) => setLabelEn(e.target.value)} placeholder={t('calendars.labelEn')} maxLength={80} style={{ width: 190 }} />
              <Button type="primary" ghost icon={<PlusOutlined />} disabled={!date} onClick={add} data-testid="special-add-button">
                {t('calendars.addDate')}
              </Button>
            </Space>
          )}
          <Table<SpecialDayRow>
            rowKey="date"
            size="small"
            dataSource={rows}
            pagination={false}
            scroll={rows.length > 12 ? { y: 440 } : undefined}
            locale={{ emptyText: t('calendars.noSpecialDays') }}
            data-testid="special-table"
            columns={[
              { title: t('calendars.date'), dataIndex: 'date', width: 130, render: (d: string) => <span style={{ fontVariantNumeric: 'tabular-nums' }}>{d}</span> },
              { title: t('calendars.weekday'), dataIndex: 'weekday', width: 100, render: (w: string) => t(`weekdaysLong.${w}`) },
              {
                title: t('calendars.kind'),
                dataIndex: 'kind',
                width: 220,
                render: (k: SpecialKind) => (
                  <Space size={6}>
                    <Tag color={KIND_COLORS[k]} style={{ marginInlineEnd: 0 }}>
                      {t(`calendars.${k}`)}
                    </Tag>
                    <Typography.Text type="secondary">{t(`calendars.${k}Long`)}</Typography.Text>
                  </Space>
                ),
              },
              { title: t('calendars.label'), key: 'label', render: (_, r) => (r.label ? nameIn(r.label, language) : '') },
              ...(editable
                ? [
                    {
                      title: t('common.actions'),
                      key: 'actions',
                      width: 90,
                      render: (_: unknown, r: SpecialDayRow) => (
                        <Button
                          type="link"
                          size="small"
                          danger
                          icon={<DeleteOutlined />}
                          onClick={() => props.onChange(removeSpecialDay(calendar, r.date))}
                          data-testid={`special-remove-${r.date}`}
                        >
                          {t('calendars.removeDate')}
                        </Button>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        </>
      )}
    </Card>
  );
}
