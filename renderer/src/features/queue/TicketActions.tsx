// The actions the signed-in user may take on this ticket now: lifecycle steps, transfer, note,
// and (supervisors) recording an error. Each asks for a note where the timeline needs one.
import { AlertOutlined, CommentOutlined, SwapOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Modal, Radio, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { roleAllows } from '../../../../shared/roles';
import { allowedActions, mayWork, type TicketAction } from '../../../../shared/tickets/lifecycle';
import type { Department, StaffMember, TicketDetail } from '../../../../shared/tickets/types';
import { call } from '../../api';
import { useErrorText } from '../../app/errors';
import { useShell } from '../../app/store';
import { applyTicketResult } from './ticketDetails';

type Dialog = { kind: 'action'; action: TicketAction } | { kind: 'transfer' } | { kind: 'note' } | { kind: 'error' };

/** Steps whose note matters to whoever reads the timeline later. */
const ASKS_NOTE: TicketAction[] = ['wait', 'resolve', 'feedback', 'reopen'];
const PRIMARY: TicketAction[] = ['accept', 'resolve', 'feedback'];

export function TicketActions({ ticket }: { ticket: TicketDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const me = useShell((s) => s.status!.user!);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [busy, setBusy] = useState(false);
  const supervisor = roleAllows(me.role, 'supervisor');
  const assigneeId = ticket.assignee?.id ?? null;
  // The core's own rule (shared/tickets/lifecycle.ts): offer only what it will accept.
  const mayWorkIt = mayWork(me, assigneeId, 'transfer') === 'ok';
  const actions = allowedActions(ticket.status).filter((a) => mayWork(me, assigneeId, a) === 'ok');

  // Every action returns the ticket's new detail: the panel and the queue show it without asking again.
  const run = async (fn: () => Promise<TicketDetail>) => {
    setBusy(true);
    try {
      applyTicketResult(await fn());
      setDialog(null);
    } catch (err) {
      void message.error(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  const act = (action: TicketAction, note?: string) => run(() => call('tickets.act', note ? { id: ticket.id, action, note } : { id: ticket.id, action }));

  return (
    <>
      <Space wrap data-testid="ticket-actions">
        {actions.map((a) => (
          <Button
            key={a}
            type={PRIMARY.includes(a) ? 'primary' : 'default'}
            loading={busy}
            data-testid={`action-${a}`}
            onClick={() => (ASKS_NOTE.includes(a) ? setDialog({ kind: 'action', action: a }) : void act(a))}
          >
            {t(`action.${a}`)}
          </Button>
        ))}
        {mayWorkIt && ticket.status !== 'closed' && (
          <Button icon={<SwapOutlined />} onClick={() => setDialog({ kind: 'transfer' })} data-testid="action-transfer">
            {t('ticket.transfer')}
          </Button>
        )}
        <Button icon={<CommentOutlined />} onClick={() => setDialog({ kind: 'note' })} data-testid="action-note">
          {t('ticket.addNote')}
        </Button>
        {supervisor && ticket.assignee && (
          <Button danger icon={<AlertOutlined />} onClick={() => setDialog({ kind: 'error' })} data-testid="action-error">
            {t('ticket.recordError')}
          </Button>
        )}
      </Space>
      {dialog?.kind === 'action' && (
        <TextDialog
          title={t(`action.${dialog.action}`)}
          label={t(`ticket.noteFor.${dialog.action}`)}
          required={false}
          busy={busy}
          onOk={(text) => act(dialog.action, text || undefined)}
          onCancel={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'note' && (
        <TextDialog title={t('ticket.addNote')} label={t('ticket.noteText')} required busy={busy} onOk={(text) => run(() => call('tickets.note', { id: ticket.id, text }))} onCancel={() => setDialog(null)} />
      )}
      {dialog?.kind === 'error' && (
        <TextDialog
          title={t('ticket.recordErrorTitle', { name: ticket.assignee?.displayName })}
          label={t('ticket.errorReason')}
          required
          busy={busy}
          onOk={(reason) => run(() => call('tickets.recordError', { id: ticket.id, reason }))}
          onCancel={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'transfer' && <TransferDialog ticket={ticket} busy={busy} onCancel={() => setDialog(null)} onOk={(to, reason) => run(() => call('tickets.transfer', { id: ticket.id, to, reason }))} />}
    </>
  );
}

function TextDialog(props: { title: string; label: string; required: boolean; busy: boolean; onOk(text: string): void; onCancel(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ text: string }>();
  return (
    <Modal open title={props.title} okText={t('common.ok')} cancelText={t('common.cancel')} confirmLoading={props.busy} onCancel={props.onCancel} onOk={() => void form.validateFields().then((v) => props.onOk((v.text ?? '').trim()))} destroyOnHidden>
      <Form form={form} layout="vertical">
        <Form.Item name="text" label={props.label} rules={props.required ? [{ required: true, whitespace: true, message: t('validation.required') }] : []}>
          <Input.TextArea rows={3} autoFocus maxLength={2000} data-testid="dialog-text" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

type TransferTarget = { agentId: string } | { departmentId: string };

function TransferDialog(props: { ticket: TicketDetail; busy: boolean; onOk(to: TransferTarget, reason: string): void; onCancel(): void }) {
  const { t } = useTranslation();
  const language = useShell((s) => s.language);
  const [form] = Form.useForm<{ kind: 'agent' | 'department'; target: string; reason: string }>();
  const kind = Form.useWatch('kind', form) ?? 'agent';
  const [staff, setStaff] = useState<StaffMember[]>([]);
  const [departments, setDepartments] = useState<Department[]>([]);
  useEffect(() => {
    void call('staff.directory', {}).then(setStaff);
    void call('departments.list', {}).then(setDepartments);
  }, []);
  const options =
    kind === 'agent'
      ? staff.filter((s) => s.id !== props.ticket.assignee?.id).map((s) => ({ value: s.id, label: `${s.displayName} · ${t(`roles.${s.role}`)}` }))
      : departments.filter((d) => d.active).map((d) => ({ value: d.id, label: language === 'zh-CN' ? d.names.zh : d.names.en }));
  return (
    <Modal
      open
      title={t('ticket.transferTitle', { number: props.ticket.number })}
      okText={t('ticket.transfer')}
      cancelText={t('common.cancel')}
      confirmLoading={props.busy}
      onCancel={props.onCancel}
      onOk={() => void form.validateFields().then((v) => props.onOk(v.kind === 'agent' ? { agentId: v.target } : { departmentId: v.target }, v.reason.trim()))}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ kind: 'agent' }}>
        <Form.Item name="kind">
          <Radio.Group optionType="button" options={[{ value: 'agent', label: t('ticket.toAgent') }, { value: 'department', label: t('ticket.toDepartment') }]} onChange={() => form.setFieldValue('target', undefined)} />
        </Form.Item>
        <Form.Item name="target" label={kind === 'agent' ? t('ticket.toAgent') : t('ticket.toDepartment')} rules={[{ required: true, message: t('validation.required') }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={options} data-testid="transfer-target" />
        </Form.Item>
        <Form.Item name="reason" label={t('ticket.transferReason')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
