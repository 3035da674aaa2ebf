import type { APIRequestContext, APIResponse } from '@playwright/test';
import { can, ENDPOINTS, type EndpointId } from '../../lib/auth/permissions';
import { apiClient, issueToken } from '../fixtures/api';
import { expect, test } from '../fixtures/auth';
import { actionResult, builtServerActions, callFormAction } from '../fixtures/server-actions';

// Every endpoint in lib/auth/permissions.ts × every kind of caller, through the
// real server. Each probe is a request its rule must let through (and then fail
// validation or succeed harmlessly) or refuse with 401/403. An endpoint added to
// the table without a probe here fails; one added to the app without a rule fails
// lib/auth/permissions.test.ts and the manifest check below.

type Caller = 'signed-out' | 'admin' | 'procurement' | 'executive' | 'own-supplier-token' | 'other-supplier-token';
const CALLERS: Caller[] = ['signed-out', 'admin', 'procurement', 'executive', 'own-supplier-token', 'other-supplier-token'];

const NVIDIA_PO_CSV = 'supplier,po_number,line,sku,qty,promised_date,status\nNVIDIA,PO-MATRIX,1,A100-SXM4-80G,8,2027-01-04,open\n';
const ACTION_FIELDS: Record<string, Record<string, string>> = {
  createUserAction: { name: '', email: 'not-an-email', password: 'x', role: 'executive' },
  changeRoleAction: { userId: 'no-such-user', role: 'executive' },
  issueTokenAction: { name: '', supplier: '', expiresInDays: '0' },
  revokeTokenAction: { tokenId: '999999' },
  acceptSupplierStockAction: { reportId: '999999', onHand: '1' },
};

type Probe = (ctx: APIRequestContext) => Promise<APIResponse>;
type RouteId = { [K in EndpointId]: (typeof ENDPOINTS)[K]['type'] extends 'route' ? K : never }[EndpointId];
const ROUTE_PROBES: Record<RouteId, Probe> = {
  'POST /api/auth/[...all]': (c) => c.post('/api/auth/sign-in/email', { data: {} }),
  'GET /api/auth/[...all]': (c) => c.get('/api/auth/get-session'),
  'GET /api/health': (c) => c.get('/api/health'),
  'GET /api/forecast': (c) => c.get('/api/forecast?horizonDays=not-a-number'),
  'POST /api/imports/[kind]': (c) =>
    c.post('/api/imports/purchase-orders?dryRun=1&filename=matrix.csv', { headers: { 'content-type': 'text/csv' }, data: NVIDIA_PO_CSV }),
  'POST /api/imports/inspect': (c) =>
    c.post('/api/imports/inspect?kind=purchase-orders', { headers: { 'content-type': 'text/csv' }, data: NVIDIA_PO_CSV }),
  'POST /api/imports/batches/[id]/revert': (c) => c.post('/api/imports/batches/999999/revert'),
  'GET /api/purchase-order-lines': (c) => c.get('/api/purchase-order-lines?limit=1'),
  'PATCH /api/purchase-order-lines/[id]': (c) => c.patch('/api/purchase-order-lines/1', { data: {} }),
  // Change sets: a request naming nothing, a change set that does not exist; reads of a row that may not exist.
  'POST /api/changes': (c) => c.post('/api/changes', { data: { changes: [] } }),
  'GET /api/changes': (c) => c.get('/api/changes?mine=1&limit=1'),
  'POST /api/changes/[id]/undo': (c) => c.post('/api/changes/999999/undo'),
  'POST /api/changes/[id]/redo': (c) => c.post('/api/changes/999999/redo'),
  'GET /api/purchase-order-lines/[id]/history': (c) => c.get('/api/purchase-order-lines/1/history'),
  'GET /api/history': (c) => c.get('/api/history?entity=item&id=1'),
  'GET /api/scenarios': (c) => c.get('/api/scenarios'),
  // An adjustment of no known kind: refused with 422 once the rule lets the caller through, nothing saved.
  'POST /api/scenarios': (c) => c.post('/api/scenarios', { data: { name: 'matrix probe', adjustments: [{ kind: 'nothing' }] } }),
  'DELETE /api/scenarios/[name]': (c) => c.delete('/api/scenarios/no-such-scenario-matrix'),
  'GET /api/items': (c) => c.get('/api/items?limit=1'),
  'GET /api/inventory': (c) => c.get('/api/inventory?limit=1'),
  'GET /api/suppliers': (c) => c.get('/api/suppliers?limit=1'),
  'GET /api/bom-lines': (c) => c.get('/api/bom-lines?limit=1'),
  'GET /api/table-preferences/[table]': (c) => c.get('/api/table-preferences/items'),
  'PUT /api/table-preferences/[table]': (c) => c.put('/api/table-preferences/no-such-table', { data: {} }),
  'GET /api/saved-views': (c) => c.get('/api/saved-views?table=items'),
  'POST /api/saved-views': (c) => c.post('/api/saved-views', { data: {} }),
  'DELETE /api/saved-views/[id]': (c) => c.delete('/api/saved-views/999999'),
};

function expectedAllowed(id: EndpointId, caller: Caller): boolean {
  const rule = ENDPOINTS[id];
  if (caller === 'signed-out') return rule.capability === 'public';
  // The other supplier's token sends NVIDIA's rows: refused whole, whatever the endpoint.
  if (caller === 'other-supplier-token') return rule.capability === 'public' && rule.supplierToken;
  if (caller === 'own-supplier-token') return rule.supplierToken;
  return rule.capability === 'public' || can(caller, rule.capability);
}

