// The inbox: every reminder this user should have seen (SLA warnings and breaches, callbacks
// due), read or unread, so nothing is lost when they were signed out or a toast was missed.
import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Drawer, Empty, Flex, List, Switch, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InboxItem } from '../../../../shared/callbacks/types';
import { formatDateTime } from '../../app/format';
import { useShell } from '../../app/store';
import { useQueue } from '../queue/store';
import { subscribeCallbacks, useCallbacks, useInbox } from './store';

const COLORS: Record<string, string> = { 'sla.warning': 'orange', 'sla.breach': 'red', 'callback.due': 'geekblue' };

export function InboxButton() {
  const { t } = useTranslation();
  const { items, unread, load, markRead } = useInbox();
  const [open, setOpen] = useState(false);
  const [unreadOnly, setUnreadOnly] = useState(false);
  const language = useShell((s) => s.language);
  const timeZone = useShell((s) => s.status?.timeZone ?? 'Asia/Shanghai');

  useEffect(() => subscribeCallbacks(), []);
  useEffect(() => {
    void load();
  }, [load]);

  const openItem = (item: InboxItem) => {
    void markRead([item.id]);
    setOpen(false);
    if (item.callback) {
      useShell.getState().navigate('callbacks');
      useCallbacks.getState().select(item.callback.id);
    } else if (item.ticket) {
      useShell.getState().navigate('queue');
      useQueue.getState().select(item.ticket.id);
    }
  };

  const shown = unreadOnly ? items.filter((i) => !i.read) : items;
  return (
    <>
      <Tooltip title={t('inbox.title')}>
        <Badge count={unread} size="small" overflowCount={99} data-testid="inbox-badge">
          <Button type="text" icon={<BellOutlined />} onClick={() => setOpen(true)} aria-label={t('inbox.open', { count: unread })} data-testid="inbox-open" />
        </Badge>
      </Tooltip>
      <Drawer
        open={open}
        onClose={() => setOpen(false)}
        size={440}
        title={t('inbox.title')}
        extra={
          <Flex gap={12} align="center">
            <Flex gap={6} align="center">
              <Switch size="small" checked={unreadOnly} onChange={setUnreadOnly} data-testid="inbox-unread-only" />
              <Typography.Text>{t('inbox.unreadOnly')}</Typography.Text>
            </Flex>
            <Button size="small" disabled={unread === 0} onClick={() => void markRead('all')} data-testid="inbox-mark-all">
              {t('inbox.markAllRead')}
            </Button>
          </Flex>
        }
      >
        <List<InboxItem>
          data-testid="inbox-list"
          dataSource={shown}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('inbox.empty')} /> }}
          renderItem={(item) => (
            <List.Item
              data-testid="inbox-item"
              data-read={item.read ? 'yes' : 'no'}
              onClick={() => openItem(item)}
              style={{ cursor: 'pointer', paddingInline: 8, background: item.read ? undefined : 'rgba(22,119,255,0.06)', borderRadius: 6 }}
            >
              <List.Item.Meta
                avatar={<Badge dot={!item.read} offset={[-2, 2]}><Tag color={COLORS[item.kind] ?? 'default'} style={{ marginInlineEnd: 0 }}>{t(`inbox.kind.${item.kind}`, { defaultValue: item.kind })}</Tag></Badge>}
                title={
                  <Flex justify="space-between" gap={8}>
                    <Typography.Text strong={!item.read} ellipsis>
                      {item.customerName ?? ''}
                      {item.ticket && <Typography.Text code style={{ marginInlineStart: 6 }}>{item.ticket.number}</Typography.Text>}
                    </Typography.Text>
                    <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
                      {formatDateTime(item.createdAt, timeZone, language).slice(5, -3)}
                    </Typography.Text>
                  </Flex>
                }
                description={
                  <span>
                    {item.callback ? (language === 'en' ? item.callback.ruleNames.en : item.callback.ruleNames.zh) : null}
                    {item.caughtUp && <Tag style={{ marginInlineStart: 6 }}>{t('inbox.caughtUp')}</Tag>}
                  </span>
                }
              />
            </List.Item>
          )}
        />
      </Drawer>
    </>
  );
}
