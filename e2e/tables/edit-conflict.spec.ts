import { apiClient } from '../fixtures/api';
import { DEMO_EMAILS, expect, test } from '../fixtures/auth';
import { seedPurchaseOrder } from '../fixtures/seed';
import { artifact, grid, linesOf, pasteInto, rowOf } from '../fixtures/tables';

// A conflict on the real server: the grid has read a line, a colleague (another
// signed-in session) changes it, then the person's edit of two of its fields is refused
// with both values shown. They keep the colleague's promised date and their own
// status; the API shows at every step that nothing was overwritten silently.

test("a colleague's change meanwhile is shown beside the person's; theirs kept for one field, yours for another", async ({ signIn }) => {
  const page = await signIn('procurement');
  const api = page.request;
  const colleague = await apiClient('admin');
  const [line] = await seedPurchaseOrder(api, 'grid-conflict', [{ promisedDate: '2033-07-01', qty: '8' }]);
  await page.goto(`/purchase-orders?poNumber=${line!.poNumber}`);
  const g = grid(page, 'Purchase-order lines');
  const promised = rowOf(g, line!.key).getByRole('gridcell', { name: '2033-07-01', exact: true }).first();
  await expect(promised).toBeVisible();

  // The colleague moves the date and changes the quantity after the grid read the line.
  const theirs = await colleague.post('/api/changes', {
    data: { changes: [{ entity: 'purchaseOrderLine', id: line!.id, version: line!.version, set: { promisedDate: '2033-07-15', qty: '24' } }], source: 'edit' },
  });
  expect(theirs.status(), await theirs.text()).toBe(200);
  const [changed] = await linesOf(api, line!.poNumber);
  expect(changed).toMatchObject({ promisedDate: '2033-07-15', version: line!.version + 1 });

  // The person, still looking at the old values, pastes a new date and status over the line (Promised, Status).
  await promised.click();
  await pasteInto(promised, '2033-07-08\tcancelled\n');
  const conflict = page.getByRole('dialog', { name: 'Someone else changed these rows' });
  await expect(conflict).toContainText(`${line!.key} changed by ${DEMO_EMAILS.admin}`);
  const date = conflict.getByRole('radiogroup', { name: `${line!.key} promised date` });
  const status = conflict.getByRole('radiogroup', { name: `${line!.key} status` });
  await expect(date.getByRole('radio', { name: 'Yours: 2033-07-08' })).toBeChecked();
  await expect(date.getByRole('radio', { name: 'Theirs: 2033-07-15' })).not.toBeChecked();
  await expect(status.getByRole('radio', { name: 'Yours: cancelled' })).toBeChecked();
  await expect(status.getByRole('radio', { name: 'Theirs: open' })).toBeVisible();
  await conflict.screenshot({ path: artifact('conflict-dialog.png') });
  await date.getByRole('radio', { name: 'Theirs: 2033-07-15' }).check();
  // Nothing was written while the choice is open.
  expect((await linesOf(api, line!.poNumber))[0]).toEqual(changed);

  await conflict.getByRole('button', { name: 'Send again with these values' }).click();
  const review = page.getByRole('dialog', { name: 'Review 1 change' });
  await expect(review.getByRole('row', { name: `${line!.key} status open cancelled` })).toBeVisible();
  await expect(review.getByRole('row', { name: new RegExp(`promisedDate`) })).toHaveCount(0);
  await review.getByRole('button', { name: 'Save changes' }).click();
  await expect(review).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: /^Saved: 1 row changed/ })).toBeVisible();

  // Their date and quantity stand, the person's status is applied, one version later.
  const [final] = await linesOf(api, line!.poNumber);
  expect(final).toMatchObject({ promisedDate: '2033-07-15', qty: changed!.qty, status: 'cancelled', version: changed!.version + 1 });
  const history = (await (await api.get(`/api/purchase-order-lines/${line!.id}/history`)).json()) as { events: { actor: string; fields: { field: string; before: unknown; after: unknown }[] }[] };
  expect(history.events.map((e) => [e.actor, e.fields.map((f) => f.field).sort()])).toEqual(
    expect.arrayContaining([
      [DEMO_EMAILS.procurement, ['status']],
      [DEMO_EMAILS.admin, ['promisedDate', 'qty']],
    ]),
  );
  await colleague.dispose();
});