test.describe('permission matrix', () => {
  const clients = new Map<Caller, APIRequestContext>();

  test.beforeAll(async ({ browser }) => {
    const page = await browser.newPage();
    const admin = await apiClient('admin');
    // Tokens are issued the way an admin does it: on the admin page.
    const state = await admin.storageState();
    await page.context().addCookies(state.cookies);
    const own = await issueToken(page, 'NVIDIA', 'matrix NVIDIA');
    const other = await issueToken(page, 'SUPERMICRO', 'matrix SUPERMICRO');
    await page.close();
    clients.set('admin', admin);
    for (const c of ['signed-out', 'procurement', 'executive'] as const) clients.set(c, await apiClient(c));
    clients.set('own-supplier-token', await apiClient({ token: own }));
    clients.set('other-supplier-token', await apiClient({ token: other }));
  });
  test.afterAll(async () => {
    for (const c of clients.values()) await c.dispose();
  });

  test('every route handler in the table answers each caller as its rule says', async () => {
    for (const id of Object.keys(ROUTE_PROBES) as (keyof typeof ROUTE_PROBES)[]) {
      for (const caller of CALLERS) {
        const res = await ROUTE_PROBES[id](clients.get(caller)!);
        const what = `${id} as ${caller} → ${res.status()} ${(await res.text()).slice(0, 200)}`;
        expect(res.status(), what).toBeLessThan(500);
        if (expectedAllowed(id, caller)) expect([401, 403], what).not.toContain(res.status());
        else expect([401, 403], what).toContain(res.status());
      }
    }
  });

  test('every server action in the build answers each caller as its rule says', async () => {
    const actions = builtServerActions();
    for (const a of actions) {
      const id = a.exportName as EndpointId;
      expect(ENDPOINTS[id], `server action ${a.exportName} in ${a.file} has no rule in lib/auth/permissions.ts`).toBeDefined();
      expect(ENDPOINTS[id]).toMatchObject({ type: 'action', file: a.file });
      const fields = ACTION_FIELDS[a.exportName];
      expect(fields, `no probe for server action ${a.exportName}`).toBeDefined();
      for (const caller of CALLERS) {
        const res = await callFormAction(clients.get(caller)!, a, fields!);
        const result = await actionResult(res);
        const what = `${a.exportName} as ${caller} → ${res.status()} ${JSON.stringify(result)}`;
        expect(res.status(), what).toBe(200);
        if (expectedAllowed(id, caller)) expect([401, 403], what).not.toContain(result?.status);
        else expect([401, 403], what).toContain(result?.status);
      }
    }
    // Every action in the table is in the build (none was renamed away).
    const built = new Set(actions.map((a) => a.exportName));
    for (const [id, rule] of Object.entries(ENDPOINTS)) if (rule.type === 'action') expect(built.has(id), `${id} is not in the build`).toBe(true);
  });

  test('a server action called from another origin is refused and does nothing', async () => {
    const action = builtServerActions().find((a) => a.exportName === 'createUserAction')!;
    const admin = clients.get('admin')!;
    const res = await admin.post(action.page, {
      headers: { 'Next-Action': action.id, origin: 'http://evil.example' },
      multipart: { '0': JSON.stringify([{ ok: false }, '$K1']), '1_name': 'Mallory', '1_email': 'mallory@evil.example', '1_password': 'mallory-password-1', '1_role': 'admin' },
    });
    expect(res.status()).not.toBe(200);
    expect(await actionResult(res)).toBeNull();
  });

  test("a supplier token's file with another supplier's rows is refused whole, naming the rows", async () => {
    const res = await ROUTE_PROBES['POST /api/imports/[kind]'](clients.get('other-supplier-token')!);
    expect(res.status()).toBe(403);
    const body = (await res.json()) as { rows: { row: number; column: string }[] };
    expect(body.rows).toEqual([expect.objectContaining({ row: 2, column: 'supplier' })]);
  });

  test("a supplier token's stock report may name only what that supplier supplies, and is never on-hand inventory", async () => {
    const token = clients.get('own-supplier-token')!;
    // NVIDIA supplies GPUs; it does not supply the concrete of a Des Moines slab.
    const res = await token.post('/api/imports/inventory?filename=stock.csv', {
      headers: { 'content-type': 'text/csv' },
      data: 'sku,location,on_hand\nA100-SXM4-80G,NVIDIA-MATRIX,8\nCONCRETE-M3-DSM2,NVIDIA-MATRIX,100\n',
    });
    expect(res.status()).toBe(403);
    expect(((await res.json()) as { rows: { row: number; column: string }[] }).rows).toEqual([expect.objectContaining({ row: 3, column: 'sku' })]);
    // Another supplier's location is not its own either.
    const elsewhere = await token.post('/api/imports/inventory?filename=stock.csv', { headers: { 'content-type': 'text/csv' }, data: 'sku,location,on_hand\nA100-SXM4-80G,WH-RENO,8\n' });
    expect(elsewhere.status()).toBe(403);
  });

  test('a supplier token can read nothing', async () => {
    const token = clients.get('own-supplier-token')!;
    expect((await token.get('/api/forecast')).status()).toBe(403);
    expect((await token.post('/api/imports/items', { headers: { 'content-type': 'text/csv' }, data: 'sku\n' })).status()).toBe(403);
    // Pages need a session: a token gets the sign-in page, not data.
    const page = await token.get('/purchase-orders', { maxRedirects: 0 });
    expect(page.status()).toBe(307);
  });
});
