// User management for admins: the table and its actions.
import { KeyOutlined, PlusOutlined, StopOutlined, CheckCircleOutlined, EditOutlined } from '@ant-design/icons';
import { App, Button, Card, Popconfirm, Space, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserSummary } from '../../../../shared/types';
import { call } from '../../api';
import { useErrorText } from '../../app/errors';
import { formatDateTime } from '../../app/format';
import { roleColor } from '../../app/StatusBar';
import { useShell } from '../../app/store';
import { followUserEvents, useUsers } from './store';
import { UserFormModal, type UserDialog, type UserFormValues } from './UserForms';

export function UsersPanel() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const { value: users, loading, refresh } = useUsers();
  const me = useShell((s) => s.status!.user!);
  const timeZone = useShell((s) => s.status!.timeZone);
  const language = useShell((s) => s.language);
  const [dialog, setDialog] = useState<UserDialog | null>(null);

  useEffect(() => {
    refresh().catch((err: unknown) => void message.error(errorText(err)));
    return followUserEvents();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const submit = async (values: UserFormValues) => {
    if (!dialog) return;
    if (dialog.kind === 'add') {
      const u = await call('users.create', {
        name: values.name!,
        displayName: values.displayName!,
        role: values.role!,
        password: values.password!,
      });
      void message.success(t('users.created', { name: u.displayName }));
    } else if (dialog.kind === 'edit') {
      const u = await call('users.update', { id: dialog.user.id, displayName: values.displayName!, role: values.role! });
      void message.success(t('users.updated', { name: u.displayName }));
    } else {
      await call('users.resetPassword', { id: dialog.user.id, password: values.password! });
      void message.success(t('users.passwordReset', { name: dialog.user.displayName }));
    }
  };

  const setDisabled = async (user: UserSummary, disabled: boolean) => {
    try {
      await call('users.update', { id: user.id, disabled });
      void message.success(t('users.updated', { name: user.displayName }));
    } catch (err) {
      void message.error(errorText(err));
    }
  };

  return (
    <Card
      title={t('settings.users')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'add' })} data-testid="users-add">
          {t('users.add')}
        </Button>
      }
    >
      <Table<UserSummary>
        rowKey="id"
        loading={loading}
        dataSource={users}
        pagination={false}
        data-testid="users-table"
        columns={[
          {
            title: t('users.displayName'),
            dataIndex: 'displayName',
            render: (name: string, u) => (u.id === me.id ? `${name}${t('users.you')}` : name),
          },
          { title: t('users.name'), dataIndex: 'name' },
          { title: t('users.role'), dataIndex: 'role', render: (r: UserSummary['role']) => <Tag color={roleColor[r]}>{t(`roles.${r}`)}</Tag> },
          {
            title: t('users.status'),
            dataIndex: 'disabled',
            render: (d: boolean) => (d ? <Tag>{t('common.disabled')}</Tag> : <Tag color="green">{t('common.active')}</Tag>),
          },
          { title: t('users.createdAt'), dataIndex: 'createdAt', render: (ms: number) => formatDateTime(ms, timeZone, language) },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_, u) => (
              <Space size={0} wrap>
                <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setDialog({ kind: 'edit', user: u })}>
                  {t('common.edit')}
                </Button>
                <Button type="link" size="small" icon={<KeyOutlined />} onClick={() => setDialog({ kind: 'reset', user: u })}>
                  {t('users.resetPassword')}
                </Button>
                {u.id !== me.id &&
                  (u.disabled ? (
                    <Button type="link" size="small" icon={<CheckCircleOutlined />} onClick={() => void setDisabled(u, false)}>
                      {t('users.enable')}
                    </Button>
                  ) : (
                    <Popconfirm
                      title={t('users.confirmDisable', { name: u.displayName })}
                      okText={t('users.disable')}
                      cancelText={t('common.cancel')}
                      onConfirm={() => setDisabled(u, true)}
                    >
                      <Button type="link" size="small" danger icon={<StopOutlined />}>
                        {t('users.disable')}
                      </Button>
                    </Popconfirm>
                  ))}
              </Space>
            ),
          },
        ]}
      />
      {dialog && <UserFormModal dialog={dialog} onSubmit={submit} onClose={() => setDialog(null)} />}
    </Card>
  );
}
