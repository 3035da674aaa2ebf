/** People sign in with one of these roles; suppliers never sign in (they hold API tokens). */
export const ROLES = ['admin', 'procurement', 'executive'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Admin',
  procurement: 'Procurement',
  executive: 'Executive',
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
