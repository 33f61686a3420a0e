// The departments tickets are forwarded to: everyone reads them, admins add and change them.
import { type departmentMethods } from '../../../shared/contract/departments';
import { recordAudit } from '../services/audit';
import { listDepartments, saveDepartment } from '../services/departments';
import type { HandlersOf } from './types';

export const departmentHandlers: HandlersOf<typeof departmentMethods> = {
  'departments.list': (_input, ctx) => listDepartments(ctx.db),

  'departments.save': ({ department: d }, ctx) => {
    saveDepartment(ctx.db, d, ctx.clock.now(), ctx.user.id);
    recordAudit(ctx, { action: 'department.save', subject: d.id, after: d });
    ctx.emit({ type: 'departments.changed' });
    return d;
  },
};
