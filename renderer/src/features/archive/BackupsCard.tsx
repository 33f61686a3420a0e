// Settings → Database → Backups: the list, a backup now, restoring one (confirmed; the current
// state is backed up first and the database reopened), and copies to another folder on a schedule.
import { App, Button, Card, Form, Input, InputNumber, Space, Table, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupEntry, BackupSettings } from '../../../../shared/archive';
import { call, onEvent } from '../../api';
import { useErrorText } from '../../app/errors';
import { formatDateTime } from '../../app/format';
import { useShell } from '../../app/store';

export function BackupsCard() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { message, modal } = App.useApp();
  const timeZone = useShell((s) => s.status!.timeZone);
  const language = useShell((s) => s.language);
  const [backups, setBackups] = useState<BackupEntry[]>([]);
  const [settings, setSettings] = useState<BackupSettings | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ copyTo: string; everyHours: number }>();

  const load = useCallback(async () => {
    try {
      setBackups(await call('backups.list', {}));
      const s = await call('backups.settings', {});
      setSettings(s);
      form.setFieldsValue({ copyTo: s.copyTo ?? '', everyHours: s.everyHours });
    } catch (err) {
      void message.error(errorText(err));
    }
  }, [form, message, errorText]);

  useEffect(() => {
    void load();
    const offs = [
      onEvent('backups.changed', () => {
        setBusy(false);
        void message.success(t('backups.made'));
        void load();
      }),
      onEvent('db.restoreStaged', (e) => void message.loading(t('backups.staged', { name: e.backup }), 0)),
    ];
    return () => offs.forEach((o) => o());
  }, [load, message, t]);

  const backUpNow = async () => {
    setBusy(true);
    try {
      await call('backups.create', {});
    } catch (err) {
      setBusy(false);
      void message.error(errorText(err));
    }
  };

  const restore = (b: BackupEntry) => {
    modal.confirm({
      title: t('backups.restoreTitle', { when: formatDateTime(b.at, timeZone, language) }),
      content: t('backups.restoreBody'),
      okText: t('backups.restoreOk'),
      okButtonProps: { danger: true, 'data-testid': 'restore-confirm' } as { danger: boolean },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await call('backups.restore', { name: b.name, confirm: true });
        } catch (err) {
          void message.error(errorText(err));
        }
      },
    });
  };

  const save = async (v: { copyTo: string; everyHours: number }) => {
    try {
      setSettings(await call('backups.saveSettings', { copyTo: v.copyTo.trim() || null, everyHours: v.everyHours }));
      void message.success(t('backups.saved'));
    } catch (err) {
      void message.error(errorText(err));
    }
  };

  return (
    <Card
      title={t('backups.title')}
      style={{ maxWidth: 900 }}
      data-testid="backups"
      extra={
        <Button onClick={() => void backUpNow()} loading={busy} data-testid="backup-now">
          {t('backups.now')}
        </Button>
      }
    >
      <Table<BackupEntry>
        size="small"
        rowKey="name"
        pagination={false}
        dataSource={backups}
        scroll={{ y: 280 }}
        columns={[
          { title: t('backups.at'), dataIndex: 'at', width: 190, render: (v: number) => formatDateTime(v, timeZone, language) },
          { title: t('backups.reason'), dataIndex: 'reason', width: 120, render: (r: string) => t(`backups.reasons.${r}`, { defaultValue: r }) },
          { title: t('backups.size'), dataIndex: 'sizeBytes', width: 100, render: (s: number) => `${(s / 1024).toFixed(0)} KB` },
          {
            title: '',
            width: 100,
            render: (_: unknown, b) => (
              <Button size="small" danger onClick={() => restore(b)} data-testid={`restore-${b.name}`}>
                {t('backups.restore')}
              </Button>
            ),
          },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('backups.copyTitle')}
      </Typography.Title>
      <Form form={form} layout="inline" onFinish={(v) => void save(v)}>
        <Form.Item name="copyTo" label={t('backups.copyTo')} extra={t('backups.copyHint')} style={{ minWidth: 420 }}>
          <Input placeholder="D:\\KefuBackups" data-testid="backup-copy-to" />
        </Form.Item>
        <Form.Item name="everyHours" label={t('backups.everyHours')}>
          <InputNumber min={1} max={744} />
        </Form.Item>
        <Form.Item>
          <Button htmlType="submit">{t('backups.save')}</Button>
        </Form.Item>
      </Form>
      {settings && (
        <Space style={{ marginTop: 8 }}>
          <Typography.Text type="secondary">
            {settings.lastCopyAt ? t('backups.lastCopy', { when: formatDateTime(settings.lastCopyAt, timeZone, language) }) : t('backups.never')}
          </Typography.Text>
          {settings.lastCopyError && <Typography.Text type="danger">{t('backups.lastError', { message: settings.lastCopyError })}</Typography.Text>}
        </Space>
      )}
    </Card>
  );
}
