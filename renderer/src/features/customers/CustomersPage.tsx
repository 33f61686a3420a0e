// The customers page: one search box over name, pinyin initials, phone, e-mail and WeChat; the
// results table; the customer drawer for creating and editing.
import { BankOutlined, DownloadOutlined, ImportOutlined, SearchOutlined, UserAddOutlined, UserOutlined } from '@ant-design/icons';
import { App, Button, Card, Dropdown, Empty, Flex, Input, Result, Space, Spin, Table, Tag, Typography, type InputRef } from 'antd';
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerInput } from '../../../../shared/tickets/schemas';
import type { Customer, CustomerSummary } from '../../../../shared/tickets/types';
import { call, onEvent } from '../../api';
import { RoleTag, TierTag } from '../../app/badges';
import { useErrorText } from '../../app/errors';
import { roleAllows } from '../../../../shared/roles';
import { useShell } from '../../app/store';
import { CustomerFormDrawer } from './CustomerFormDrawer';
import { ImportDrawer } from './ImportDrawer';
import { exportCustomers } from './importFlow';

const LIMIT = 50;
const DEBOUNCE_MS = 200;

interface DrawerState {
  open: boolean;
  customer?: Customer;
  initial?: Partial<CustomerInput>;
}

/**
 * A new customer starts from what was searched for: a whole phone number, an e-mail, or a name
 * (Chinese, or latin with a space); pinyin initials ("ww") and a few digits start nothing.
 */
function initialFromQuery(q: string): Partial<CustomerInput> {
  const term = q.trim();
  if (/^\+?[\d\s()-]+$/.test(term)) return term.replace(/\D/g, '').length >= 7 ? { phones: [term] } : {};
  if (/^[^\s@]+@[^\s@]+$/.test(term)) return { email: term };
  if (/[\u3400-\u9fff]/.test(term) || /\S\s+\S/.test(term)) return { name: term };
  return {};
}

