// Who may do what, in one table. Pure data: the guard (lib/auth/guard.ts) reads it
// at every entry point, and the permission-matrix tests enumerate it, so an
// endpoint without a rule here cannot be reached and fails the tests.
import type { ImportKind } from '@/lib/validation/import-kinds';
import { ROLES, type Role } from './roles';

export type Capability =
  | 'read:workspace'
  | 'read:forecast'
  | 'create:scenario'
  | 'edit:data'
  | 'import:data'
  | 'manage:users'
  | 'manage:tokens'
  | 'read:audit';

const CAPABILITIES: Record<Role, readonly Capability[]> = {
  admin: ['read:workspace', 'read:forecast', 'create:scenario', 'edit:data', 'import:data', 'manage:users', 'manage:tokens', 'read:audit'],
  procurement: ['read:workspace', 'read:forecast', 'create:scenario', 'edit:data', 'import:data'],
  executive: ['read:workspace', 'read:forecast', 'create:scenario'],
};

export function can(role: Role, capability: Capability): boolean {
  return CAPABILITIES[role].includes(capability);
}

export function rolesWith(capability: Capability): Role[] {
  return ROLES.filter((r) => can(r, capability));
}

/** The import kinds a supplier's token may write: its own PO lines and its stock report. */
export const SUPPLIER_TOKEN_KINDS: readonly ImportKind[] = ['purchase-orders', 'inventory'];

interface EndpointBase {
  /** Who may call it; `public` endpoints (sign-in, health) are reachable signed out. */
  capability: Capability | 'public';
  /** Whether a supplier API token (for its own supplier only) may call it. */
  supplierToken: boolean;
}
export interface RouteEndpoint extends EndpointBase {
  type: 'route';
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The route file, relative to the repository root. */
  file: string;
}
export interface ActionEndpoint extends EndpointBase {
  type: 'action';
  file: string;
  exportName: string;
}
export type Endpoint = RouteEndpoint | ActionEndpoint;

/**
 * Every route handler and server action. Keys are what the guard is called with;
 * the matrix tests check that every mutating export under app/ is listed here.
 */
