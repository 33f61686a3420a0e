// The customer drawer: create or edit one customer; for an existing one, its recent tickets below.
import { App, Alert, Button, Divider, Drawer, Flex, Form, Space, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerInput } from '../../../../shared/tickets/schemas';
import type { Customer, CustomerSummary } from '../../../../shared/tickets/types';
import { call } from '../../api';
import { RoleTag, TierTag } from '../../app/badges';
import { useErrorText } from '../../app/errors';
import { formatDateTime } from '../../app/format';
import { useShell } from '../../app/store';
import { CustomerFields } from './CustomerFields';
import { CustomerAssets } from './CustomerAssets';
import { CustomerTickets } from './CustomerTickets';
import {
  compactPhones,
  emptyCustomerValues,
  markCustomerFieldErrors,
  toCustomerInput,
  valuesOfCustomer,
  type CustomerFormValues,
} from './customerForm';

export interface CustomerFormDrawerProps {
  open: boolean;
  /** The customer to edit; leave out to create one. */
  customer?: Customer;
  /** Starting values when creating, e.g. the name or phone just searched for. */
  initialValues?: Partial<CustomerInput>;
  onSaved(customer: Customer): void;
  onClose(): void;
  /** The duplicate warning's link; by default the drawer switches to that customer. */
  onOpenCustomer?(customer: CustomerSummary): void;
}

export function CustomerFormDrawer({ open, customer, initialValues, onSaved, onClose, onOpenCustomer }: CustomerFormDrawerProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const timeZone = useShell((s) => s.status?.timeZone ?? 'Asia/Shanghai');
  const language = useShell((s) => s.language);
  const [form] = Form.useForm<CustomerFormValues>();
  const [current, setCurrent] = useState<Customer | undefined>(customer);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    if (open) setCurrent(customer);
  }, [open, customer]);

  const initialKey = JSON.stringify(initialValues ?? {});
  const values = useMemo(
    () => (current ? valuesOfCustomer(current) : emptyCustomerValues(JSON.parse(initialKey) as Partial<CustomerInput>)),
    [current, initialKey],
  );

  // Every opening (and every switch of customer) starts from the stored values, with no stale warnings.
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(values);
    setError(null);
    setVersion((v) => v + 1);
  }, [open, values, form]);

  const openOther = async (summary: CustomerSummary) => {
    if (onOpenCustomer) return onOpenCustomer(summary);
    try {
      setCurrent(await call('customers.get', { id: summary.id }));
    } catch (err) {
      void message.error(errorText(err));
    }
  };

  const save = async () => {
    if (busy) return;
    compactPhones(form);
    try {
      await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const input = toCustomerInput(form.getFieldsValue(true) as CustomerFormValues);
      const saved = current
        ? await call('customers.update', { id: current.id, customer: input })
        : await call('customers.create', { customer: input });
      void message.success(t(current ? 'customers.updated' : 'customers.created', { name: saved.name }));
      onSaved(saved);
    } catch (err) {
      setError(markCustomerFieldErrors(form, err, t) ? t('errors.validation') : errorText(err));
    } finally {
      setBusy(false);
    }
  };

  // Ctrl/Cmd+Enter saves wherever the focus is while the drawer is open (its panel, a field, a dropdown).
  const saveRef = useRef(save);
  saveRef.current = save;
  useEffect(() => {
    if (!open) return;
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        e.stopPropagation();
        void saveRef.current();
      }
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [open]);

  /** Once the drawer has slid in, the name field takes the focus unless the person is already typing somewhere. */
  const focusName = () => {
    const active = document.activeElement;
    if (!(active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement)) form.focusField(['name']);
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={560}
      forceRender
      afterOpenChange={(visible) => visible && focusName()}
      title={
        current ? (
          <Space size={4} data-testid="customer-drawer-title">
            <span style={{ marginInlineEnd: 4 }}>{current.name}</span>
            <TierTag tier={current.tier} />
            <RoleTag role={current.role} />
          </Space>
        ) : (
          <span data-testid="customer-drawer-title">{t('customers.createTitle')}</span>
        )
      }
      footer={
        <Flex justify="space-between" align="center">
          <Typography.Text type="secondary">{t('customers.saveHint')}</Typography.Text>
          <Space>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="primary" loading={busy} onClick={() => void save()} data-testid="customer-save">
              {t('common.save')}
            </Button>
          </Space>
        </Flex>
      }
    >
      <div data-testid="customer-drawer">
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="customer-error" />}
        <Form<CustomerFormValues> form={form} layout="vertical" initialValues={values} scrollToFirstError>
          <CustomerFields key={version} excludeId={current?.id} onOpenCustomer={(c) => void openOther(c)} />
        </Form>
        {current && (
          <>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('customers.meta', {
                created: formatDateTime(current.createdAt, timeZone, language),
                updated: formatDateTime(current.updatedAt, timeZone, language),
              })}
            </Typography.Text>
            <Divider style={{ margin: '16px 0' }} />
            <CustomerAssets customer={current} />
            <CustomerTickets customer={current} />
          </>
        )}
      </div>
    </Drawer>
  );
}
