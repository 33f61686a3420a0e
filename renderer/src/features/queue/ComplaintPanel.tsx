// The complaint flow's record: category, the cause found, the responsible department, the outcome.
import { App, Button, Card, Form, Input, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Complaint, Department, TicketDetail } from '../../../../shared/tickets/types';
import { call } from '../../api';
import { useErrorText } from '../../app/errors';
import { useShell } from '../../app/store';
import { applyTicketResult } from './ticketDetails';

export const COMPLAINT_CATEGORIES = ['service', 'quality', 'timeliness', 'billing', 'other'] as const;

export function ComplaintPanel({ ticket, editable }: { ticket: TicketDetail; editable: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const language = useShell((s) => s.language);
  const [form] = Form.useForm<Complaint>();
  const [departments, setDepartments] = useState<Department[]>([]);
  const [busy, setBusy] = useState(false);
  useEffect(() => void call('departments.list', {}).then(setDepartments), []);
  useEffect(() => form.setFieldsValue(ticket.complaint ?? { category: '', cause: '', responsibleDepartmentId: null, outcome: '' }), [ticket.complaint, form]);
  const save = async (v: Complaint) => {
    setBusy(true);
    try {
      applyTicketResult(await call('tickets.updateComplaint', { id: ticket.id, complaint: { category: v.category ?? '', cause: v.cause ?? '', responsibleDepartmentId: v.responsibleDepartmentId ?? null, outcome: v.outcome ?? '' } }));
      void message.success(t('common.saved'));
    } catch (err) {
      void message.error(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title={t('complaint.title')}>
      <Form form={form} layout="vertical" disabled={!editable} onFinish={(v) => void save(v)} size="small">
        <Form.Item name="category" label={t('complaint.category')}>
          <Select options={COMPLAINT_CATEGORIES.map((c) => ({ value: c, label: t(`complaint.categories.${c}`) }))} />
        </Form.Item>
        <Form.Item name="cause" label={t('complaint.cause')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item name="responsibleDepartmentId" label={t('complaint.department')}>
          <Select allowClear options={departments.map((d) => ({ value: d.id, label: language === 'zh-CN' ? d.names.zh : d.names.en }))} />
        </Form.Item>
        <Form.Item name="outcome" label={t('complaint.outcome')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        {editable && (
          <Button htmlType="submit" loading={busy}>
            {t('common.save')}
          </Button>
        )}
      </Form>
    </Card>
  );
}
