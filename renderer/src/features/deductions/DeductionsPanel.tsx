// Deduction rules (扣分规则): overtime bands and points per error, with the rules read back in a
// sentence. Supervisors and admins edit; agents read what they are measured by.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Form, InputNumber, Row, Space, Table, Typography, theme, type FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeductionRules, OvertimeBand } from '../../../../shared/sla';
import { ApiError, call } from '../../api';
import { asAppError, useErrorText } from '../../app/errors';
import { plainNumber } from '../catalogue/describe';
import { followDeductionEvents, useDeductionRules } from './store';

interface BandValues {
  id?: string;
  upToMinutes?: number;
  points?: number;
}
interface FormValues {
  rules: { overtimeBands: BandValues[]; errorPoints: (number | undefined)[] };
}

const points = (t: TFunction, p: number) => t('deductions.pointsText', { count: Number(plainNumber(p)) });

/** The rules in words, e.g. "超时不超过 5 分钟扣 0.5 分；超时 5–10 分钟扣 1 分；超时超过 10 分钟按过失处理。" */
export function describeRules(t: TFunction, rules: DeductionRules): string[] {
  const s = (key: string, o?: Record<string, unknown>) => t(`deductions.sentence.${key}`, o);
  const bands = rules.overtimeBands;
  const overtime =
    bands.length === 0
      ? s('allErrors')
      : [
          ...bands.map((b, i) =>
            i === 0
              ? s('bandFirst', { to: plainNumber(b.upToMinutes), points: points(t, b.points) })
              : s('bandFromTo', { from: plainNumber(bands[i - 1]!.upToMinutes), to: plainNumber(b.upToMinutes), points: points(t, b.points) }),
          ),
          s('beyond', { minutes: plainNumber(bands[bands.length - 1]!.upToMinutes) }),
        ].join(s('join'));
  const e = rules.errorPoints;
  const errors =
    e.length === 1
      ? s('errorsOne', { points: points(t, e[0]!) })
      : s('errorsIntro', {
          list: e
            .map((p, i) => (i < e.length - 1 ? s('errorsNth', { n: i + 1, points: points(t, p) }) : s('errorsNthLater', { n: i + 1, points: points(t, p) })))
            .join(s('listJoin')),
        });
  return [overtime + s('end'), errors + s('end'), s('offset')];
}

/** A few lateness examples that land in each band and beyond the last. */
function examples(rules: DeductionRules): { minutes: number; points: number | null }[] {
  const out: { minutes: number; points: number | null }[] = [];
  let from = 0;
  for (const b of rules.overtimeBands) {
    out.push({ minutes: Math.max(Math.round(((from + b.upToMinutes) / 2) * 10) / 10, 0.5), points: b.points });
    from = b.upToMinutes;
  }
  out.push({ minutes: from + Math.max(1, Math.round(from * 0.2)), points: null });
  return out;
}

/** Turns the form into rules, giving new bands a stable id. */
function toRules(values: FormValues): DeductionRules {
  const taken = new Set(values.rules.overtimeBands.map((b) => b.id).filter(Boolean));
  const overtimeBands: OvertimeBand[] = values.rules.overtimeBands.map((b) => {
    let id = b.id;
    if (!id) {
      const base = `overtime.upTo${String(b.upToMinutes).replace(/[^0-9]/g, '_')}`;
      id = base;
      for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
      taken.add(id);
    }
    return { id, upToMinutes: b.upToMinutes!, points: b.points! };
  });
  return { overtimeBands, errorPoints: values.rules.errorPoints.map((p) => p!) };
}

/** Like markFieldErrors, for list fields: "rules.overtimeBands.1.upToMinutes" names index 1, a number. */
function markListErrors(form: FormInstance, err: unknown, t: TFunction): boolean {
  const issues = asAppError(err)?.issues?.filter((i) => /\.\d+(\.|$)/.test(i.path)) ?? [];
  form.setFields(issues.map((i) => ({ name: i.path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)), errors: [t(i.message)] })));
  return issues.length > 0;
}

