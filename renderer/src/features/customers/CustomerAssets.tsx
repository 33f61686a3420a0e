// The customer's assets (vehicles, insurance policies, contracts) with their key dates, shown in
// the customer drawer; add, edit and remove through a small form with the shared rules.
import { CarOutlined, DeleteOutlined, EditOutlined, FileProtectOutlined, FileTextOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Col, DatePicker, Dropdown, Empty, Flex, Form, Input, List, Modal, Popconfirm, Row, Select, Space, Tag, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { POLICY_STATUSES, type Asset, type AssetInput, type AssetKind } from '../../../../shared/customers/assets';
import { plateKind } from '../../../../shared/customers/plate';
import { checkVin } from '../../../../shared/customers/vin';
import type { CustomerSummary } from '../../../../shared/tickets/types';
import { call, onEvent } from '../../api';
import { markFieldErrors, useErrorText } from '../../app/errors';

const DATE_FIELDS = ['deliveryDate', 'lastMaintenance', 'nextMaintenance', 'inspectionDate', 'insuranceRenewal', 'signDate', 'premiumDue', 'lapsedDate', 'startDate', 'endDate'] as const;
type FormValues = Record<string, string | Dayjs | null | undefined>;

const ICONS: Record<AssetKind, React.ReactNode> = { vehicle: <CarOutlined />, policy: <FileProtectOutlined />, contract: <FileTextOutlined /> };

function emptyAsset(kind: AssetKind): AssetInput {
  switch (kind) {
    case 'vehicle':
      return { kind, vin: null, plate: null, model: '', deliveryDate: null, lastMaintenance: null, nextMaintenance: null, inspectionDate: null, insuranceRenewal: null };
    case 'policy':
      return { kind, number: '', product: '', signDate: null, premiumDue: null, status: 'active', lapsedDate: null };
    case 'contract':
      return { kind, number: '', title: '', signDate: null, startDate: null, endDate: null };
  }
}

const toValues = (a: AssetInput): FormValues =>
  Object.fromEntries(Object.entries(a).map(([k, v]) => [k, (DATE_FIELDS as readonly string[]).includes(k) && typeof v === 'string' ? dayjs(v) : (v as string | null)]));

function toInput(kind: AssetKind, v: FormValues): AssetInput {
  const out: Record<string, unknown> = { ...emptyAsset(kind) };
  for (const k of Object.keys(out)) {
    if (k === 'kind') continue;
    const value = v[k];
    if ((DATE_FIELDS as readonly string[]).includes(k)) out[k] = value ? (value as Dayjs).format('YYYY-MM-DD') : null;
    else if (k === 'vin' || k === 'plate') out[k] = typeof value === 'string' && value.trim() ? value.trim() : null;
    else out[k] = typeof value === 'string' ? value.trim() : (out[k] as string);
  }
  return out as AssetInput;
}

export function CustomerAssets({ customer }: { customer: Pick<CustomerSummary, 'id' | 'name'> }) {
  const { t } = useTranslation();
  const [assets, setAssets] = useState<Asset[] | null>(null);
  const [editing, setEditing] = useState<{ kind: AssetKind; asset?: Asset } | null>(null);
  const errorText = useErrorText();
  const { message } = App.useApp();

  const load = useCallback(() => {
    call('assets.list', { customerId: customer.id })
      .then(setAssets)
      .catch(() => setAssets([]));
  }, [customer.id]);
  useEffect(load, [load]);
  useEffect(() => onEvent('callbacks.changed', load), [load]);

  const remove = async (a: Asset) => {
    try {
      await call('assets.delete', { id: a.id });
      load();
    } catch (err) {
      void message.error(errorText(err));
    }
  };

  const describe = (a: Asset) => {
    const d = a.data;
    const parts: [string, string | null][] =
      d.kind === 'vehicle'
        ? [['vin', d.vin], ['deliveryDate', d.deliveryDate], ['nextMaintenance', d.nextMaintenance], ['inspectionDate', d.inspectionDate], ['insuranceRenewal', d.insuranceRenewal]]
        : d.kind === 'policy'
          ? [['product', d.product || null], ['signDate', d.signDate], ['premiumDue', d.premiumDue], ['lapsedDate', d.lapsedDate]]
          : [['title', d.title || null], ['startDate', d.startDate], ['endDate', d.endDate]];
    return parts.filter(([, v]) => v).map(([k, v]) => `${t(`assets.fields.${k}`)} ${v}`).join(' · ');
  };
  const titleOf = (a: Asset) => {
    const d = a.data;
    if (d.kind === 'vehicle') return [d.plate, d.model].filter(Boolean).join(' ') || d.vin;
    return d.number;
  };

  return (
    <div data-testid="customer-assets" style={{ marginBottom: 16 }}>
      <Flex justify="space-between" align="center" style={{ marginBottom: 4 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('assets.title')}
        </Typography.Title>
        <Dropdown
          trigger={['click']}
          menu={{
            items: (['vehicle', 'policy', 'contract'] as const).map((k) => ({ key: k, icon: ICONS[k], label: t(`assets.kind.${k}`), onClick: () => setEditing({ kind: k }) })),
          }}
        >
          <Button size="small" icon={<PlusOutlined />} data-testid="asset-add">
            {t('assets.add')}
          </Button>
        </Dropdown>
      </Flex>
      <List<Asset>
        size="small"
        loading={assets === null}
        dataSource={assets ?? []}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('assets.none')} /> }}
        renderItem={(a) => (
          <List.Item
            data-testid="asset-row"
            actions={[
              <Button key="e" type="text" size="small" icon={<EditOutlined />} aria-label={t('assets.edit')} onClick={() => setEditing({ kind: a.data.kind, asset: a })} />,
              <Popconfirm key="d" title={t('assets.deleteConfirm')} onConfirm={() => void remove(a)} okText={t('assets.delete')} cancelText={t('common.cancel')}>
                <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t('assets.delete')} />
              </Popconfirm>,
            ]}
          >
            <List.Item.Meta
              avatar={ICONS[a.data.kind]}
              title={
                <Space size={6} wrap>
                  <Typography.Text strong>{titleOf(a)}</Typography.Text>
                  <Tag>{t(`assets.kind.${a.data.kind}`)}</Tag>
                  {a.data.kind === 'vehicle' && a.data.plate && plateKind(a.data.plate) === 'new_energy' && <Tag color="green">{t('assets.newEnergy')}</Tag>}
                  {a.data.kind === 'policy' && <Tag color={a.data.status === 'lapsed' ? 'red' : a.data.status === 'active' ? 'blue' : 'default'}>{t(`assets.status.${a.data.status}`)}</Tag>}
                  {a.warnings.map((w) => (
                    <Tag key={w.code} color="warning">
                      {t('assets.vinCheckDigit', { expected: w.expected })}
                    </Tag>
                  ))}
                </Space>
              }
              description={<span style={{ fontSize: 12 }}>{describe(a)}</span>}
            />
          </List.Item>
        )}
      />
      {editing && (
        <AssetForm
          customerId={customer.id}
          kind={editing.kind}
          asset={editing.asset}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            load();
          }}
        />
      )}
    </div>
  );
}

