// Settings → Callback rules: what triggers each callback, when it falls due, who calls, the script
// and the questions scored. Everyone reads them; admins edit (the seeds' defaults are the start).
import { EditOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Col, Form, Input, InputNumber, Modal, Row, Select, Switch, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { FESTIVALS, type Festival } from '../../../../shared/callbacks/festivals';
import type { CallbackRule, Offset } from '../../../../shared/callbacks/rules';
import type { StoredCallbackRule } from '../../../../shared/callbacks/types';
import { call } from '../../api';
import { useErrorText } from '../../app/errors';
import { useShell } from '../../app/store';

export function describeOffsets(offsets: Offset[], t: TFunction): string {
  return offsets.map((o) => t(`rules.offset.${o.unit}`, { count: Math.abs(o.amount), dir: t(o.amount < 0 ? 'rules.before' : 'rules.after') })).join(t('rules.separator'));
}

export function CallbackRulesPanel({ editable }: { editable: boolean }) {
  const { t } = useTranslation();
  const language = useShell((s) => s.language);
  const [rules, setRules] = useState<StoredCallbackRule[] | null>(null);
  const [editing, setEditing] = useState<StoredCallbackRule | null>(null);
  const load = useCallback(() => {
    call('callbackRules.list', {})
      .then(setRules)
      .catch(() => setRules([]));
  }, []);
  useEffect(load, [load]);

  const trigger = (r: CallbackRule) => {
    const tr = r.trigger;
    if (tr.kind === 'asset.date') return t('rules.trigger.assetDate', { field: t(`assets.fields.${tr.field.split('.')[1]}`) });
    if (tr.kind === 'birthday') return t('rules.trigger.birthday');
    if (tr.kind === 'festival')
      return t('rules.trigger.festival', { what: tr.festivals.map((f) => t(`rules.festival.${f}`)).join(t('rules.separator')), audience: t(`rules.audience.${tr.audience}`) });
    const what = [...tr.categories.map((c) => t(`category.${c}`, { defaultValue: c })), ...tr.typeCodes].join(t('rules.separator'));
    return t(tr.kind === 'ticket.closed' ? 'rules.trigger.ticketClosed' : 'rules.trigger.ticketCreated', { what });
  };

  return (
    <Card data-testid="callback-rules">
      <Typography.Paragraph type="secondary">{t('rules.intro')}</Typography.Paragraph>
      <Table<StoredCallbackRule>
        rowKey="id"
        size="small"
        loading={rules === null}
        dataSource={rules ?? []}
        pagination={false}
        columns={[
          {
            title: t('rules.columns.name'),
            key: 'name',
            render: (_, r) => (
              <span>
                <Typography.Text strong>{language === 'en' ? r.rule.names.en : r.rule.names.zh}</Typography.Text>
                {!r.rule.active && <Tag style={{ marginInlineStart: 6 }}>{t('rules.inactive')}</Tag>}
              </span>
            ),
          },
          { title: t('rules.columns.trigger'), key: 'trigger', render: (_, r) => trigger(r.rule) },
          { title: t('rules.columns.when'), key: 'when', render: (_, r) => describeOffsets(r.rule.offsets, t) },
          { title: t('rules.columns.window'), key: 'window', width: 90, render: (_, r) => t('rules.days', { count: r.rule.windowDays }) },
          { title: t('rules.columns.caller'), key: 'caller', width: 150, render: (_, r) => t(`rules.caller.${r.rule.caller}`) },
          { title: t('rules.columns.questions'), key: 'q', width: 80, render: (_, r) => r.rule.questions.length },
          ...(editable
            ? [{ title: '', key: 'edit', width: 60, render: (_: unknown, r: StoredCallbackRule) => <Button type="text" icon={<EditOutlined />} aria-label={t('common.edit')} onClick={() => setEditing(r)} data-testid="rule-edit" /> }]
            : []),
        ]}
      />
      {editing && (
        <RuleForm
          stored={editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            load();
          }}
        />
      )}
    </Card>
  );
}

interface RuleValues {
  nameZh: string;
  nameEn: string;
  offsets: string;
  unit: Offset['unit'];
  windowDays: number;
  caller: CallbackRule['caller'];
  script: string;
  questions: string;
  unsatisfiedAtOrBelow: number;
  maxAttempts: number;
  afterDays: number;
  active: boolean;
  /** Festival rules only. */
  festivals: Festival[];
  audience: 'key' | 'all';
}

