/**
 * Roles of the workstation. 三员 (系统管理员, 安全保密管理员, 安全审计员) are separated duties of a
 * 涉密 system; the others are the question-bank roles.
 */
export const ROLES = ['sysadmin', 'secadmin', 'auditor', 'manager', 'author', 'reviewer'] as const;
export type Role = (typeof ROLES)[number];

export const roleNames: Readonly<Record<Role, string>> = {
  sysadmin: '系统管理员',
  secadmin: '安全保密管理员',
  auditor: '安全审计员',
  manager: '题库管理员',
  author: '命题人员',
  reviewer: '审核专家',
};

/** Who performs an operation. Every service call carries one. */
export interface Actor {
  /** Account id; null for the built-in local operator of a workstation without accounts yet. */
  readonly id: number | null;
  readonly username: string;
  readonly displayName: string;
  readonly roles: readonly Role[];
}

export function hasAnyRole(actor: Actor, roles: readonly Role[]): boolean {
  return roles.some((r) => actor.roles.includes(r));
}