export function CustomersPage() {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const supervisor = useShell((s) => roleAllows(s.status?.user?.role, 'supervisor'));
  const [importing, setImporting] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [q, setQ] = useState('');
  const [rows, setRows] = useState<CustomerSummary[]>([]);
  const [answered, setAnswered] = useState(''); // the query the rows answer
  const [loading, setLoading] = useState(false);
  const [drawer, setDrawer] = useState<DrawerState>({ open: false });
  const details = useRef(new Map<string, Customer>());
  const [, redraw] = useReducer((x: number) => x + 1, 0);
  const seq = useRef(0);
  const query = useRef('');
  const input = useRef<InputRef>(null);
  query.current = q.trim();

  /** Searches now; returns the rows (or null when a newer search overtook this one). */
  const search = useCallback(
    async (term: string): Promise<CustomerSummary[] | null> => {
      const mine = ++seq.current;
      setLoading(true);
      try {
        const found = await call('customers.search', { q: term, limit: LIMIT });
        if (mine !== seq.current) return null;
        setRows(found);
        setAnswered(term);
        // The table also shows the contact person and tags, which only the full record carries.
        const missing = found.filter((c) => !details.current.has(c.id));
        await Promise.all(
          missing.map((c) =>
            call('customers.get', { id: c.id })
              .then((d) => void details.current.set(d.id, d))
              .catch(() => undefined),
          ),
        );
        if (mine === seq.current) redraw();
        return found;
      } catch (err) {
        if (mine === seq.current) void message.error(errorText(err));
        return null;
      } finally {
        if (mine === seq.current) setLoading(false);
      }
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );

  // Search as the agent types, a moment after the last key.
  useEffect(() => {
    const term = q.trim();
    if (!term) {
      seq.current++;
      setRows([]);
      setAnswered('');
      setLoading(false);
      return;
    }
    const timer = setTimeout(() => void search(term), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [q, search]);

  // Another window (or this one) changed a customer: refresh what is on screen.
  useEffect(
    () =>
      onEvent('customer.changed', (e) => {
        details.current.delete(e.customer.id);
        if (query.current) void search(query.current);
      }),
    [search],
  );

  const openCustomer = async (id: string) => {
    try {
      const customer = await call('customers.get', { id });
      details.current.set(customer.id, customer);
      setDrawer({ open: true, customer });
    } catch (err) {
      void message.error(errorText(err));
    }
  };

  const openFirst = async () => {
    const term = q.trim();
    if (!term) return;
    const results = term === answered ? rows : await search(term);
    if (results?.[0]) void openCustomer(results[0].id);
  };

  const createNew = () => setDrawer({ open: true, initial: initialFromQuery(q) });

  const onSaved = (saved: Customer) => {
    details.current.set(saved.id, saved);
    const created = !drawer.customer;
    setDrawer((d) => ({ ...d, open: false }));
    // A new customer is shown at once: search for it unless the current results already include it.
    if (created && !rows.some((r) => r.id === saved.id)) setQ(saved.name);
    else redraw();
    input.current?.focus();
  };

  const exportAs = async (format: 'xlsx' | 'csv') => {
    setExporting(true);
    try {
      const { file, count } = await exportCustomers(format, i18n.language === 'en' ? 'en' : 'zh-CN', t('customerImport.exportName'));
      void message.success(t('customerImport.exported', { count, file }));
    } catch (err) {
      void message.error(errorText(err));
    } finally {
      setExporting(false);
    }
  };

  const term = q.trim();
  const newButton = (label: string) => (
    <Button type="primary" icon={<UserAddOutlined />} onClick={createNew} data-testid="customer-new">
      {label}
    </Button>
  );

  return (
    <Card variant="borderless" styles={{ body: { padding: 20 } }}>
      <Flex gap={12} align="center">
        <Input
          ref={input}
          size="large"
          autoFocus
          allowClear
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onPressEnter={() => void openFirst()}
          prefix={<SearchOutlined style={{ color: 'rgba(0,0,0,0.35)' }} />}
          suffix={loading ? <Spin size="small" /> : null}
          placeholder={t('customers.searchPlaceholder')}
          data-testid="customer-search"
          style={{ flex: 1 }}
        />
        <Button size="large" icon={<UserAddOutlined />} onClick={createNew} data-testid="customer-new-top">
          {t('customers.new')}
        </Button>
        {supervisor && (
          <>
            <Button size="large" icon={<ImportOutlined />} onClick={() => setImporting(true)} data-testid="customer-import">
              {t('customerImport.open')}
            </Button>
            <Dropdown
              menu={{
                items: [
                  { key: 'xlsx', label: t('customerImport.exportXlsx'), onClick: () => void exportAs('xlsx') },
                  { key: 'csv', label: t('customerImport.exportCsv'), onClick: () => void exportAs('csv') },
                ],
              }}
            >
              <Button size="large" icon={<DownloadOutlined />} loading={exporting} data-testid="customer-export">
                {t('customerImport.export')}
              </Button>
            </Dropdown>
          </>
        )}
      </Flex>

      {!term ? (
        <div data-testid="customer-empty">
          <Result
            icon={<SearchOutlined style={{ color: '#bfbfbf' }} />}
            title={t('customers.emptyTitle')}
            subTitle={<span style={{ display: 'inline-block', maxWidth: 520 }}>{t('customers.emptyHint')}</span>}
            extra={newButton(t('customers.new'))}
          />
        </div>
      ) : (
        <>
          <Flex justify="space-between" style={{ margin: '16px 0 8px' }}>
            <Typography.Text type="secondary" data-testid="customer-count">
              {answered === term &&
                rows.length > 0 &&
                (rows.length >= LIMIT ? t('customers.resultCountMax', { count: rows.length }) : t('customers.resultCount', { count: rows.length }))}
            </Typography.Text>
            {rows.length > 0 && <Typography.Text type="secondary">{t('customers.searchHint')}</Typography.Text>}
          </Flex>
          <Table<CustomerSummary>
            rowKey="id"
            size="middle"
            dataSource={rows}
            pagination={false}
            data-testid="customer-table"
            onRow={(c) => ({ onClick: () => void openCustomer(c.id), style: { cursor: 'pointer' } })}
            locale={{
              emptyText:
                answered === term && !loading ? (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('customers.noResults', { q: term })}>
                    {newButton(t('customers.newNamed', { name: term }))}
                  </Empty>
                ) : (
                  <div style={{ height: 120 }} />
                ),
            }}
            columns={[
              {
                title: t('customers.columns.name'),
                key: 'name',
                render: (_, c) => (
                  <Space size={4} wrap>
                    <Typography.Text strong style={{ marginInlineEnd: 4 }}>
                      {c.name}
                    </Typography.Text>
                    <TierTag tier={c.tier} />
                    <RoleTag role={c.role} />
                  </Space>
                ),
              },
              {
                title: t('customers.columns.kind'),
                dataIndex: 'kind',
                width: 110,
                render: (k: CustomerSummary['kind']) => (
                  <Space size={6}>
                    {k === 'company' ? <BankOutlined /> : <UserOutlined />}
                    {t(`customerKind.${k}`)}
                  </Space>
                ),
              },
              {
                title: t('customers.columns.phones'),
                dataIndex: 'phones',
                width: 200,
                render: (phones: string[]) =>
                  phones.length ? (
                    <Flex vertical>
                      {phones.map((p) => (
                        <span key={p} style={{ fontVariantNumeric: 'tabular-nums' }}>
                          {p}
                        </span>
                      ))}
                    </Flex>
                  ) : (
                    <Typography.Text type="secondary">—</Typography.Text>
                  ),
              },
              {
                title: t('customers.columns.contact'),
                key: 'contact',
                width: 140,
                render: (_, c) => {
                  const d = details.current.get(c.id);
                  if (!d) return null;
                  if (d.contactName) return d.contactName;
                  return <Typography.Text type={c.tier === 'key' ? 'warning' : 'secondary'}>{t('customers.noContact')}</Typography.Text>;
                },
              },
              {
                title: t('customers.columns.tags'),
                key: 'tags',
                render: (_, c) => (
                  <Flex wrap gap={4}>
                    {details.current.get(c.id)?.tags.map((tag) => (
                      <Tag key={tag} style={{ marginInlineEnd: 0 }}>
                        {tag}
                      </Tag>
                    ))}
                  </Flex>
                ),
              },
            ]}
          />
        </>
      )}

      {supervisor && (
        <ImportDrawer
          open={importing}
          onClose={() => setImporting(false)}
          onImported={(name) => {
            if (name) setQ(name);
          }}
        />
      )}
      <CustomerFormDrawer
        open={drawer.open}
        customer={drawer.customer}
        initialValues={drawer.initial}
        onSaved={onSaved}
        onClose={() => {
          setDrawer((d) => ({ ...d, open: false }));
          input.current?.focus();
        }}
      />
    </Card>
  );
}
