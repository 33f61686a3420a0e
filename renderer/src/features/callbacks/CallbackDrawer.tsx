// One callback: script, questions scored 1–5, the call's outcome and notes. Keys 1–4 choose the
// outcome (outside text fields), Ctrl+Enter records it. An unsatisfied call opens a complaint.
import { Alert, App, Button, Checkbox, Descriptions, Drawer, Flex, Input, Radio, Rate, Space, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CALL_OUTCOMES, type CallOutcome } from '../../../../shared/callbacks/rules';
import type { CallbackView } from '../../../../shared/callbacks/types';
import { call } from '../../api';
import { useErrorText } from '../../app/errors';
import { useShell } from '../../app/store';
import { useQueue } from '../queue/store';

export function CallbackDrawer({ callback, onClose }: { callback: CallbackView | null; onClose(): void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const language = useShell((s) => s.language);
  const me = useShell((s) => s.status?.user);
  const [outcome, setOutcome] = useState<CallOutcome>('reached');
  const [scores, setScores] = useState<number[]>([]);
  const [notes, setNotes] = useState('');
  const [unsatisfied, setUnsatisfied] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const id = callback?.id;
  const questionCount = callback?.rule.questions.length ?? 0;
  useEffect(() => {
    setOutcome('reached');
    setScores(Array.from({ length: questionCount }, () => 0));
    setNotes('');
    setUnsatisfied(false);
    setError(null);
  }, [id, questionCount]);

  const ownService = !!callback?.excludedUser && callback.excludedUser.id === me?.id;
  const supervisorOnly = callback?.rule.caller === 'supervisor' && me?.role === 'agent';
  const blocked = ownService || supervisorOnly;
  const missingScores = outcome === 'reached' && scores.some((s) => s < 1);

  const save = async () => {
    if (!callback || busy || blocked || missingScores) return;
    setBusy(true);
    setError(null);
    try {
      const r = await call('callbacks.record', { id: callback.id, outcome, scores: outcome === 'reached' ? scores : [], notes: notes.trim(), unsatisfied: outcome === 'reached' && unsatisfied });
      if (r.complaintTicket) {
        const number = r.complaintTicket.number;
        const ticketId = r.complaintTicket.id;
        void message.warning({
          content: (
            <span data-testid="callback-complaint">
              {t('callbacks.complaintOpened', { number })}{' '}
              <Typography.Link
                onClick={() => {
                  useShell.getState().navigate('queue');
                  useQueue.getState().select(ticketId);
                }}
              >
                {t('callbacks.openComplaint')}
              </Typography.Link>
            </span>
          ),
          duration: 8,
        });
      } else void message.success(t('callbacks.saved'));
      onClose();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  const saveRef = useRef(save);
  saveRef.current = save;
  useEffect(() => {
    if (!callback) return;
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        void saveRef.current();
        return;
      }
      const target = e.target as HTMLElement | null;
      if (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA') && (target as HTMLInputElement).type !== 'radio') return;
      const i = ['1', '2', '3', '4'].indexOf(e.key);
      if (i >= 0 && !e.ctrlKey && !e.altKey && !e.metaKey) setOutcome(CALL_OUTCOMES[i]!);
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [callback]);

  const c = callback;
  return (
    <Drawer
      open={!!c}
      onClose={onClose}
      size={520}
      title={c ? <span data-testid="callback-drawer-title">{t('callbacks.drawerTitle', { customer: c.customer.name })}</span> : null}
      footer={
        <Flex justify="space-between" align="center">
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('callbacks.saveHint')}
          </Typography.Text>
          <Button type="primary" loading={busy} disabled={blocked || missingScores} onClick={() => void save()} data-testid="callback-save">
            {t('callbacks.save')}
          </Button>
        </Flex>
      }
    >
      {c && (
        <div data-testid="callback-drawer">
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="callback-error" />}
          {ownService && <Alert type="warning" showIcon title={t('callbacks.ownService')} style={{ marginBottom: 12 }} data-testid="callback-own-service" />}
          {supervisorOnly && <Alert type="info" showIcon title={t('callbacks.supervisorOnly')} style={{ marginBottom: 12 }} />}
          <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('callbacks.columns.rule')}>
              <Tag color="geekblue">{language === 'en' ? c.rule.names.en : c.rule.names.zh}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('callbacks.phones')}>
              <Space size={12} wrap style={{ fontVariantNumeric: 'tabular-nums' }}>
                {c.customer.phones.map((p) => (
                  <Typography.Text key={p} copyable>
                    {p}
                  </Typography.Text>
                ))}
              </Space>
            </Descriptions.Item>
            {(c.originTicket || c.asset) && (
              <Descriptions.Item label={t('callbacks.columns.about')}>
                {c.originTicket ? t('callbacks.originTicket', { number: c.originTicket.number }) : c.asset!.label}
                {c.excludedUser && <Typography.Text type="secondary"> · {t('callbacks.servedBy', { name: c.excludedUser.displayName })}</Typography.Text>}
              </Descriptions.Item>
            )}
            <Descriptions.Item label={t('callbacks.columns.due')}>
              {c.dueDay}
              {c.attempts > 0 && c.lastOutcome && (
                <Typography.Text type="secondary"> · {t('callbacks.attempts', { count: c.attempts })} {t('callbacks.lastOutcome', { outcome: t(`callbacks.outcome.${c.lastOutcome}`) })}</Typography.Text>
              )}
            </Descriptions.Item>
          </Descriptions>

          {c.rule.script && (
            <>
              <Typography.Text strong>{t('callbacks.script')}</Typography.Text>
              <Typography.Paragraph style={{ background: 'rgba(22,119,255,0.06)', padding: '8px 12px', borderRadius: 6, marginTop: 4 }} data-testid="callback-script">
                {c.rule.script}
              </Typography.Paragraph>
            </>
          )}

          <Radio.Group
            value={outcome}
            onChange={(e) => setOutcome(e.target.value as CallOutcome)}
            optionType="button"
            buttonStyle="solid"
            style={{ marginBottom: 16, display: 'flex', flexWrap: 'wrap' }}
            data-testid="callback-outcome"
            options={CALL_OUTCOMES.map((o, i) => ({ value: o, label: `${i + 1} ${t(`callbacks.outcome.${o}`)}` }))}
          />

          {outcome === 'reached' && (
            <div style={{ marginBottom: 12 }}>
              <Typography.Text strong>{t('callbacks.questions')}</Typography.Text>
              {c.rule.questions.length === 0 ? (
                <Typography.Paragraph type="secondary">{t('callbacks.noQuestions')}</Typography.Paragraph>
              ) : (
                <Flex vertical gap={6} style={{ marginTop: 6 }}>
                  {c.rule.questions.map((q, i) => (
                    <Flex key={q} justify="space-between" align="center" data-testid="callback-question">
                      <span>{q}</span>
                      <Rate value={scores[i] ?? 0} onChange={(v) => setScores((s) => s.map((x, j) => (j === i ? v : x)))} />
                    </Flex>
                  ))}
                </Flex>
              )}
              <Checkbox checked={unsatisfied} onChange={(e) => setUnsatisfied(e.target.checked)} style={{ marginTop: 8 }} data-testid="callback-unsatisfied">
                {t('callbacks.unsatisfied')}
              </Checkbox>
            </div>
          )}

          <Typography.Text strong>{t('callbacks.notes')}</Typography.Text>
          <Input.TextArea
            value={notes}
            onChange={(e) => setNotes(e.target.value)}
            maxLength={2000}
            showCount
            autoSize={{ minRows: 3, maxRows: 8 }}
            placeholder={t('callbacks.notesPlaceholder')}
            style={{ marginTop: 4 }}
            data-testid="callback-notes"
          />
        </div>
      )}
    </Drawer>
  );
}
