// The customer's fields as one form section, used by the customer drawer and by the intake form.
// It lives inside the caller's <Form> (values shaped as CustomerFormValues, optionally under a prefix).
import { BankOutlined, DeleteOutlined, PlusOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Col, Flex, Form, Input, InputNumber, Radio, Row, Select, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import { Fragment, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CUSTOMER_NOTES_MAX, customerInputSchema, phoneSchema } from '../../../../shared/tickets/schemas';
import type { Birthday, CustomerSummary, StaffMember } from '../../../../shared/tickets/types';
import { call } from '../../api';
import { MAX_PHONES, maxDay, type NamePath } from './customerForm';

export interface CustomerFieldsProps {
  /** Where the section sits in the surrounding form: [] (default) in the drawer, e.g. ['newCustomer'] elsewhere. */
  prefix?: NamePath;
  /** The customer being edited: left out of the duplicate-phone check. */
  excludeId?: string;
  /** Opens a customer named by the duplicate warning; without it the names are not links. */
  onOpenCustomer?(customer: CustomerSummary): void;
  autoFocus?: boolean;
}

/** The centre's active staff, for the contact-person select. */
export function useStaffDirectory(): StaffMember[] {
  const [staff, setStaff] = useState<StaffMember[]>([]);
  useEffect(() => {
    let live = true;
    call('staff.directory', {})
      .then((s) => live && setStaff(s))
      .catch(() => live && setStaff([]));
    return () => {
      live = false;
    };
  }, []);
  return staff;
}

const isValidPhone = (p: string) => phoneSchema.safeParse(p).success;

/** Month and day selects accept the number ("15") as well as the name ("十五", "Aug"). */
const byNumberOrName = {
  filterOption: (input: string, o?: { value: number; label: string }) =>
    !!o && (String(o.value) === input.trim() || o.label.toLowerCase().includes(input.trim().toLowerCase())),
};

export function CustomerFields({ prefix = [], excludeId, onOpenCustomer, autoFocus }: CustomerFieldsProps) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const staff = useStaffDirectory();
  const [duplicates, setDuplicates] = useState<CustomerSummary[]>([]);
  const [sameName, setSameName] = useState<CustomerSummary[]>([]);
  const checkSeq = useRef(0);
  const nameSeq = useRef(0);
  const n = (...rest: NamePath): NamePath => [...prefix, ...rest];

  const kind = Form.useWatch(n('kind'), form) as CustomerSummary['kind'] | undefined;
  const calendar = (Form.useWatch(n('birthday', 'calendar'), form) as Birthday['calendar'] | undefined) ?? 'solar';
  const month = Form.useWatch(n('birthday', 'month'), form) as number | null | undefined;

  /** On leaving a phone field: does another customer already hold one of these numbers? A warning, never a block. */
  const checkDuplicates = async () => {
    const phones = ((form.getFieldValue(n('phones')) as string[] | undefined) ?? []).map((p) => (p ?? '').trim()).filter(isValidPhone);
    const seq = ++checkSeq.current;
    if (!phones.length) return setDuplicates([]);
    try {
      const found = await call('customers.duplicates', { phones: phones.slice(0, MAX_PHONES), ...(excludeId ? { excludeId } : {}) });
      if (seq === checkSeq.current) setDuplicates(found);
    } catch {
      if (seq === checkSeq.current) setDuplicates([]);
    }
  };

  /** On leaving the name field: customers with exactly this name already exist? A warning, never a block. */
  const checkSameName = async () => {
    const name = ((form.getFieldValue(n('name')) as string | undefined) ?? '').trim();
    const seq = ++nameSeq.current;
    if (!name || name.length > 80) return setSameName([]);
    try {
      const found = await call('customers.sameName', { name, ...(excludeId ? { excludeId } : {}) });
      if (seq === nameSeq.current) setSameName(found);
    } catch {
      if (seq === nameSeq.current) setSameName([]);
    }
  };

  const phoneRule: Rule = {
    validator: (_, v: string | undefined) => (!v?.trim() || isValidPhone(v) ? Promise.resolve() : Promise.reject(new Error(t('validation.phone')))),
  };
  const emailRule: Rule = {
    validator: (_, v: string | undefined) =>
      !v?.trim() || customerInputSchema.shape.email.safeParse(v.trim()).success ? Promise.resolve() : Promise.reject(new Error(t('validation.email'))),
  };
  const tagsRule: Rule = {
    validator: (_, v: string[] | undefined) =>
      !v || (v.length <= 10 && v.every((tag) => tag.trim().length <= 20)) ? Promise.resolve() : Promise.reject(new Error(t('validation.tag'))),
  };
  const contactRule: Rule = {
    warningOnly: true,
    validator: (_, v: string | null | undefined) =>
      form.getFieldValue(n('tier')) === 'key' && !v ? Promise.reject(new Error(t('customers.fields.contactMissing'))) : Promise.resolve(),
  };
  const monthRule: Rule = {
    validator: (_, m: number | null | undefined) =>
      !m && form.getFieldValue(n('birthday', 'day')) ? Promise.reject(new Error(t('validation.birthdayPart'))) : Promise.resolve(),
  };
  const dayRule: Rule = {
    validator: (_, d: number | null | undefined) => {
      const m = form.getFieldValue(n('birthday', 'month')) as number | null | undefined;
      const cal = (form.getFieldValue(n('birthday', 'calendar')) as Birthday['calendar'] | undefined) ?? 'solar';
      if (m && !d) return Promise.reject(new Error(t('validation.birthdayPart')));
      if (d && d > maxDay(cal, m)) return Promise.reject(new Error(t('validation.birthdayDay')));
      return Promise.resolve();
    },
  };

  const names = (what: 'months' | 'days') => t(`customers.calendarNames.${what}.${calendar}`).split(',');
  const monthOptions = names('months').map((label, i) => ({ value: i + 1, label }));
  const dayOptions = names('days')
    .slice(0, maxDay(calendar, month))
    .map((label, i) => ({ value: i + 1, label }));
  const isCompany = kind === 'company';

  return (
    <>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name={n('kind')} label={t('customers.fields.kind')}>
            <Radio.Group
              optionType="button"
              data-testid="customer-kind"
              options={[
                { value: 'person', label: <><UserOutlined /> {t('customerKind.person')}</> },
                { value: 'company', label: <><BankOutlined /> {t('customerKind.company')}</> },
              ]}
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name={n('tier')} label={t('customers.fields.tier')} tooltip={t('customers.fields.tierHint')}>
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              data-testid="customer-tier"
              options={[
                { value: 'standard', label: t('tier.standard') },
                { value: 'key', label: t('tier.key') },
              ]}
              onChange={() => void form.validateFields([n('contactUserId')]).catch(() => undefined)}
            />
          </Form.Item>
        </Col>
      </Row>

      <Form.Item
        name={n('name')}
        label={isCompany ? t('customers.fields.companyName') : t('customers.fields.name')}
        rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 80, message: t('validation.tooLong') }]}
      >
        <Input
          autoFocus={autoFocus}
          placeholder={isCompany ? t('customers.fields.companyNamePlaceholder') : t('customers.fields.namePlaceholder')}
          data-testid="customer-name"
          onBlur={() => void checkSameName()}
        />
      </Form.Item>
      {sameName.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: -8, marginBottom: 16 }}
          data-testid="customer-same-name"
          title={
            <>
              {t('customers.sameName.title', { count: sameName.length })}
              {sameName.map((d, i) => {
                const who = t('customers.sameName.who', { name: d.name, phone: d.phones[0] ?? t('customers.sameName.noPhone'), tier: t(`tier.${d.tier}`) });
                return (
                  <Fragment key={d.id}>
                    {i > 0 && t('customers.duplicate.separator')}
                    {onOpenCustomer ? (
                      <Typography.Link onClick={() => onOpenCustomer(d)} data-testid="customer-same-name-open">
                        {who}
                      </Typography.Link>
                    ) : (
                      who
                    )}
                  </Fragment>
                );
              })}
            </>
          }
          description={t('customers.sameName.hint')}
        />
      )}

      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name={n('role')} label={t('customers.fields.role')} tooltip={t('customers.fields.roleHint')}>
            <Radio.Group
              optionType="button"
              data-testid="customer-role"
              options={[
                { value: 'end_customer', label: t('customerRole.end_customer') },
                { value: 'partner', label: t('customerRole.partner') },
              ]}
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name={n('contactUserId')}
            label={t('customers.fields.contact')}
            tooltip={t('customers.fields.contactHint')}
            rules={[contactRule]}
            dependencies={[n('tier')]}
          >
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('customers.fields.contactPlaceholder')}
              data-testid="customer-contact"
              options={staff.map((s) => ({ value: s.id, label: s.displayName, role: s.role }))}
              optionRender={(o) => (
                <Flex justify="space-between">
                  <span>{o.label}</span>
                  <Typography.Text type="secondary">{t(`roles.${(o.data as { role: StaffMember['role'] }).role}`)}</Typography.Text>
                </Flex>
              )}
            />
          </Form.Item>
        </Col>
      </Row>

      <Form.Item label={t('customers.fields.phones')} required={false} style={{ marginBottom: 16 }}>
        <Form.List name={n('phones')}>
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, i) => (
                <Flex key={field.key} gap={8} align="start">
                  <Form.Item name={field.name} rules={[phoneRule]} validateTrigger="onBlur" style={{ flex: 1, marginBottom: 8 }}>
                    <Input
                      inputMode="tel"
                      placeholder={t('customers.fields.phonePlaceholder')}
                      onBlur={() => void checkDuplicates()}
                      data-testid={`customer-phone-${i}`}
                    />
                  </Form.Item>
                  {fields.length > 1 && (
                    <Button
                      type="text"
                      icon={<DeleteOutlined />}
                      aria-label={t('customers.fields.removePhone')}
                      title={t('customers.fields.removePhone')}
                      onClick={() => {
                        remove(field.name);
                        void checkDuplicates();
                      }}
                    />
                  )}
                </Flex>
              ))}
              {fields.length < MAX_PHONES ? (
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add('')} size="small" data-testid="customer-add-phone">
                  {t('customers.fields.addPhone')}
                </Button>
              ) : (
                <Typography.Text type="secondary">{t('customers.fields.phonesMax')}</Typography.Text>
              )}
            </>
          )}
        </Form.List>
      </Form.Item>

      {duplicates.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="customer-duplicate"
          title={
            <>
              {t('customers.duplicate.title')}
              {duplicates.map((d, i) => {
                const who = t('customers.duplicate.who', { name: d.name, tier: t(`tier.${d.tier}`) });
                return (
                  <Fragment key={d.id}>
                    {i > 0 && t('customers.duplicate.separator')}
                    {onOpenCustomer ? (
                      <Typography.Link onClick={() => onOpenCustomer(d)} data-testid="customer-duplicate-open">
                        {who}
                      </Typography.Link>
                    ) : (
                      who
                    )}
                  </Fragment>
                );
              })}
            </>
          }
          description={t('customers.duplicate.hint')}
        />
      )}

      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name={n('email')} label={t('customers.fields.email')} rules={[emailRule]} validateTrigger="onBlur">
            <Input inputMode="email" data-testid="customer-email" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name={n('wechat')} label={t('customers.fields.wechat')} rules={[{ max: 60, message: t('validation.tooLong') }]}>
            <Input data-testid="customer-wechat" />
          </Form.Item>
        </Col>
      </Row>

      <Form.Item label={t('customers.fields.birthday')} tooltip={t('customers.fields.birthdayHint')}>
        <Flex gap={8}>
          <Form.Item name={n('birthday', 'calendar')} noStyle>
            <Radio.Group
              optionType="button"
              data-testid="customer-birthday-calendar"
              options={[
                { value: 'solar', label: t('birthday.solar') },
                { value: 'lunar', label: t('birthday.lunar') },
              ]}
              onChange={() => void form.validateFields([n('birthday', 'day')]).catch(() => undefined)}
            />
          </Form.Item>
          <Form.Item name={n('birthday', 'month')} noStyle rules={[monthRule]} dependencies={[n('birthday', 'day')]}>
            <Select allowClear showSearch={byNumberOrName} placeholder={t('customers.fields.month')} options={monthOptions} style={{ width: 110 }} data-testid="customer-birthday-month" />
          </Form.Item>
          <Form.Item name={n('birthday', 'day')} noStyle rules={[dayRule]} dependencies={[n('birthday', 'month'), n('birthday', 'calendar')]}>
            <Select allowClear showSearch={byNumberOrName} placeholder={t('customers.fields.day')} options={dayOptions} style={{ width: 100 }} data-testid="customer-birthday-day" />
          </Form.Item>
          <Form.Item name={n('birthday', 'year')} noStyle>
            <InputNumber min={1900} max={2100} precision={0} controls={false} placeholder={t('customers.fields.year')} style={{ flex: 1 }} data-testid="customer-birthday-year" />
          </Form.Item>
        </Flex>
      </Form.Item>

      <Form.Item name={n('tags')} label={t('customers.fields.tags')} rules={[tagsRule]}>
        <Select mode="tags" tokenSeparators={[',', '，', '、']} placeholder={t('customers.fields.tagsPlaceholder')} notFoundContent={null} suffixIcon={null} data-testid="customer-tags" />
      </Form.Item>

      <Form.Item name={n('notes')} label={t('customers.fields.notes')} rules={[{ max: CUSTOMER_NOTES_MAX, message: t('validation.tooLong') }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={CUSTOMER_NOTES_MAX} showCount data-testid="customer-notes" />
      </Form.Item>
    </>
  );
}
