// Weekly working hours: several intervals per weekday (e.g. 09:00–12:00 and 13:30–18:00).
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Space, Tag, TimePicker, Tooltip, Typography, theme } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { CalendarSpec, WorkingInterval } from '../../../../shared/sla';
import { describeHours } from '../catalogue/describe';
import { WEEK_ORDER, badIntervals, dayMinutes, hhmm, nextInterval, setIntervals, weekMinutes } from './calendarDraft';

// A time picker cannot show 24:00, so the end of the day is picked as 23:59 and stored as 24:00.
const END_OF_DAY = 1440;
const toPicker = (minutes: number): Dayjs => dayjs('2000-01-01T00:00:00').add(Math.min(minutes, END_OF_DAY - 1), 'minute');
const fromPicker = (d: Dayjs, isEnd: boolean): number => {
  const m = d.hour() * 60 + d.minute();
  return isEnd && m === END_OF_DAY - 1 ? END_OF_DAY : m;
};
const showTime = (minutes: number) => (minutes >= END_OF_DAY ? '24:00' : hhmm(minutes));

export function WeeklyHoursEditor(props: { calendar: CalendarSpec; editable: boolean; onChange(next: CalendarSpec): void }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const { calendar, editable } = props;

  const change = (day: (typeof WEEK_ORDER)[number], intervals: WorkingInterval[]) => props.onChange(setIntervals(calendar, day, intervals));

  return (
    <Card
      title={t('calendars.weeklyHours')}
      extra={
        !calendar.open24x7 && (
          <Typography.Text type="secondary" data-testid="week-total">
            {t('calendars.weekTotal', { hours: describeHours(t, weekMinutes(calendar)) })}
          </Typography.Text>
        )
      }
      data-testid="weekly-hours"
    >
      {calendar.open24x7 ? (
        <Typography.Text type="secondary">{t('calendars.weeklyHoursIn24x7')}</Typography.Text>
      ) : (
        <div>
          {WEEK_ORDER.map((day, n) => {
            const intervals = calendar.weeklyHours[day];
            const bad = badIntervals(intervals);
            const next = nextInterval(intervals);
            return (
              <div
                key={day}
                data-testid={`weekly-${day}`}
                style={{
                  display: 'flex',
                  alignItems: 'center',
                  gap: 16,
                  padding: '10px 0',
                  borderTop: n === 0 ? undefined : `1px solid ${token.colorBorderSecondary}`,
                }}
              >
                <Typography.Text strong style={{ width: 100, flex: 'none' }}>
                  {t(`weekdaysLong.${day}`)}
                </Typography.Text>
                <Space wrap size={[8, 8]} style={{ flex: 1 }}>
                  {intervals.length === 0 && <Tag>{t('calendars.dayOff')}</Tag>}
                  {intervals.map((interval, k) =>
                    editable ? (
                      <Space.Compact key={k}>
                        <TimePicker.RangePicker
                          format="HH:mm"
                          minuteStep={5}
                          allowClear={false}
                          order={false}
                          status={bad.has(k) ? 'error' : undefined}
                          value={[toPicker(interval.from), toPicker(interval.to)]}
                          onChange={(v) => {
                            const [a, b] = v ?? [];
                            if (!a || !b) return;
                            change(
                              day,
                              intervals.map((i, j) => (j === k ? { from: fromPicker(a, false), to: fromPicker(b, true) } : i)),
                            );
                          }}
                          style={{ width: 200 }}
                          data-testid={`interval-${day}-${k}`}
                        />
                        <Tooltip title={t('calendars.removeInterval')}>
                          <Button
                            icon={<MinusCircleOutlined />}
                            aria-label={t('calendars.removeInterval')}
                            onClick={() => change(day, intervals.filter((_, j) => j !== k))}
                            data-testid={`interval-remove-${day}-${k}`}
                          />
                        </Tooltip>
                      </Space.Compact>
                    ) : (
                      <Tag key={k} color="blue" style={{ fontVariantNumeric: 'tabular-nums' }}>
                        {showTime(interval.from)}–{showTime(interval.to)}
                      </Tag>
                    ),
                  )}
                  {editable && next && (
                    <Button
                      type="dashed"
                      icon={<PlusOutlined />}
                      onClick={() => change(day, [...intervals, next])}
                      data-testid={`interval-add-${day}`}
                    >
                      {t('calendars.addInterval')}
                    </Button>
                  )}
                </Space>
                <Typography.Text type="secondary" style={{ flex: 'none', minWidth: 120, textAlign: 'right' }}>
                  {intervals.length > 0 && t('calendars.hoursTotal', { hours: describeHours(t, dayMinutes(intervals)) })}
                </Typography.Text>
              </div>
            );
          })}
        </div>
      )}
    </Card>
  );
}
