import { DEMO_EMAILS, expect, test } from '../fixtures/auth';
import { importPoLines, seedPurchaseOrder } from '../fixtures/seed';
import { grid, rowOf } from '../fixtures/tables';

// A PO line's history drawer after an import changed it and a person edited it: who,
// when, the source (import batch, edit) and each field's before → after, as
// GET /api/purchase-order-lines/<id>/history gives them.

interface Event {
  at: string;
  actor: string;
  source: string;
  batchId: number | null;
  changeSetId: number | null;
  action: string;
  fields: { field: string; before: unknown; after: unknown }[];
}

const show = (v: unknown) => (v === null || v === undefined || v === '' ? '(blank)' : String(v));

test("a line's history shows who changed it, when, from which source, before → after", async ({ signIn }) => {
  const page = await signIn('procurement');
  const api = page.request;
  const [line] = await seedPurchaseOrder(api, 'grid-history', [{ promisedDate: '2034-01-05', qty: '8' }]);
  // A supplier's file changes the quantity (an import batch), then a person moves the date.
  await importPoLines(api, line!.poNumber, [{ promisedDate: '2034-01-05', qty: '10' }]);
  await page.goto(`/purchase-orders?poNumber=${line!.poNumber}`);
  const g = grid(page, 'Purchase-order lines');
  await rowOf(g, line!.key).getByRole('gridcell', { name: '2034-01-05', exact: true }).first().click();
  await page.keyboard.press('Enter');
  await page.getByLabel(`Promised of ${line!.key}`).fill('2034-01-19');
  await page.getByLabel(`Promised of ${line!.key}`).press('Enter');
  await page.getByRole('dialog', { name: 'Review 1 change' }).getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Saved: 1 row changed/ })).toBeVisible();

  const res = await api.get(`/api/purchase-order-lines/${line!.id}/history`);
  expect(res.status()).toBe(200);
  const { events } = (await res.json()) as { events: Event[] };
  const edit = events.find((e) => e.changeSetId !== null && e.fields.some((f) => f.field === 'promisedDate'));
  const imported = events.find((e) => e.batchId !== null && e.fields.some((f) => f.field === 'qty'));
  expect(edit).toMatchObject({ actor: DEMO_EMAILS.procurement, source: 'edit', fields: [{ field: 'promisedDate', before: '2034-01-05', after: '2034-01-19' }] });
  expect(imported).toBeDefined();

  await rowOf(g, line!.key).getByRole('button', { name: `History of ${line!.key}` }).click();
  const drawer = page.getByRole('dialog', { name: `History of ${line!.key}` });
  const changes = drawer.getByRole('region', { name: 'Changes' });
  for (const e of [edit!, imported!]) {
    const entry = changes.getByRole('listitem').filter({ hasText: `${e.action} by ${e.actor}, ${e.at.slice(0, 16).replace('T', ' ')} (${e.source}` });
    await expect(entry.first()).toBeVisible();
    if (e.batchId) await expect(entry.first()).toContainText(`batch ${e.batchId}`);
    if (e.changeSetId) await expect(entry.first()).toContainText(`change set ${e.changeSetId}`);
    for (const f of e.fields) await expect(entry.first()).toContainText(`${f.field}: ${show(f.before)} → ${show(f.after)}`);
  }
  await expect(drawer.getByRole('region', { name: 'Promises' })).toContainText(`2034-01-19 by ${DEMO_EMAILS.procurement} (edit)`);
  await drawer.getByRole('button', { name: 'Close' }).click();
  await expect(drawer).toBeHidden();
});