function AssetForm({ customerId, kind, asset, onClose, onSaved }: { customerId: string; kind: AssetKind; asset?: Asset; onClose(): void; onSaved(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [duplicates, setDuplicates] = useState<CustomerSummary[]>([]);
  const errorText = useErrorText();
  const { message } = App.useApp();

  const vinRules: Rule[] = [
    { validator: (_, v?: string) => (!v?.trim() || checkVin(v).valid ? Promise.resolve() : Promise.reject(new Error(t('validation.vin')))) },
    {
      warningOnly: true,
      validator: (_, v?: string) => {
        const c = v?.trim() ? checkVin(v) : null;
        return c?.valid && c.checkDigit === 'mismatch' ? Promise.reject(new Error(t('assets.vinCheckDigit', { expected: c.expected }))) : Promise.resolve();
      },
    },
  ];
  const plateRules: Rule[] = [
    { validator: (_, v?: string) => (!v?.trim() || plateKind(v) ? Promise.resolve() : Promise.reject(new Error(t('validation.plate')))) },
  ];
  const numberRules: Rule[] = [{ required: true, whitespace: true, message: t('validation.required') }, { pattern: /^[A-Za-z0-9][A-Za-z0-9-]{3,39}$/, message: t('validation.documentNumber') }];

  const checkDuplicates = async () => {
    if (kind !== 'vehicle') return;
    const vin = (form.getFieldValue('vin') as string | undefined)?.trim() || null;
    const plate = (form.getFieldValue('plate') as string | undefined)?.trim() || null;
    if ((!vin || !checkVin(vin).valid) && (!plate || !plateKind(plate))) return setDuplicates([]);
    try {
      setDuplicates(await call('assets.duplicates', { vin: vin && checkVin(vin).valid ? vin : null, plate: plate && plateKind(plate) ? plate : null, excludeCustomerId: customerId }));
    } catch {
      setDuplicates([]);
    }
  };

  const save = async () => {
    if (busy) return;
    try {
      await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await call('assets.save', { customerId, ...(asset ? { id: asset.id } : {}), asset: toInput(kind, form.getFieldsValue(true) as FormValues) });
      void message.success(t('assets.saved'));
      onSaved();
    } catch (err) {
      setError(markFieldErrors(form, err, t, (p) => [p.replace(/^asset\./, '')]) ? t('errors.validation') : errorText(err));
    } finally {
      setBusy(false);
    }
  };

  const date = (name: string) => (
    <Col span={12} key={name}>
      <Form.Item name={name} label={t(`assets.fields.${name}`)}>
        <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" data-testid={`asset-${name}`} />
      </Form.Item>
    </Col>
  );

  return (
    <Modal
      open
      title={t(asset ? 'assets.editTitle' : 'assets.addTitle', { kind: t(`assets.kind.${kind}`) })}
      onCancel={onClose}
      onOk={() => void save()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      width={600}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'asset-save' } as Record<string, string>}
    >
      <div data-testid="asset-form">
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
        <Form<FormValues> form={form} layout="vertical" initialValues={toValues(asset?.data ?? emptyAsset(kind))} onKeyDown={(e) => e.key === 'Enter' && (e.ctrlKey || e.metaKey) && void save()}>
          {kind === 'vehicle' && (
            <>
              <Row gutter={12}>
                <Col span={12}>
                  <Form.Item name="plate" label={t('assets.fields.plate')} rules={plateRules} tooltip={t('assets.plateHint')}>
                    <Input placeholder="京A12345 / 粤BD12345" onBlur={() => void checkDuplicates()} data-testid="asset-plate" />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item name="model" label={t('assets.fields.model')}>
                    <Input maxLength={60} data-testid="asset-model" />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item name="vin" label={t('assets.fields.vin')} rules={vinRules} tooltip={t('assets.vinHint')}>
                <Input placeholder="LSVAU218XN2183294" maxLength={20} style={{ fontFamily: 'monospace' }} onBlur={() => void checkDuplicates()} data-testid="asset-vin" />
              </Form.Item>
              {duplicates.length > 0 && (
                <Alert type="warning" showIcon style={{ marginBottom: 12 }} data-testid="asset-duplicate" title={t('assets.duplicate', { names: duplicates.map((d) => d.name).join(t('customers.duplicate.separator')) })} />
              )}
              <Row gutter={12}>{['deliveryDate', 'lastMaintenance', 'nextMaintenance', 'inspectionDate', 'insuranceRenewal'].map(date)}</Row>
            </>
          )}
          {kind === 'policy' && (
            <>
              <Row gutter={12}>
                <Col span={12}>
                  <Form.Item name="number" label={t('assets.fields.policyNumber')} rules={numberRules}>
                    <Input data-testid="asset-number" />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item name="product" label={t('assets.fields.product')}>
                    <Input maxLength={60} />
                  </Form.Item>
                </Col>
              </Row>
              <Row gutter={12}>
                <Col span={12}>
                  <Form.Item name="status" label={t('assets.fields.status')}>
                    <Select options={POLICY_STATUSES.map((s) => ({ value: s, label: t(`assets.status.${s}`) }))} />
                  </Form.Item>
                </Col>
                {['signDate', 'premiumDue', 'lapsedDate'].map(date)}
              </Row>
            </>
          )}
          {kind === 'contract' && (
            <>
              <Row gutter={12}>
                <Col span={12}>
                  <Form.Item name="number" label={t('assets.fields.contractNumber')} rules={numberRules}>
                    <Input data-testid="asset-number" />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item name="title" label={t('assets.fields.title')}>
                    <Input maxLength={60} />
                  </Form.Item>
                </Col>
              </Row>
              <Row gutter={12}>{['signDate', 'startDate', 'endDate'].map(date)}</Row>
            </>
          )}
        </Form>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('assets.remindersHint')}
        </Typography.Text>
      </div>
    </Modal>
  );
}
