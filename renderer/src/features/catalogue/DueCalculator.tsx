// The due-time calculator (时效试算): what a ticket of a type and tier, taken in at a moment, would
// be due — the main process computes it exactly as intake will, on the current targets and calendars.
import { CalculatorOutlined, WarningOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, DatePicker, Descriptions, Empty, Form, Row, Select, Segmented, Space, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DuePreview, Tier } from '../../../../shared/contract/sla';
import { call } from '../../api';
import { useErrorText } from '../../app/errors';
import { useShell } from '../../app/store';
import { useNow } from '../../app/ticker';
import { useCalendars } from '../calendars/store';
import { describeDuration, describeTarget, describeWarning, nameIn } from './describe';
import { useCatalogue } from './store';
import { utcToWallTime, wallTimeToUtc, zonedParts } from './zonedTime';

export function DueCalculator() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const language = useShell((s) => s.language);
  const timeZone = useShell((s) => s.status!.timeZone);
  const types = useCatalogue((s) => s.value);
  const catalogueVersion = useCatalogue((s) => s.version);
  const calendars = useCalendars((s) => s.value);
  const calendarsVersion = useCalendars((s) => s.version);
  const [typeCode, setTypeCode] = useState<string | null>(null);
  const [tier, setTier] = useState<Tier>('standard');
  const [picked, setPicked] = useState<Dayjs>(() => utcToWallTime(useNow.getState().now, timeZone));
  const [result, setResult] = useState<DuePreview | null>(null);
  // The error itself, translated at render: a language switch re-translates it.
  const [error, setError] = useState<unknown>(null);

  // Start on the first active type once the catalogue has arrived.
  const firstActive = types.find((x) => x.active)?.code ?? null;
  const chosen = typeCode ?? firstActive;
  const at = useMemo(() => wallTimeToUtc(picked, timeZone), [picked, timeZone]);

  useEffect(() => {
    if (!chosen) return;
    let current = true;
    call('sla.preview', { typeCode: chosen, tier, at })
      .then((r) => {
        if (!current) return;
        setResult(r);
        setError(null);
      })
      .catch((err: unknown) => {
        if (!current) return;
        setResult(null);
        setError(err);
      });
    return () => {
      current = false;
    };
    // A changed target or calendar (pushed events bump the versions) changes the answer too.
  }, [chosen, tier, at, catalogueVersion, calendarsVersion]);

  const typeOptions = types.map((x) => ({
    value: x.code,
    label: x.active ? nameIn(x.names, language) : `${nameIn(x.names, language)}（${t('calc.inactiveType')}）`,
    search: `${x.code} ${x.names.zh} ${x.names.en}`.toLowerCase(),
  }));
  const calendar = result ? calendars.find((c) => c.id === result.calendarId) : undefined;
  const due = result ? zonedParts(result.due, timeZone) : null;

  return (
    <Card
      title={
        <Space>
          <CalculatorOutlined />
          {t('calc.title')}
        </Space>
      }
      data-testid="due-calculator"
    >
      <Row gutter={[32, 16]}>
        <Col xs={24} lg={12}>
          <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
            {t('calc.hint', { zone: timeZone })}
          </Typography.Paragraph>
          <Form layout="vertical" component="div">
            <Form.Item label={t('calc.type')} style={{ marginBottom: 12 }}>
              <Select
                showSearch={{ filterOption: (input, option) => (option?.search ?? '').includes(input.toLowerCase()) }}
                value={chosen ?? undefined}
                placeholder={t('calc.pickType')}
                options={typeOptions}
                onChange={(v: string) => setTypeCode(v)}
                data-testid="calc-type"
              />
            </Form.Item>
            <Row gutter={16}>
              <Col span={10}>
                <Form.Item label={t('calc.tier')} style={{ marginBottom: 0 }}>
                  <Segmented<Tier>
                    block
                    value={tier}
                    onChange={setTier}
                    options={[
                      { value: 'standard', label: t('calc.tiers.standard') },
                      { value: 'key', label: t('calc.tiers.key') },
                    ]}
                    data-testid="calc-tier"
                  />
                </Form.Item>
              </Col>
              <Col span={14}>
                <Form.Item label={t('calc.at')} style={{ marginBottom: 0 }}>
                  <Space.Compact style={{ width: '100%' }}>
                    <DatePicker
                      showTime={{ format: 'HH:mm' }}
                      format="YYYY-MM-DD HH:mm"
                      allowClear={false}
                      value={picked}
                      onChange={(v: Dayjs | null) => v && setPicked(v)}
                      style={{ width: '100%' }}
                      data-testid="calc-at"
                    />
                    <Button onClick={() => setPicked(utcToWallTime(useNow.getState().now, timeZone))}>{t('calc.now')}</Button>
                  </Space.Compact>
                </Form.Item>
              </Col>
            </Row>
          </Form>
        </Col>
        <Col xs={24} lg={12}>
          {error !== null && <Alert type="error" showIcon title={errorText(error)} />}
          {error === null && !result && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('calc.pickType')} />}
          {error === null && result && due && (
            <>
              <div
                style={{
                  padding: '12px 16px',
                  borderRadius: 8,
                  background: 'rgba(22, 119, 255, 0.06)',
                  border: '1px solid rgba(22, 119, 255, 0.2)',
                }}
              >
                <Space size={12} align="center" wrap>
                  <Typography.Text type="secondary">{t('calc.due')}</Typography.Text>
                  {result.beyondKnownYears && (
                    <Tag color="warning" icon={<WarningOutlined />} data-testid="calc-beyond">
                      {t('calc.beyondTag')}
                    </Tag>
                  )}
                </Space>
                <div style={{ fontSize: 24, fontWeight: 600, lineHeight: 1.4, fontVariantNumeric: 'tabular-nums' }} data-testid="calc-due">
                  {t('calc.dueFormat', { date: due.date, weekday: t(`weekdays.${due.weekday}`), time: due.time })}
                </div>
              </div>
              <Descriptions
                column={2}
                size="small"
                style={{ marginTop: 12 }}
                data-testid="calc-details"
                items={[
                  { key: 'target', label: t('calc.target'), children: <span data-testid="calc-target">{describeTarget(t, result.target)}</span> },
                  {
                    key: 'length',
                    label: t('calc.length'),
                    children: t(result.target.clock === '24x7' || calendar?.open24x7 ? 'calc.lengthElapsed' : 'calc.lengthWorking', {
                      duration: describeDuration(t, result.targetMinutes),
                    }),
                  },
                  { key: 'warning', label: t('calc.warning'), children: describeWarning(t, result.target.warning) },
                  { key: 'calendar', label: t('calc.calendar'), children: calendar ? nameIn(calendar.names, language) : result.calendarId },
                ]}
              />
              {result.beyondKnownYears && <Alert type="warning" showIcon title={t('calc.beyond')} style={{ marginTop: 8 }} />}
            </>
          )}
        </Col>
      </Row>
    </Card>
  );
}
