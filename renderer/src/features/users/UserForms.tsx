// The modal forms of user management: add, edit, reset password.
import { Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../../../shared/roles';
import type { UserSummary } from '../../../../shared/types';
import { markFieldErrors, useErrorText } from '../../app/errors';

export type UserDialog = { kind: 'add' } | { kind: 'edit'; user: UserSummary } | { kind: 'reset'; user: UserSummary };

export interface UserFormValues {
  name?: string;
  displayName?: string;
  role?: Role;
  password?: string;
}

export function UserFormModal(props: {
  dialog: UserDialog;
  onSubmit(values: UserFormValues): Promise<void>;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [form] = Form.useForm<UserFormValues>();
  const [busy, setBusy] = useState(false);
  // The error itself, translated at render: a language switch re-translates it.
  const [error, setError] = useState<unknown>(null);
  const { dialog } = props;
  const required = { required: true, message: t('validation.required') };
  const title =
    dialog.kind === 'add'
      ? t('users.add')
      : dialog.kind === 'edit'
        ? t('users.editTitle', { name: dialog.user.displayName })
        : t('users.resetTitle', { name: dialog.user.displayName });

  const submit = async () => {
    const values = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      await props.onSubmit(values);
      props.onClose();
    } catch (err) {
      if (!markFieldErrors(form, err, t)) setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={title}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      <Form<UserFormValues>
        form={form}
        layout="vertical"
        initialValues={dialog.kind === 'edit' ? { displayName: dialog.user.displayName, role: dialog.user.role } : { role: 'agent' }}
      >
        {dialog.kind === 'add' && (
          <Form.Item name="name" label={t('users.name')} rules={[required]}>
            <Input autoFocus data-testid="user-form-name" />
          </Form.Item>
        )}
        {dialog.kind !== 'reset' && (
          <>
            <Form.Item name="displayName" label={t('users.displayName')} rules={[required]}>
              <Input data-testid="user-form-display" />
            </Form.Item>
            <Form.Item name="role" label={t('users.role')} rules={[required]}>
              <Select data-testid="user-form-role" options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
            </Form.Item>
          </>
        )}
        {dialog.kind !== 'edit' && (
          <Form.Item
            name="password"
            label={dialog.kind === 'reset' ? t('users.newPassword') : t('setup.password')}
            rules={[required, { min: 8, message: t('validation.password.length') }]}
          >
            <Input.Password autoComplete="new-password" data-testid="user-form-password" />
          </Form.Item>
        )}
        {error !== null && <div style={{ color: '#ff4d4f' }}>{errorText(error)}</div>}
      </Form>
    </Modal>
  );
}
