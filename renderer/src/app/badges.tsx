// Small tags that say what kind of customer or ticket this is, the same everywhere.
import { CrownFilled } from '@ant-design/icons';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TicketStatus } from '../../../shared/tickets/lifecycle';
import type { CustomerRole, CustomerTier } from '../../../shared/tickets/types';

export function TierTag({ tier }: { tier: CustomerTier }) {
  const { t } = useTranslation();
  return tier === 'key' ? (
    <Tag color="gold" icon={<CrownFilled />} data-testid="tier-key">
      {t('tier.key')}
    </Tag>
  ) : null;
}

export function RoleTag({ role }: { role: CustomerRole }) {
  const { t } = useTranslation();
  return role === 'partner' ? <Tag color="cyan">{t('customerRole.partner')}</Tag> : null;
}

export const statusColor: Record<TicketStatus, string> = {
  new: 'blue',
  accepted: 'geekblue',
  in_progress: 'processing',
  waiting: 'default',
  resolved: 'green',
  feedback_given: 'success',
  closed: 'default',
};

export function StatusTag({ status }: { status: TicketStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={statusColor[status]} style={{ marginInlineEnd: 0 }}>
      {t(`status.${status}`)}
    </Tag>
  );
}