export const ENDPOINTS = {
  'POST /api/auth/[...all]': { type: 'route', method: 'POST', file: 'app/api/auth/[...all]/route.ts', capability: 'public', supplierToken: false },
  'GET /api/auth/[...all]': { type: 'route', method: 'GET', file: 'app/api/auth/[...all]/route.ts', capability: 'public', supplierToken: false },
  'GET /api/health': { type: 'route', method: 'GET', file: 'app/api/health/route.ts', capability: 'public', supplierToken: true },
  'GET /api/forecast': { type: 'route', method: 'GET', file: 'app/api/forecast/route.ts', capability: 'read:forecast', supplierToken: false },
  'POST /api/imports/[kind]': { type: 'route', method: 'POST', file: 'app/api/imports/[kind]/route.ts', capability: 'import:data', supplierToken: true },
  'POST /api/imports/inspect': { type: 'route', method: 'POST', file: 'app/api/imports/inspect/route.ts', capability: 'import:data', supplierToken: false },
  'POST /api/imports/batches/[id]/revert': {
    type: 'route',
    method: 'POST',
    file: 'app/api/imports/batches/[id]/revert/route.ts',
    capability: 'import:data',
    supplierToken: false,
  },
  'GET /api/purchase-order-lines': {
    type: 'route',
    method: 'GET',
    file: 'app/api/purchase-order-lines/route.ts',
    capability: 'read:workspace',
    supplierToken: false,
  },
  'PATCH /api/purchase-order-lines/[id]': {
    type: 'route',
    method: 'PATCH',
    file: 'app/api/purchase-order-lines/[id]/route.ts',
    capability: 'edit:data',
    supplierToken: false,
  },
  'POST /api/changes': { type: 'route', method: 'POST', file: 'app/api/changes/route.ts', capability: 'edit:data', supplierToken: false },
  'GET /api/changes': { type: 'route', method: 'GET', file: 'app/api/changes/route.ts', capability: 'read:workspace', supplierToken: false },
  'POST /api/changes/[id]/undo': { type: 'route', method: 'POST', file: 'app/api/changes/[id]/undo/route.ts', capability: 'edit:data', supplierToken: false },
  'POST /api/changes/[id]/redo': { type: 'route', method: 'POST', file: 'app/api/changes/[id]/redo/route.ts', capability: 'edit:data', supplierToken: false },
  'GET /api/purchase-order-lines/[id]/history': {
    type: 'route',
    method: 'GET',
    file: 'app/api/purchase-order-lines/[id]/history/route.ts',
    capability: 'read:workspace',
    supplierToken: false,
  },
  'GET /api/history': { type: 'route', method: 'GET', file: 'app/api/history/route.ts', capability: 'read:workspace', supplierToken: false },
  'GET /api/scenarios': { type: 'route', method: 'GET', file: 'app/api/scenarios/route.ts', capability: 'read:forecast', supplierToken: false },
  'POST /api/scenarios': { type: 'route', method: 'POST', file: 'app/api/scenarios/route.ts', capability: 'create:scenario', supplierToken: false },
  // Any role that saves what-ifs may ask; the handler lets only the scenario's creator or an admin delete it.
  'DELETE /api/scenarios/[name]': { type: 'route', method: 'DELETE', file: 'app/api/scenarios/[name]/route.ts', capability: 'create:scenario', supplierToken: false },
  // Tables (issue 14): the list endpoints, and each person's own layouts and saved views.
  'GET /api/items': { type: 'route', method: 'GET', file: 'app/api/items/route.ts', capability: 'read:workspace', supplierToken: false },
  'GET /api/inventory': { type: 'route', method: 'GET', file: 'app/api/inventory/route.ts', capability: 'read:workspace', supplierToken: false },
  'GET /api/suppliers': { type: 'route', method: 'GET', file: 'app/api/suppliers/route.ts', capability: 'read:workspace', supplierToken: false },
  'GET /api/bom-lines': { type: 'route', method: 'GET', file: 'app/api/bom-lines/route.ts', capability: 'read:workspace', supplierToken: false },
  'GET /api/table-preferences/[table]': {
    type: 'route',
    method: 'GET',
    file: 'app/api/table-preferences/[table]/route.ts',
    capability: 'read:workspace',
    supplierToken: false,
  },
  'PUT /api/table-preferences/[table]': {
    type: 'route',
    method: 'PUT',
    file: 'app/api/table-preferences/[table]/route.ts',
    capability: 'read:workspace',
    supplierToken: false,
  },
  'GET /api/saved-views': { type: 'route', method: 'GET', file: 'app/api/saved-views/route.ts', capability: 'read:workspace', supplierToken: false },
  'POST /api/saved-views': { type: 'route', method: 'POST', file: 'app/api/saved-views/route.ts', capability: 'read:workspace', supplierToken: false },
  'DELETE /api/saved-views/[id]': { type: 'route', method: 'DELETE', file: 'app/api/saved-views/[id]/route.ts', capability: 'read:workspace', supplierToken: false },
  createUserAction: { type: 'action', file: 'app/(app)/admin/users/create-user.ts', exportName: 'createUserAction', capability: 'manage:users', supplierToken: false },
  changeRoleAction: { type: 'action', file: 'app/(app)/admin/users/change-role.ts', exportName: 'changeRoleAction', capability: 'manage:users', supplierToken: false },
  issueTokenAction: { type: 'action', file: 'app/(app)/admin/tokens/issue-token.ts', exportName: 'issueTokenAction', capability: 'manage:tokens', supplierToken: false },
  acceptSupplierStockAction: {
    type: 'action',
    file: 'app/(app)/inventory/accept-supplier-stock.ts',
    exportName: 'acceptSupplierStockAction',
    capability: 'edit:data',
    supplierToken: false,
  },
  revokeTokenAction: { type: 'action', file: 'app/(app)/admin/tokens/revoke-token.ts', exportName: 'revokeTokenAction', capability: 'manage:tokens', supplierToken: false },
} as const satisfies Record<string, Endpoint>;

export type EndpointId = keyof typeof ENDPOINTS;

/** The pages of the workspace and what each needs; the nav hides the ones a role lacks. */
export const PAGES = {
  '/dashboard': 'read:workspace',
  '/items': 'read:workspace',
  // The create forms (issue 14): nested under their tables, for those who edit (pageForPath picks the longest match).
  '/items/new': 'edit:data',
  '/suppliers/new': 'edit:data',
  '/purchase-orders/new': 'edit:data',
  '/bom': 'read:workspace',
  '/inventory': 'read:workspace',
  '/purchase-orders': 'read:workspace',
  '/suppliers': 'read:workspace',
  '/imports': 'read:workspace',
  '/admin/users': 'manage:users',
  '/admin/tokens': 'manage:tokens',
  '/admin/audit': 'read:audit',
} as const satisfies Record<string, Capability>;

export type PagePath = keyof typeof PAGES;
