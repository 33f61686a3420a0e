// The modal form of a request type: names, category, and for each customer tier the target
// (amount, unit, clock), the calendar it runs on and its warning point.
import { Alert, Card, Col, Form, Input, InputNumber, Modal, Radio, Row, Select, Space, Switch, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CHINA_CALENDAR_ID, KEY_ACCOUNT_CALENDAR_ID, REQUEST_CATEGORIES, type CalendarSpec, type CatalogueTarget, type RequestType } from '../../../../shared/sla';
import { ApiError } from '../../api';
import { asAppError, markFieldErrors, useErrorText } from '../../app/errors';
import { useShell } from '../../app/store';
import { nameIn } from './describe';

type TierKey = 'standard' | 'keyAccount';

/** What the form holds: the request type, with a warning point that keeps both values while the kind is switched. */
interface TargetValues extends Omit<CatalogueTarget, 'warning'> {
  warning: { kind: 'share' | 'beforeDue'; share?: number; minutes?: number };
}
interface FormValues {
  type: Omit<RequestType, 'standard' | 'keyAccount'> & { standard: TargetValues; keyAccount: TargetValues };
}

export type RequestTypeDialog = { kind: 'add' } | { kind: 'edit'; type: RequestType };

function newType(calendars: CalendarSpec[]): RequestType {
  const has = (id: string) => calendars.some((c) => c.id === id);
  const working = has(CHINA_CALENDAR_ID) ? CHINA_CALENDAR_ID : (calendars.find((c) => !c.open24x7) ?? calendars[0])?.id ?? CHINA_CALENDAR_ID;
  const keyLine = has(KEY_ACCOUNT_CALENDAR_ID) ? KEY_ACCOUNT_CALENDAR_ID : working;
  return {
    code: '',
    names: { zh: '', en: '' },
    category: 'business',
    standard: { amount: 1, unit: 'workingDays', clock: 'working', calendarId: working, warning: { kind: 'beforeDue', minutes: 60 } },
    keyAccount: { amount: 30, unit: 'minutes', clock: 'working', calendarId: keyLine, warning: { kind: 'share', share: 0.8 } },
    active: true,
  };
}

function toTarget(v: TargetValues): CatalogueTarget {
  const { warning, ...rest } = v;
  return {
    ...rest,
    warning: warning.kind === 'share' ? { kind: 'share', share: warning.share ?? 0.8 } : { kind: 'beforeDue', minutes: warning.minutes ?? 60 },
  };
}

/**
 * Refinements on a whole target come back with the target's path ("type.standard"); they are
 * about the unit and the clock together, so show them on the clock.
 */
function onFields(err: unknown): unknown {
  const e = asAppError(err);
  if (!e?.issues) return err;
  const issues = e.issues.map((i) => (/^type\.(standard|keyAccount)$/.test(i.path) ? { ...i, path: `${i.path}.clock` } : i));
  return new ApiError({ ...e, issues });
}

