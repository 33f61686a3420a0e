import { Alert, App, Button, Card, Form, Input, Select } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CentreSettings } from '../../../../shared/types';
import { call } from '../../api';
import { markFieldErrors, useErrorText } from '../../app/errors';
import { SeatCodeField } from '../setup/SeatCodeField';

export function CentrePanel({ editable }: { editable: boolean }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { message, modal } = App.useApp();
  // The seat code as saved: changing it is confirmed, since new ticket numbers carry it.
  const savedSeat = useRef<string | null>(null);
  const [form] = Form.useForm<CentreSettings>();
  const [busy, setBusy] = useState(false);
  const timeZones = useMemo(() => Intl.supportedValuesOf('timeZone').map((z) => ({ value: z, label: z })), []);

  useEffect(() => {
    call('centre.get', {})
      .then((c) => {
        savedSeat.current = c.seatCode;
        form.setFieldsValue(c);
      })
      .catch((err: unknown) => void message.error(errorText(err)));
    // Loaded once when the tab opens; later changes arrive through the shell's status.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const confirmSave = (values: CentreSettings) => {
    const before = savedSeat.current;
    if (!before || before === values.seatCode) return void save(values);
    modal.confirm({
      title: t('settings.seatChange.title', { from: before, to: values.seatCode }),
      content: t('settings.seatChange.body', { from: before, to: values.seatCode }),
      okText: t('settings.seatChange.ok'),
      cancelText: t('common.cancel'),
      okButtonProps: { danger: true, ...({ 'data-testid': 'seat-change-ok' } as Record<string, string>) },
      onOk: () => save(values),
    });
  };

  const save = async (values: CentreSettings) => {
    setBusy(true);
    try {
      await call('centre.update', values);
      savedSeat.current = values.seatCode;
      void message.success(t('common.saved'));
    } catch (err) {
      if (!markFieldErrors(form, err, t)) void message.error(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card style={{ maxWidth: 640 }}>
      {!editable && <Alert type="info" showIcon title={t('settings.centreReadOnly')} style={{ marginBottom: 16 }} />}
      <Form<CentreSettings> form={form} layout="vertical" disabled={!editable} onFinish={confirmSave}>
        <Form.Item name="centreName" label={t('setup.centreName')} rules={[{ required: true, message: t('validation.required') }]}>
          <Input />
        </Form.Item>
        <Form.Item name="timeZone" label={t('setup.timeZone')} rules={[{ required: true, message: t('validation.required') }]}>
          <Select showSearch options={timeZones} />
        </Form.Item>
        <SeatCodeField help="below" />
        {editable && (
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('common.save')}
          </Button>
        )}
      </Form>
    </Card>
  );
}