function RuleForm({ stored, onClose, onSaved }: { stored: StoredCallbackRule; onClose(): void; onSaved(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<RuleValues>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const errorText = useErrorText();
  const { message } = App.useApp();
  const r = stored.rule;

  const save = async () => {
    let v: RuleValues;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    const amounts = v.offsets.split(/[,，\s]+/).filter(Boolean).map(Number);
    const rule: CallbackRule = {
      ...r,
      ...(r.trigger.kind === 'festival' ? { trigger: { kind: 'festival' as const, festivals: FESTIVALS.filter((f) => v.festivals.includes(f)), audience: v.audience } } : {}),
      names: { zh: v.nameZh.trim(), en: v.nameEn.trim() },
      offsets: amounts.map((amount) => ({ amount, unit: v.unit })),
      windowDays: v.windowDays,
      caller: v.caller,
      script: v.script.trim(),
      questions: v.questions.split('\n').map((q) => q.trim()).filter(Boolean),
      unsatisfiedAtOrBelow: v.unsatisfiedAtOrBelow,
      retry: { maxAttempts: v.maxAttempts, afterDays: v.afterDays },
      active: v.active,
    };
    setBusy(true);
    setError(null);
    try {
      await call('callbackRules.save', { id: stored.id, rule });
      void message.success(t('rules.saved'));
      onSaved();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open title={t('rules.editTitle')} onCancel={onClose} onOk={() => void save()} confirmLoading={busy} okText={t('common.save')} cancelText={t('common.cancel')} width={640}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form<RuleValues>
        form={form}
        layout="vertical"
        data-testid="rule-form"
        initialValues={{
          nameZh: r.names.zh,
          nameEn: r.names.en,
          offsets: r.offsets.map((o) => o.amount).join(', '),
          unit: r.offsets[0]?.unit ?? 'days',
          windowDays: r.windowDays,
          caller: r.caller,
          script: r.script,
          questions: r.questions.join('\n'),
          unsatisfiedAtOrBelow: r.unsatisfiedAtOrBelow,
          maxAttempts: r.retry.maxAttempts,
          afterDays: r.retry.afterDays,
          active: r.active,
          festivals: r.trigger.kind === 'festival' ? r.trigger.festivals : [],
          audience: r.trigger.kind === 'festival' ? r.trigger.audience : 'key',
        }}
      >
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="nameZh" label={t('rules.fields.nameZh')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
              <Input maxLength={60} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="nameEn" label={t('rules.fields.nameEn')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
              <Input maxLength={60} />
            </Form.Item>
          </Col>
        </Row>
        {r.trigger.kind === 'festival' && (
          <Row gutter={12}>
            <Col span={16}>
              <Form.Item name="festivals" label={t('rules.fields.festivals')} rules={[{ required: true, type: 'array', min: 1, message: t('rules.fields.festivalsRequired') }]}>
                <Checkbox.Group data-testid="rule-festivals" options={FESTIVALS.map((f) => ({ value: f, label: t(`rules.festival.${f}`) }))} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="audience" label={t('rules.fields.audience')}>
                <Select data-testid="rule-audience" options={(['key', 'all'] as const).map((a) => ({ value: a, label: t(`rules.audience.${a}`) }))} />
              </Form.Item>
            </Col>
          </Row>
        )}
        <Row gutter={12}>
          <Col span={10}>
            <Form.Item
              name="offsets"
              label={t('rules.fields.offsets')}
              tooltip={t('rules.fields.offsetsHint')}
              rules={[{ pattern: /^\s*-?\d{1,3}(\s*[,，\s]\s*-?\d{1,3})*\s*$/, message: t('rules.fields.offsetsError') }]}
            >
              <Input data-testid="rule-offsets" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="unit" label={t('rules.fields.unit')}>
              <Select options={(['hours', 'days', 'months'] as const).map((u) => ({ value: u, label: t(`rules.unit.${u}`) }))} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="windowDays" label={t('rules.fields.windowDays')}>
              <InputNumber min={0} max={60} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="caller" label={t('rules.columns.caller')}>
              <Select options={(['anyone_else', 'supervisor'] as const).map((c) => ({ value: c, label: t(`rules.caller.${c}`) }))} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="maxAttempts" label={t('rules.fields.maxAttempts')}>
              <InputNumber min={1} max={10} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={5}>
            <Form.Item name="afterDays" label={t('rules.fields.afterDays')}>
              <InputNumber min={0} max={14} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={5}>
            <Form.Item name="unsatisfiedAtOrBelow" label={t('rules.fields.unsatisfied')}>
              <InputNumber min={0} max={5} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="script" label={t('callbacks.script')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={2000} />
        </Form.Item>
        <Form.Item name="questions" label={t('rules.fields.questions')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
        <Form.Item name="active" label={t('rules.fields.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
