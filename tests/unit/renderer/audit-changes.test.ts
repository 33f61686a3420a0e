import { describe, expect, it } from 'vitest';
import { actionKey, auditChanges } from '../../../renderer/src/features/audit/changes';

describe('audit changes as people read them', () => {
  it('lists only the fields that changed, before → after', () => {
    expect(auditChanges({ displayName: '王伟', role: 'agent', disabled: false }, { displayName: '王伟', role: 'supervisor', disabled: true })).toEqual([
      { field: 'role', before: 'agent', after: 'supervisor' },
      { field: 'disabled', before: 'false', after: 'true' },
    ]);
  });

  it('a creation shows every field set; lists are joined, nested objects compact', () => {
    expect(auditChanges(null, { name: '李娜', phones: ['138', '139'], birthday: { calendar: 'lunar', month: 8, day: 15 } })).toEqual([
      { field: 'name', before: null, after: '李娜' },
      { field: 'phones', before: null, after: '138、139' },
      { field: 'birthday', before: null, after: '{"calendar":"lunar","month":8,"day":15}' },
    ]);
    expect(auditChanges(null, null)).toEqual([]);
  });

  it('action names become translation keys without dots', () => {
    expect(actionKey('session.signInFailed')).toBe('audit.actions.session_signInFailed');
  });
});
