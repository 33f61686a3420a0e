// 绩效考核: per agent and period — handled, compliance, handling time, overtime deductions and
// errors under the stored rules, credits (抵消) a supervisor grants or revokes with a reason, and the
// net score; every line names the ticket or credit behind it.
import { PlusOutlined, UndoOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, Flex, Form, Input, InputNumber, Modal, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { roleAllows } from '../../../../shared/roles';
import type { AgentPerformance, Credit, ExplainedLine, PerformanceBoard, PeriodInput } from '../../../../shared/stats/types';
import { call } from '../../api';
import { useErrorText } from '../../app/errors';
import { formatDateTime } from '../../app/format';
import { useShell } from '../../app/store';
import { ExportButtons } from '../stats/ExportButtons';
import { formatNumber } from '../stats/figureText';
import { PeriodPicker } from '../stats/StatsToolbar';
import type { AppError } from '../../../../shared/result';
import { PreparingNotice, preparingOf, useRetryWhilePreparing } from '../stats/Preparing';

export function PerformancePage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const me = useShell((s) => s.status!.user!);
  const language = useShell((s) => s.language);
  const [period, setPeriod] = useState<PeriodInput>({ preset: 'thisMonth' });
  const [board, setBoard] = useState<PerformanceBoard | null>(null);
  const [loading, setLoading] = useState(false);
  const [granting, setGranting] = useState<AgentPerformance | null>(null);
  const supervisor = roleAllows(me.role, 'supervisor');

  const [preparing, setPreparing] = useState<AppError | null>(null);
  const load = useCallback(async () => {
    setLoading(true);
    try {
      setBoard(await call('stats.performance', { period }));
      setPreparing(null);
    } catch (e) {
      const building = preparingOf(e);
      setPreparing(building);
      if (!building) void message.error(errorText(e));
    } finally {
      setLoading(false);
    }
  }, [period, message, errorText]);
  useEffect(() => void load(), [load]);
  useRetryWhilePreparing(preparing, load);

  const revoke = async (credit: Credit, reason: string) => {
    try {
      await call('stats.revokeCredit', { id: credit.id, reason });
      await load();
    } catch (e) {
      void message.error(errorText(e));
    }
  };

  const n = (v: number | null, d = 2) => formatNumber(v, language, d);
  const columns: ColumnsType<AgentPerformance> = [
    { title: t('performance.agent'), dataIndex: 'agentName' },
    { title: t('performance.handled'), dataIndex: 'handled', align: 'right' },
    { title: t('performance.compliance'), dataIndex: 'compliance', align: 'right', render: (v: number | null) => (v === null ? '—' : `${n(v, 1)}%`) },
    { title: t('performance.handling'), dataIndex: 'handlingMinutes', align: 'right', render: (v: number | null) => n(v, 1) },
    { title: t('performance.overtime'), dataIndex: 'overtimePoints', align: 'right', render: (v: number) => n(v) },
    { title: t('performance.errors'), dataIndex: 'errors', align: 'right' },
    { title: t('performance.errorPoints'), dataIndex: 'errorPoints', align: 'right', render: (v: number) => n(v) },
    { title: t('performance.credited'), dataIndex: 'credited', align: 'right', render: (v: number) => (v > 0 ? <Typography.Text type="success">−{n(v)}</Typography.Text> : n(v)) },
    {
      title: t('performance.net'),
      dataIndex: 'net',
      align: 'right',
      render: (v: number) => <Typography.Text strong type={v > 0 ? 'danger' : undefined} data-testid="net">{n(v)}</Typography.Text>,
    },
    ...(supervisor
      ? [
          {
            title: '',
            key: 'grant',
            width: 120,
            render: (_: unknown, a: AgentPerformance) => (
              <Button size="small" icon={<PlusOutlined />} onClick={(e) => {
                  // The row toggles its detail on click; the button must not.
                  e.stopPropagation();
                  setGranting(a);
                }} data-testid={`grant-${a.agentId}`}>
                {t('performance.grant')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <Flex vertical gap={12} data-testid="performance-page">
      <Flex justify="space-between" wrap gap={8}>
        <PeriodPicker period={period} onChange={setPeriod} testId="perf-period" />
        <Space>
          {board && (
            <Typography.Text type="secondary">
              {t('stats.range', { from: board.period.fromDay, to: board.period.toDay })}
            </Typography.Text>
          )}
          {board && (
            <ExportButtons
              testId="export-performance"
              table={() => ({
                name: `${t('performance.title')} ${board.period.fromDay}_${board.period.toDay}`,
                header: columns.filter((c) => c.key !== 'grant').map((c) => String(c.title)),
                rows: board.agents.map((a) => [a.agentName, a.handled, a.compliance, a.handlingMinutes, a.overtimePoints, a.errors, a.errorPoints, a.credited, a.net]),
              })}
            />
          )}
        </Space>
      </Flex>
      <Alert type="info" showIcon title={t('performance.rulesHint')} />
      {preparing && <PreparingNotice preparing={preparing} />}
      {/* While the cache is built there is no board yet, rather than an empty one. */}
      {!(preparing && !board) && <Card size="small" title={t('performance.title')}>
        <Table<AgentPerformance>
          size="small"
          rowKey="agentId"
          loading={loading}
          dataSource={board?.agents ?? []}
          columns={columns}
          pagination={false}
          expandable={{
            expandRowByClick: true,
            rowExpandable: (a) => a.lines.length > 0 || a.credits.length > 0,
            expandedRowRender: (a) => <AgentDetail agent={a} supervisor={supervisor} onRevoke={revoke} />,
          }}
          data-testid="performance-table"
        />
      </Card>}
      <GrantCreditModal agent={granting} onClose={() => setGranting(null)} onGranted={() => void load().then(() => void message.success(t('performance.granted')))} />
    </Flex>
  );
}

function AgentDetail({ agent, supervisor, onRevoke }: { agent: AgentPerformance; supervisor: boolean; onRevoke(c: Credit, reason: string): Promise<void> }) {
  const { t } = useTranslation();
  const timeZone = useShell((s) => s.status!.timeZone);
  const language = useShell((s) => s.language);
  const [reason, setReason] = useState('');
  const when = (ms: number) => formatDateTime(ms, timeZone, language).slice(0, -3);
  const explain = (l: ExplainedLine) => {
    if (l.kind === 'overtime') return t('performance.line.overtime', { minutes: formatNumber(l.lateMinutes, language), rule: l.rule });
    if (l.kind === 'credit') return t('performance.line.credit', { reason: l.reason });
    return l.errorId ? t('performance.line.error', { n: l.ordinal, reason: l.reason }) : t('performance.line.errorLate', { n: l.ordinal, minutes: formatNumber(l.lateMinutes ?? 0, language) });
  };
  return (
    <Flex vertical gap={12} data-testid={`detail-${agent.agentId}`}>
      <Table<ExplainedLine>
        size="small"
        rowKey={(l, i) => `${l.kind}-${l.at}-${i}`}
        dataSource={agent.lines}
        pagination={false}
        title={() => <Typography.Text strong>{t('performance.detail')}</Typography.Text>}
        columns={[
          { title: t('performance.at'), dataIndex: 'at', width: 150, render: when },
          { title: t('performance.ticket'), dataIndex: 'ticketNumber', width: 170, render: (n: string | null, l) => (n ? <Typography.Text code>{n}</Typography.Text> : l.kind === 'credit' ? <Tag color="green">{t('performance.credited')}</Tag> : '—') },
          { title: t('performance.explanation'), key: 'x', render: (_: unknown, l) => explain(l) },
          { title: t('performance.points'), dataIndex: 'points', align: 'right', width: 80, render: (p: number) => <Typography.Text type={p < 0 ? 'success' : 'danger'}>{p > 0 ? `+${p}` : `−${-p}`}</Typography.Text> },
        ]}
      />
      {agent.credits.length > 0 && (
        <Table<Credit>
          size="small"
          rowKey="id"
          dataSource={agent.credits}
          pagination={false}
          title={() => <Typography.Text strong>{t('performance.credits')}</Typography.Text>}
          columns={[
            { title: t('performance.at'), dataIndex: 'at', width: 150, render: when },
            { title: t('performance.points'), dataIndex: 'points', width: 80, align: 'right' },
            {
              title: t('performance.explanation'),
              key: 'reason',
              render: (_: unknown, c) => (
                <Space direction="vertical" size={0}>
                  <Typography.Text delete={c.revokedAt !== null}>{c.reason}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('performance.grantedBy', { by: c.grantedByName })}
                    {c.revokedAt !== null && ` · ${t('performance.revoked', { by: c.revokedByName ?? '', reason: c.revokeReason ?? '' })}`}
                  </Typography.Text>
                </Space>
              ),
            },
            {
              title: '',
              key: 'revoke',
              width: 100,
              render: (_: unknown, c) =>
                supervisor && c.revokedAt === null ? (
                  <Popconfirm
                    title={t('performance.revokeTitle')}
                    description={<Input placeholder={t('performance.revokeReason')} value={reason} onChange={(e) => setReason(e.target.value)} data-testid="revoke-reason" />}
                    okButtonProps={{ disabled: !reason.trim() }}
                    onConfirm={() => onRevoke(c, reason.trim()).then(() => setReason(''))}
                  >
                    <Button size="small" icon={<UndoOutlined />} data-testid={`revoke-${c.id}`}>
                      {t('performance.revoke')}
                    </Button>
                  </Popconfirm>
                ) : null,
            },
          ]}
        />
      )}
    </Flex>
  );
}

function GrantCreditModal({ agent, onClose, onGranted }: { agent: AgentPerformance | null; onClose(): void; onGranted(): void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [form] = Form.useForm<{ points: number; reason: string; at: dayjs.Dayjs }>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (agent) {
      form.setFieldsValue({ points: 1, reason: '', at: dayjs() });
      setError(null);
    }
  }, [agent, form]);
  const submit = async () => {
    const v = await form.validateFields();
    setSaving(true);
    try {
      await call('stats.grantCredit', { agentId: agent!.agentId, points: v.points, reason: v.reason.trim(), at: v.at.valueOf() });
      onClose();
      onGranted();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open={agent !== null} title={agent ? t('performance.grantTitle', { agent: agent.agentName }) : ''} onCancel={onClose} onOk={() => void submit()} confirmLoading={saving} destroyOnHidden data-testid="grant-modal">
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={() => void submit()}>
        <Form.Item name="points" label={t('performance.grantPoints')} rules={[{ required: true, type: 'number', min: 0.01, max: 100, message: t('validation.positive') }]}>
          <InputNumber min={0.01} max={100} step={0.5} style={{ width: 160 }} data-testid="grant-points" />
        </Form.Item>
        <Form.Item name="reason" label={t('performance.grantReason')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
          <Input.TextArea rows={2} maxLength={500} data-testid="grant-reason" />
        </Form.Item>
        <Form.Item name="at" label={t('performance.grantAt')} rules={[{ required: true }]}>
          <DatePicker allowClear={false} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
