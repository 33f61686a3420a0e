// Roles of the centre's staff. Each role includes the rights of those before it.
export const ROLES = ['agent', 'supervisor', 'admin', 'wallboard'] as const;
export type Role = (typeof ROLES)[number];

/** Who may call a method: nobody signed in yet ('public'), any signed-in user, or a role and above. */
export type Access = 'public' | Role;

/** 'wallboard': a TV PC's board-only sign-in; it may read the board and nothing else. */
const rank: Record<Role, number> = { wallboard: 0, agent: 1, supervisor: 2, admin: 3 };

export function roleAllows(role: Role | undefined, access: Access): boolean {
  if (access === 'public') return true;
  if (!role) return false;
  return rank[role] >= rank[access];
}