export function DeductionsPanel({ editable }: { editable: boolean }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const { value: rules, refresh } = useDeductionRules();
  const [form] = Form.useForm<FormValues>();
  const [busy, setBusy] = useState(false);
  // A message key (or the error itself), translated at render so a language switch follows.
  const [error, setError] = useState<unknown>(null);
  const [touched, setTouched] = useState(false);
  const watched = Form.useWatch('rules', form);

  useEffect(() => {
    refresh().catch((err: unknown) => void message.error(errorText(err)));
    return followDeductionEvents();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Show the stored rules whenever they change and nobody is halfway through an edit.
  useEffect(() => {
    if (rules && !touched) form.setFieldsValue({ rules });
  }, [rules, touched, form]);

  const save = async () => {
    await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      await call('deductions.saveRules', { rules: toRules(form.getFieldsValue(true) as FormValues) });
      setTouched(false);
      await refresh();
      void message.success(t('deductions.saved'));
    } catch (err) {
      const issue = asAppError(err)?.issues?.find((i) => !/\.\d+(\.|$)/.test(i.path));
      markListErrors(form as unknown as FormInstance, err, t);
      setError(issue ? new ApiError({ code: 'VALIDATION', messageKey: issue.message, message: issue.message }) : err);
    } finally {
      setBusy(false);
    }
  };

  const reset = () => {
    setTouched(false);
    setError(null);
    if (rules) form.setFieldsValue({ rules });
    form.setFields([]);
  };

  // The sentence reads what is on screen, complete entries only.
  const live: DeductionRules | null = watched
    ? {
        overtimeBands: (watched.overtimeBands ?? [])
          .filter((b): b is BandValues & { upToMinutes: number; points: number } => typeof b?.upToMinutes === 'number' && typeof b?.points === 'number')
          .map((b) => ({ id: b.id ?? '', upToMinutes: b.upToMinutes, points: b.points })),
        errorPoints: (watched.errorPoints ?? []).filter((p): p is number => typeof p === 'number'),
      }
    : rules;
  const rowStyle = { display: 'flex', alignItems: 'center', gap: 12, padding: '8px 0', borderBottom: `1px solid ${token.colorBorderSecondary}` } as const;

  return (
    <Form<FormValues> form={form} disabled={!editable} onValuesChange={() => setTouched(true)} component={false}>
      <Row gutter={[16, 16]} align="top" data-testid="deductions-panel">
        <Col xs={24} xl={14}>
          <Card
            title={t('deductions.title')}
            extra={
              editable && (
                <Space>
                  {touched && <Button onClick={reset}>{t('calendars.discard')}</Button>}
                  <Button type="primary" loading={busy} disabled={!touched} onClick={() => void save()} data-testid="deductions-save">
                    {t('common.save')}
                  </Button>
                </Space>
              )
            }
          >
            {!editable && <Alert type="info" showIcon title={t('deductions.readOnly')} style={{ marginBottom: 16 }} />}
            {error !== null && <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 16 }} data-testid="deductions-error" />}

            <Typography.Title level={5} style={{ marginTop: 0 }}>
              {t('deductions.overtime')}
            </Typography.Title>
            <Typography.Paragraph type="secondary">{t('deductions.overtimeHint')}</Typography.Paragraph>
            <Form.List name={['rules', 'overtimeBands']}>
              {(fields, { add, remove }) => (
                <div data-testid="deductions-bands">
                  {fields.map((field, index) => (
                    <div key={field.key} style={rowStyle}>
                      <Typography.Text strong style={{ width: 64 }}>
                        {t('deductions.band', { n: index + 1 })}
                      </Typography.Text>
                      <Typography.Text type="secondary" style={{ width: 120 }}>
                        {t('deductions.from', {
                          minutes: plainNumber(index === 0 ? 0 : ((form.getFieldValue(['rules', 'overtimeBands', index - 1, 'upToMinutes']) as number | undefined) ?? 0)),
                        })}
                      </Typography.Text>
                      <Form.Item
                        name={[field.name, 'upToMinutes']}
                        style={{ margin: 0 }}
                        dependencies={index > 0 ? [['rules', 'overtimeBands', index - 1, 'upToMinutes']] : []}
                        rules={[
                          { required: true, message: t('validation.required') },
                          ({ getFieldValue }) => ({
                            validator(_, v: number | undefined) {
                              const prev = index > 0 ? (getFieldValue(['rules', 'overtimeBands', index - 1, 'upToMinutes']) as number | undefined) : 0;
                              if (v === undefined || v === null) return Promise.resolve();
                              if (!(v > 0)) return Promise.reject(new Error(t('deductions.positive')));
                              if (typeof prev === 'number' && v <= prev) return Promise.reject(new Error(t('deductions.bandOrderHint')));
                              return Promise.resolve();
                            },
                          }),
                        ]}
                      >
                        <InputNumber
                          min={0}
                          max={100_000}
                          prefix={t('deductions.upTo')}
                          suffix={t('deductions.minutes')}
                          style={{ width: 210 }}
                          data-testid={`band-${index}-minutes`}
                        />
                      </Form.Item>
                      <Form.Item name={[field.name, 'points']} style={{ margin: 0 }} rules={[{ required: true, message: t('validation.required') }]}>
                        <InputNumber
                          min={0}
                          max={100}
                          step={1}
                          prefix={t('deductions.points')}
                          suffix={t('deductions.pointsSuffix')}
                          style={{ width: 160 }}
                          data-testid={`band-${index}-points`}
                        />
                      </Form.Item>
                      {editable && (
                        <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('deductions.removeBand')} />
                      )}
                    </div>
                  ))}
                  <Typography.Paragraph style={{ margin: '12px 0' }} data-testid="deductions-beyond">
                    {fields.length > 0
                      ? t('deductions.beyondLast', {
                          minutes: plainNumber(form.getFieldValue(['rules', 'overtimeBands', fields.length - 1, 'upToMinutes']) ?? 0),
                        })
                      : t('deductions.noBandsBeyond')}
                  </Typography.Paragraph>
                  {editable && fields.length < 10 && (
                    <Button
                      type="dashed"
                      icon={<PlusOutlined />}
                      onClick={() => {
                        const last = form.getFieldValue(['rules', 'overtimeBands', fields.length - 1, 'upToMinutes']) as number | undefined;
                        add({ upToMinutes: (last ?? 0) + 5, points: 1 });
                      }}
                      data-testid="deductions-add-band"
                    >
                      {t('deductions.addBand')}
                    </Button>
                  )}
                </div>
              )}
            </Form.List>

            <Typography.Title level={5} style={{ marginTop: 24 }}>
              {t('deductions.errors')}
            </Typography.Title>
            <Typography.Paragraph type="secondary">{t('deductions.errorsHint')}</Typography.Paragraph>
            <Form.List name={['rules', 'errorPoints']}>
              {(fields, { add, remove }) => (
                <div data-testid="deductions-errors">
                  {fields.map((field, index) => (
                    <div key={field.key} style={rowStyle}>
                      <Typography.Text strong style={{ width: 196 }}>
                        {fields.length === 1
                          ? t('deductions.eachError')
                          : index === fields.length - 1
                            ? t('deductions.nthAndLater', { n: index + 1 })
                            : t('deductions.nth', { n: index + 1 })}
                      </Typography.Text>
                      <Form.Item name={field.name} style={{ margin: 0 }} rules={[{ required: true, message: t('validation.required') }]}>
                        <InputNumber
                          min={0}
                          max={100}
                          step={1}
                          prefix={t('deductions.points')}
                          suffix={t('deductions.pointsSuffix')}
                          style={{ width: 160 }}
                          data-testid={`error-${index}-points`}
                        />
                      </Form.Item>
                      {editable && fields.length > 1 && (
                        <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('deductions.removeError')} />
                      )}
                    </div>
                  ))}
                  {editable && fields.length < 10 && (
                    <Button
                      type="dashed"
                      icon={<PlusOutlined />}
                      style={{ marginTop: 12 }}
                      onClick={() => add(form.getFieldValue(['rules', 'errorPoints', fields.length - 1]) ?? 1.5)}
                      data-testid="deductions-add-error"
                    >
                      {t('deductions.addError')}
                    </Button>
                  )}
                </div>
              )}
            </Form.List>
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title={t('deductions.summary')} data-testid="deductions-summary">
            {live &&
              describeRules(t, live).map((line, i) => (
                <Typography.Paragraph key={i} type={i === 2 ? 'secondary' : undefined} style={{ fontSize: i === 2 ? 13 : 15 }}>
                  {line}
                </Typography.Paragraph>
              ))}
            {live && live.errorPoints.length > 0 && (
              <Table
                size="small"
                rowKey={(r) => `${r.minutes}-${r.points ?? 'error'}`}
                pagination={false}
                title={() => <Typography.Text strong>{t('deductions.example')}</Typography.Text>}
                dataSource={examples(live)}
                showHeader={false}
                columns={[
                  { key: 'late', render: (_, r) => t('deductions.exampleLate', { minutes: plainNumber(r.minutes) }) },
                  {
                    key: 'points',
                    render: (_, r) =>
                      r.points === null ? (
                        <Typography.Text type="danger">{t('deductions.exampleErrorPoints', { points: points(t, live.errorPoints[0]!) })}</Typography.Text>
                      ) : (
                        t('deductions.examplePoints', { points: points(t, r.points) })
                      ),
                  },
                ]}
              />
            )}
          </Card>
        </Col>
      </Row>
    </Form>
  );
}
