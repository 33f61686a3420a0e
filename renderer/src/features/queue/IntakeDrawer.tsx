// Intake, built for speed on the phone: find or create the customer, pick the request type (its
// target for this customer's tier shown before saving), channel, subject, save with Ctrl+Enter.
import { ClockCircleOutlined, UserAddOutlined } from '@ant-design/icons';
import { Alert, App, AutoComplete, Button, Col, Descriptions, Drawer, Form, Input, Radio, Row, Segmented, Select, Space, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { v4 as uuidv4 } from 'uuid';
import { useTranslation } from 'react-i18next';
import type { DuePreview } from '../../../../shared/contract/sla';
import { REQUEST_CATEGORIES } from '../../../../shared/sla';
import { CHANNELS, PRIORITIES, type Channel, type Priority } from '../../../../shared/tickets/lifecycle';
import type { CustomerSummary, CustomerTier, TicketRow } from '../../../../shared/tickets/types';
import { ApiError, call } from '../../api';
import { RoleTag, TierTag } from '../../app/badges';
import { markFieldErrors, useErrorText } from '../../app/errors';
import { formatDateTime } from '../../app/format';
import { useShell } from '../../app/store';
import { applyTicketResult } from './ticketDetails';
import { targetText } from './targetText';
import { useCatalogue } from '../catalogue/store';

interface NewCustomer {
  name: string;
  phone: string;
  tier: CustomerTier;
  role: 'partner' | 'end_customer';
  kind: 'person' | 'company';
}
interface IntakeForm {
  typeCode: string;
  channel: Channel;
  priority: Priority;
  subject: string;
  description: string;
  newCustomer?: NewCustomer;
}

export function IntakeDrawer({ open, onClose, onCreated }: { open: boolean; onClose(): void; onCreated(row: TicketRow): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<IntakeForm>();
  const language = useShell((s) => s.language);
  const timeZone = useShell((s) => s.status!.timeZone);
  const types = useCatalogue((s) => s.value);
  const [customer, setCustomer] = useState<CustomerSummary | null>(null);
  const [creating, setCreating] = useState(false);
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<CustomerSummary[]>([]);
  const [preview, setPreview] = useState<DuePreview | null>(null);
  const [busy, setBusy] = useState(false);
  // The error itself, translated at render: switching the language re-translates it.
  const [error, setError] = useState<unknown>(null);
  // One save at a time (a second Ctrl+Enter while the first is on its way is ignored), and one
  // request id per ticket being written, so the core returns the first ticket for any repeat.
  const submitting = useRef(false);
  const requestId = useRef(uuidv4());
  const typeCode = Form.useWatch('typeCode', form);
  const newTier = Form.useWatch(['newCustomer', 'tier'], form);
  const tier: CustomerTier | null = customer?.tier ?? (creating ? (newTier ?? 'standard') : null);

  const reset = () => {
    requestId.current = uuidv4();
    form.resetFields();
    setCustomer(null);
    setCreating(false);
    setQuery('');
    setFound([]);
    setPreview(null);
    setError(null);
  };
  useEffect(() => {
    if (open) reset();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  useEffect(() => {
    const q = query.trim();
    if (!q || customer) return setFound([]);
    const timer = setTimeout(() => {
      call('customers.search', { q, limit: 8 }).then(setFound).catch(() => setFound([]));
    }, 150);
    return () => clearTimeout(timer);
  }, [query, customer]);

  useEffect(() => {
    if (!typeCode || !tier) return setPreview(null);
    // The due time shown is for an intake now; saving starts the clock at the moment of saving.
    call('sla.preview', { typeCode, tier, at: Date.now() }).then(setPreview).catch(() => setPreview(null));
  }, [typeCode, tier]);

  const typeOptions = useMemo(
    () =>
      REQUEST_CATEGORIES.map((category) => ({
        label: t(`category.${category}`),
        options: types
          .filter((x) => x.active && x.category === category)
          .map((x) => ({ value: x.code, label: language === 'zh-CN' ? x.names.zh : x.names.en })),
      })).filter((g) => g.options.length > 0),
    [types, language, t],
  );

  const submit = async () => {
    if (submitting.current) return;
    submitting.current = true;
    try {
      await save();
    } finally {
      submitting.current = false;
    }
  };

  const save = async () => {
    // An incomplete form: antd marks the fields; nothing to send, nothing to log.
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    if (!customer && !creating) {
      return setError(new ApiError({ code: 'VALIDATION', messageKey: 'intake.chooseCustomer', message: 'No customer chosen.' }));
    }
    setBusy(true);
    setError(null);
    try {
      const typeName = typeOptions.flatMap((g) => g.options).find((o) => o.value === v.typeCode)?.label ?? '';
      const nc = v.newCustomer;
      const row = await call('tickets.create', {
        customer: customer
          ? { id: customer.id }
          : {
              new: {
                kind: nc!.kind,
                name: nc!.name,
                tier: nc!.tier,
                role: nc!.role,
                phones: nc!.phone ? [nc!.phone] : [],
                email: null,
                wechat: null,
                birthday: null,
                contactUserId: null,
                tags: [],
                notes: '',
              },
            },
        typeCode: v.typeCode,
        channel: v.channel,
        priority: v.priority,
        subject: v.subject?.trim() || typeName,
        description: v.description ?? '',
        requestId: requestId.current,
      });
      void message.success({ content: t('intake.created', { number: row.number }), duration: 5 });
      // The new ticket's detail, so its panel opens without asking for it.
      applyTicketResult(row);
      onCreated(row);
      onClose();
    } catch (err) {
      // The new customer's fields come back as customer.new.<field>; the form names them newCustomer.<field>.
      markFieldErrors(form, err, (key) => t(key), (path) =>
        path.startsWith('customer.new.') ? ['newCustomer', path.slice(13).replace(/^phones\.\d+$/, 'phone')] : path.split('.'),
      );
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={620}
      title={t('intake.title')}
      destroyOnHidden
      extra={
        <Space>
          <Typography.Text type="secondary" keyboard>
            Ctrl+Enter
          </Typography.Text>
          <Button type="primary" loading={busy} onClick={() => void submit()} data-testid="intake-save">
            {t('intake.save')}
          </Button>
        </Space>
      }
    >
      <Form<IntakeForm>
        form={form}
        layout="vertical"
        initialValues={{ channel: 'phone', priority: 'normal', newCustomer: { tier: 'standard', role: 'end_customer', kind: 'person' } }}
        onKeyDown={(e) => {
          if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') void submit();
        }}
        onKeyDownCapture={(e) => {
          // antd's Select and AutoComplete keep Esc to themselves even when their list is shut:
          // Esc on a closed picker (or anywhere else in the form) closes the drawer.
          if (e.key !== 'Escape') return;
          // An open list takes the first Esc (it shuts); the next one closes the drawer.
          if (document.querySelector('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')) return;
          e.stopPropagation();
          e.preventDefault();
          onClose();
        }}
      >
        {error !== null && <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 16 }} data-testid="intake-error" />}
        <Form.Item label={t('intake.customer')} required>
          {customer ? (
            <Space style={{ width: '100%', justifyContent: 'space-between' }} data-testid="intake-customer">
              <Space>
                <Typography.Text strong>{customer.name}</Typography.Text>
                <TierTag tier={customer.tier} />
                <RoleTag role={customer.role} />
                <Typography.Text type="secondary">{customer.phones.join(' / ')}</Typography.Text>
              </Space>
              <Button size="small" onClick={() => setCustomer(null)}>
                {t('intake.changeCustomer')}
              </Button>
            </Space>
          ) : creating ? (
            <Button size="small" onClick={() => setCreating(false)}>
              {t('intake.searchInstead')}
            </Button>
          ) : (
            <AutoComplete
              autoFocus
              value={query}
              onChange={setQuery}
              style={{ width: '100%' }}
              placeholder={t('intake.customerPlaceholder')}
              data-testid="intake-customer-search"
              onSelect={(value: string) => {
                if (value === '__new__') {
                  setCreating(true);
                  form.setFieldValue(['newCustomer', /^[\d\s()+-]+$/.test(query) ? 'phone' : 'name'], query.trim());
                } else setCustomer(found.find((c) => c.id === value) ?? null);
              }}
              options={[
                ...found.map((c) => ({
                  value: c.id,
                  label: (
                    <Space>
                      <span>{c.name}</span>
                      <TierTag tier={c.tier} />
                      <RoleTag role={c.role} />
                      <Typography.Text type="secondary">{c.phones.join(' / ')}</Typography.Text>
                    </Space>
                  ),
                })),
                { value: '__new__', label: <Space><UserAddOutlined />{t('intake.newCustomer', { name: query.trim() })}</Space> },
              ]}
            />
          )}
        </Form.Item>
        {creating && !customer && (
          <div style={{ background: 'rgba(22,119,255,0.04)', padding: '12px 12px 0', borderRadius: 8, marginBottom: 16 }}>
            <Row gutter={12}>
              <Col span={12}>
                <Form.Item name={['newCustomer', 'name']} label={t('intake.customerName')} rules={[{ required: true, message: t('validation.required') }]}>
                  <Input data-testid="intake-new-name" />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item name={['newCustomer', 'phone']} label={t('intake.phone')}>
                  <Input data-testid="intake-new-phone" />
                </Form.Item>
              </Col>
            </Row>
            {/* Side by side while they fit, wrapping as whole groups (never a button alone) when not. */}
            <div style={{ display: 'flex', flexWrap: 'wrap', columnGap: 16 }}>
              <Form.Item name={['newCustomer', 'tier']} label={t('intake.tier')}>
                <Radio.Group optionType="button" options={(['standard', 'key'] as const).map((v) => ({ value: v, label: t(`tier.${v}`) }))} data-testid="intake-new-tier" style={{ whiteSpace: 'nowrap' }} />
              </Form.Item>
              <Form.Item name={['newCustomer', 'role']} label={t('intake.role')}>
                <Radio.Group optionType="button" options={(['end_customer', 'partner'] as const).map((v) => ({ value: v, label: t(`customerRole.${v}`) }))} style={{ whiteSpace: 'nowrap' }} />
              </Form.Item>
              <Form.Item name={['newCustomer', 'kind']} label={t('intake.kind')} style={{ flex: '1 0 120px' }}>
                <Select options={(['person', 'company'] as const).map((v) => ({ value: v, label: t(`customerKind.${v}`) }))} />
              </Form.Item>
            </div>
          </div>
        )}
        <Form.Item name="typeCode" label={t('intake.type')} rules={[{ required: true, message: t('validation.required') }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={typeOptions}
            placeholder={t('intake.typePlaceholder')}
            // 15 types in 4 groups: a taller list that still fits above or below at 768 px, scrolling for the rest.
            listHeight={320}
            data-testid="intake-type"
          />
        </Form.Item>
        {preview && (
          <Alert
            type={tier === 'key' ? 'warning' : 'info'}
            icon={<ClockCircleOutlined />}
            showIcon
            style={{ marginBottom: 16 }}
            data-testid="intake-target"
            title={t('intake.target', { tier: t(`tier.${preview.tier}`), target: targetText(preview.target, t) })}
            description={
              <Descriptions size="small" column={1}>
                <Descriptions.Item label={t('intake.dueIfNow')}>{formatDateTime(preview.due, timeZone, language)}</Descriptions.Item>
                {preview.beyondKnownYears && <Descriptions.Item label="!">{t('intake.beyondKnownYears')}</Descriptions.Item>}
              </Descriptions>
            }
          />
        )}
        {/* One row each: in English the six channels and four priorities do not share a line. */}
        <Form.Item name="channel" label={t('intake.channel')}>
          <Radio.Group optionType="button" buttonStyle="solid" options={CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))} />
        </Form.Item>
        <Form.Item name="priority" label={t('intake.priority')}>
          <Segmented options={PRIORITIES.map((p) => ({ value: p, label: t(`priority.${p}`) }))} data-testid="intake-priority" />
        </Form.Item>
        <Form.Item name="subject" label={t('intake.subject')} extra={t('intake.subjectHint')} rules={[{ max: 120, message: t('validation.tooLong') }]}>
          <Input data-testid="intake-subject" maxLength={120} />
        </Form.Item>
        <Form.Item name="description" label={t('intake.description')} rules={[{ max: 4000, message: t('validation.tooLong') }]}>
          <Input.TextArea rows={4} data-testid="intake-description" maxLength={4000} showCount />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