export function RequestTypeFormModal(props: {
  dialog: RequestTypeDialog;
  calendars: CalendarSpec[];
  onSubmit(type: RequestType, isNew: boolean): Promise<void>;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const language = useShell((s) => s.language);
  const [form] = Form.useForm<FormValues>();
  const [busy, setBusy] = useState(false);
  // The error itself, translated at render: a language switch re-translates it.
  const [error, setError] = useState<unknown>(null);
  const { dialog, calendars } = props;
  const isNew = dialog.kind === 'add';
  const initial = dialog.kind === 'edit' ? dialog.type : newType(calendars);
  const required = { required: true, message: t('validation.required') };

  const submit = async () => {
    await form.validateFields();
    const values = form.getFieldsValue(true) as FormValues;
    const type: RequestType = {
      code: isNew ? values.type.code.trim() : initial.code,
      names: { zh: values.type.names.zh.trim(), en: values.type.names.en.trim() },
      category: values.type.category,
      standard: toTarget(values.type.standard),
      keyAccount: toTarget(values.type.keyAccount),
      active: values.type.active,
    };
    setBusy(true);
    setError(null);
    try {
      await props.onSubmit(type, isNew);
      props.onClose();
    } catch (err) {
      const placed = markFieldErrors(form, onFields(err), t);
      setError(err);
      if (!placed && asAppError(err)?.messageKey === 'errors.requestTypeExists') {
        form.setFields([{ name: ['type', 'code'], errors: [errorText(err)] }]);
      }
    } finally {
      setBusy(false);
    }
  };

  const calendarOptions = calendars.map((c) => ({
    value: c.id,
    label: (
      <Space size={4}>
        {nameIn(c.names, language)}
        {c.open24x7 && <Tag style={{ marginInlineEnd: 0 }}>{t('calendars.open24x7Tag')}</Tag>}
      </Space>
    ),
  }));

  const tierFields = (tier: TierKey) => {
    const base = ['type', tier] as const;
    return (
      <Card size="small" title={t(`catalogue.tier.${tier}`)} data-testid={`type-form-${tier}`}>
        <Form.Item label={t('catalogue.amount')} required style={{ marginBottom: 12 }}>
          <Space.Compact style={{ width: '100%' }}>
            <Form.Item
              name={[...base, 'amount']}
              noStyle
              rules={[required, { type: 'number', min: 0.01, max: 10_000, message: t('catalogue.positive') }]}
            >
              <InputNumber min={0} max={10_000} step={1} style={{ width: '45%' }} data-testid={`type-form-${tier}-amount`} />
            </Form.Item>
            <Form.Item name={[...base, 'unit']} noStyle>
              <Select
                style={{ width: '55%' }}
                data-testid={`type-form-${tier}-unit`}
                options={(['minutes', 'hours', 'workingDays'] as const).map((u) => ({ value: u, label: t(`catalogue.units.${u}`) }))}
              />
            </Form.Item>
          </Space.Compact>
        </Form.Item>
        <Form.Item noStyle shouldUpdate={(a: FormValues, b: FormValues) => a.type[tier].unit !== b.type[tier].unit}>
          {() => {
            const unit = form.getFieldValue([...base, 'unit']) as string;
            return (
              <Form.Item
                name={[...base, 'clock']}
                label={t('catalogue.clock')}
                style={{ marginBottom: 12 }}
                extra={unit === 'workingDays' ? t('catalogue.workingDaysNeedWorkingClock') : undefined}
              >
                <Radio.Group
                  optionType="button"
                  options={[
                    { value: 'working', label: t('catalogue.clocks.working') },
                    { value: '24x7', label: t('catalogue.clocks.24x7'), disabled: unit === 'workingDays' },
                  ]}
                />
              </Form.Item>
            );
          }}
        </Form.Item>
        <Form.Item name={[...base, 'calendarId']} label={t('catalogue.calendar')} rules={[required]} style={{ marginBottom: 12 }}>
          <Select options={calendarOptions} data-testid={`type-form-${tier}-calendar`} />
        </Form.Item>
        <Form.Item label={t('catalogue.warningKind')} style={{ marginBottom: 0 }}>
          <Space.Compact style={{ width: '100%' }}>
            <Form.Item name={[...base, 'warning', 'kind']} noStyle>
              <Select
                style={{ width: '55%' }}
                options={(['share', 'beforeDue'] as const).map((k) => ({ value: k, label: t(`catalogue.warningKinds.${k}`) }))}
              />
            </Form.Item>
            <Form.Item noStyle shouldUpdate={(a: FormValues, b: FormValues) => a.type[tier].warning.kind !== b.type[tier].warning.kind}>
              {() =>
                form.getFieldValue([...base, 'warning', 'kind']) === 'share' ? (
                  <Form.Item
                    name={[...base, 'warning', 'share']}
                    noStyle
                    getValueProps={(v: number | undefined) => ({ value: v === undefined || v === null ? v : Math.round(v * 10_000) / 100 })}
                    normalize={(v: number | null) => (v === null ? undefined : v / 100)}
                    rules={[required, { type: 'number', min: 0.01, max: 0.99, message: t('catalogue.shareRange') }]}
                  >
                    <InputNumber min={1} max={99} suffix={t('catalogue.percent')} style={{ width: '45%' }} />
                  </Form.Item>
                ) : (
                  <Form.Item
                    name={[...base, 'warning', 'minutes']}
                    noStyle
                    rules={[required, { type: 'number', min: 1, max: 100_000, message: t('catalogue.positive') }]}
                  >
                    <InputNumber min={1} max={100_000} suffix={t('catalogue.minutesSuffix')} style={{ width: '45%' }} />
                  </Form.Item>
                )
              }
            </Form.Item>
          </Space.Compact>
        </Form.Item>
      </Card>
    );
  };

  return (
    <Modal
      open
      width={820}
      // Fits a 768-px laptop: the dialog sits near the top and its body scrolls, title and buttons stay.
      centered
      styles={{ body: { maxHeight: 'calc(100vh - 180px)', overflowY: 'auto', overflowX: 'hidden' } }}
      title={isNew ? t('catalogue.addTitle') : t('catalogue.editTitle', { name: nameIn(initial.names, language) })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={props.onClose}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'type-form-save' }}
    >
      <Alert type="info" showIcon title={t('catalogue.appliesToNew')} style={{ marginBottom: 16 }} />
      <Form<FormValues>
        form={form}
        layout="vertical"
        initialValues={{ type: initial }}
        onValuesChange={(changed: Partial<FormValues>) => {
          // Working days only exist on the working clock: switching to them moves the clock back.
          for (const tier of ['standard', 'keyAccount'] as const) {
            const c = changed.type?.[tier];
            if (c?.unit === 'workingDays' && form.getFieldValue(['type', tier, 'clock']) === '24x7') {
              form.setFieldValue(['type', tier, 'clock'], 'working');
            }
            if (c?.warning?.kind === 'share' && form.getFieldValue(['type', tier, 'warning', 'share']) === undefined) {
              form.setFieldValue(['type', tier, 'warning', 'share'], 0.8);
            }
            if (c?.warning?.kind === 'beforeDue' && form.getFieldValue(['type', tier, 'warning', 'minutes']) === undefined) {
              form.setFieldValue(['type', tier, 'warning', 'minutes'], 60);
            }
          }
        }}
      >
        <Row gutter={16}>
          <Col span={12}>
            {isNew ? (
              <Form.Item
                name={['type', 'code']}
                label={t('catalogue.code')}
                extra={t('catalogue.codeHelp')}
                rules={[required, { pattern: /^[a-z][a-z0-9_]{1,47}$/, message: t('validation.sla.requestTypeCode') }]}
              >
                <Input autoFocus maxLength={48} data-testid="type-form-code" />
              </Form.Item>
            ) : (
              <Form.Item label={t('catalogue.code')}>
                <Typography.Text code data-testid="type-form-code-readonly">
                  {initial.code}
                </Typography.Text>
              </Form.Item>
            )}
          </Col>
          <Col span={7}>
            <Form.Item name={['type', 'category']} label={t('catalogue.category')} rules={[required]}>
              <Select options={REQUEST_CATEGORIES.map((c) => ({ value: c, label: t(`catalogue.categories.${c}`) }))} />
            </Form.Item>
          </Col>
          <Col span={5}>
            <Form.Item name={['type', 'active']} label={t('catalogue.active')} valuePropName="checked">
              <Switch checkedChildren={t('catalogue.activeSwitch')} unCheckedChildren={t('catalogue.inactive')} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name={['type', 'names', 'zh']} label={t('catalogue.nameZh')} rules={[required, { max: 80, message: t('validation.tooLong') }]}>
              <Input maxLength={80} data-testid="type-form-name-zh" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name={['type', 'names', 'en']} label={t('catalogue.nameEn')} rules={[required, { max: 80, message: t('validation.tooLong') }]}>
              <Input maxLength={80} data-testid="type-form-name-en" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={12}>{tierFields('standard')}</Col>
          <Col span={12}>{tierFields('keyAccount')}</Col>
        </Row>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0, fontSize: 12 }}>
          {t('catalogue.clockHint')}
        </Typography.Paragraph>
        {error !== null && <Alert type="error" showIcon title={errorText(error)} style={{ marginTop: 12 }} data-testid="type-form-error" />}
      </Form>
    </Modal>
  );
}
