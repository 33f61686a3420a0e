// The seat code of this PC, asked at set-up, when joining a centre and in the centre settings:
// one field, upper-cased as typed, checked with the core's own pattern (shared/validation.ts).
import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { SEAT_CODE_PATTERN } from '../../../../shared/validation';

export function SeatCodeField(props: { required?: boolean; placeholder?: string; testId?: string; help?: 'tooltip' | 'below' }) {
  const { t } = useTranslation();
  const help = t('setup.seatCodeHelp');
  return (
    <Form.Item
      name="seatCode"
      label={t('setup.seatCode')}
      {...(props.help === 'below' ? { extra: help } : { tooltip: help })}
      normalize={(v: string) => v.toUpperCase()}
      rules={[...(props.required ? [{ required: true, message: t('validation.required') }] : []), { pattern: SEAT_CODE_PATTERN, message: t('validation.seatCode') }]}
    >
      <Input placeholder={props.placeholder} maxLength={6} data-testid={props.testId} />
    </Form.Item>
  );
}
