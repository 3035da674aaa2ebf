import fs from 'node:fs';
import path from 'node:path';
import type { APIRequestContext, Page } from '@playwright/test';
import { expect, test } from '../fixtures/auth';
import { addDays, demoAnchor } from '../../lib/demo';
import { seedPurchaseOrder } from '../fixtures/seed';

// Procurement imports a pipe supplier's own export, as German Excel writes it:
// Windows-1252, semicolons, German headers, feet, decimal commas, DD.MM.YYYY dates,
// and two date columns: the date we asked for ("Liefertermin") and the date the
// supplier confirms ("Bestätigter Termin"), which is the promise. The first file has
// an impossible date and is refused by row and column; the corrected file previews
// as a diff of moved promised dates with the forecast's change, is committed as a
// batch, and reverted.

const SUPPLIER = 'FERGUSON';
const FEET_TO_METRES = 0.3048;
const SHOTS = 'test-results/import-ui';

const german = (iso: string) => iso.split('-').reverse().join('.');

/** Metres as the supplier writes feet: "19.685,039370" (six decimals scale back to the stored metres exactly). */
function feet(metres: number): string {
  const [int = '0', frac = ''] = (metres / FEET_TO_METRES).toFixed(6).split('.');
  return `${int.replace(/\B(?=(\d{3})+(?!\d))/g, '.')},${frac}`;
}

interface FileLine {
  po: string;
  line: number;
  qty: number;
  promised: string;
}

/**
 * This spec's own DN100 pipe lines at Ferguson, seeded before it runs: two POs due in
 * plan weeks 14–16, while the demo's ramp waits on pipe (lib/demo/story.ts), so a
 * four-week slip of one of them costs GPU-days.
 */
async function seedPipeLines(api: APIRequestContext): Promise<FileLine[]> {
  const week = (n: number, day = 0) => addDays(demoAnchor(), n * 7 + day);
  const seeded = [
    ...(await seedPurchaseOrder(api, 'pipe-a', [
      { supplier: SUPPLIER, sku: 'PIPE-DN100-M', qty: '1200', promisedDate: week(14) },
      { supplier: SUPPLIER, sku: 'PIPE-DN100-M', qty: '900', promisedDate: week(14, 2) },
      { supplier: SUPPLIER, sku: 'PIPE-DN100-M', qty: '1500', promisedDate: week(15) },
    ])),
    ...(await seedPurchaseOrder(api, 'pipe-b', [
      { supplier: SUPPLIER, sku: 'PIPE-DN100-M', qty: '800', promisedDate: week(16) },
      { supplier: SUPPLIER, sku: 'PIPE-DN100-M', qty: '600', promisedDate: week(16, 3) },
    ])),
  ];
  return seeded.map((l) => ({ po: l.poNumber, line: l.lineNo, qty: Number(l.qty), promised: l.promisedDate }));
}

/** The five seeded lines as the supplier's file names them, and a sixth line new to ClearBuild. */
function fileLines(seeded: FileLine[]) {
  const [STEADY, SLIPS_3W, SLIPS_4W, STEADY_2, EARLIER] = seeded as [FileLine, FileLine, FileLine, FileLine, FileLine];
  const NEW_LINE = { po: STEADY_2.po, line: 9, qty: 762, promised: addDays(SLIPS_4W.promised, 70) };
  return { STEADY, SLIPS_3W, SLIPS_4W, STEADY_2, EARLIER, NEW_LINE };
}

function supplierFile(lines: ReturnType<typeof fileLines>, newLineDate: string): Buffer {
  const { STEADY, SLIPS_3W, SLIPS_4W, EARLIER, STEADY_2, NEW_LINE } = lines;
  const line = (l: FileLine, confirmed: string) => [l.po, l.line, 'Stahlrohr DN100 geschweißt', feet(l.qty), german(l.promised), confirmed];
  const rows = [
    line(STEADY, german(STEADY.promised)),
    line(SLIPS_3W, german(addDays(SLIPS_3W.promised, 21))),
    line(SLIPS_4W, german(addDays(SLIPS_4W.promised, 28))),
    line(EARLIER, german(addDays(EARLIER.promised, -7))),
    line(STEADY_2, german(STEADY_2.promised)),
    line(NEW_LINE, newLineDate),
  ];
  const body = rows.map(([po, pos, text, qty, asked, confirmed]) => `${po};${pos};PIPE-DN100-M;${text};${qty};${asked};${confirmed}`);
  const csv = `Bestellnummer;Pos;Artikel;Bezeichnung;Menge (ft);Liefertermin;Bestätigter Termin\r\n${body.join('\r\n')}\r\n`;
  return Buffer.from(csv, 'latin1'); // Windows-1252: "ä" and "ß" are single bytes
}

const FILENAME = 'ferguson-liefertermine.csv';

async function chooseFile(page: Page, content: Buffer) {
  await page.getByLabel('File to import').setInputFiles({ name: FILENAME, mimeType: 'text/csv', buffer: content });
}

/** The mapping a person sets for this file, whatever was suggested. */
async function mapColumns(page: Page) {
  await page.getByLabel('Map “Bestellnummer” to').selectOption('po_number');
  await page.getByLabel('Map “Pos” to').selectOption('line');
  await page.getByLabel('Map “Artikel” to').selectOption('sku');
  await page.getByLabel('Map “Bezeichnung” to').selectOption('');
  await page.getByLabel('Map “Menge (ft)” to').selectOption('qty');
  // What the headers suggest is wrong here: "Liefertermin" is the date we asked for, not the promise.
  await page.getByLabel('Map “Liefertermin” to').selectOption('');
  await page.getByLabel('Map “Bestätigter Termin” to').selectOption('promised_date');
  await page.getByLabel('Date format').selectOption('DD.MM.YYYY');
  await page.getByLabel('Decimal separator').selectOption(',');
  await page.getByLabel('Thousands separator').selectOption('.');
}

async function shot(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

test('procurement maps a supplier file, sees its errors by row and column, previews the moved dates, commits and reverts it', async ({ signIn }) => {
  test.setTimeout(120_000);
  const page = await signIn('procurement');
  const lines = fileLines(await seedPipeLines(page.request));
  const { STEADY, SLIPS_4W, EARLIER, NEW_LINE } = lines;
  const BAD_FILE = supplierFile(lines, `30.02.${NEW_LINE.promised.slice(0, 4)}`); // 30 February: no such day
  const GOOD_FILE = supplierFile(lines, german(NEW_LINE.promised));
  await page.goto('/imports');
  await expect(page.getByRole('heading', { level: 1, name: 'Imports' })).toBeVisible();

  // 1. The file, what it holds, whose it is.
  await page.getByLabel('What the file holds').selectOption('purchase-orders');
  await page.getByLabel('Supplier').selectOption(SUPPLIER);
  await chooseFile(page, BAD_FILE);
  const format = page.getByLabel('Detected format');
  await expect(format).toContainText('semicolon');
  await expect(format).toContainText('Windows-1252');
  await expect(format.getByRole('definition').nth(2)).toHaveText('1'); // header row
  await expect(format.getByRole('definition').nth(3)).toHaveText('6'); // data rows

  // 2. The mapping: every column set explicitly, whatever was suggested; the description is ignored.
  await expect(page.getByText('Suggested from the headers')).toBeVisible();
  const mapping = page.getByRole('table', { name: 'Column mapping' });
  await expect(mapping.getByRole('rowheader')).toHaveText(['Bestellnummer', 'Pos', 'Artikel', 'Bezeichnung', 'Menge (ft)', 'Liefertermin', 'Bestätigter Termin']);
  await expect(mapping.getByRole('row', { name: /Bezeichnung/ })).toContainText('Stahlrohr DN100 geschweißt');
  await expect(mapping.getByRole('row', { name: /Bestätigter Termin/ })).toContainText(german(STEADY.promised));
  await mapColumns(page);
  await expect(page.getByText('The file is in feet: 0.3048 gives metres')).toBeVisible();
  await page.getByLabel('Unit factor for qty').fill('0.3048');
  // The file has no supplier column: the chosen supplier fills it.
  await expect(page.getByLabel('Fixed value for supplier')).toHaveValue(SUPPLIER);
  await expect(page.getByRole('alert', { name: 'Mapping problems' })).toHaveCount(0);
  await shot(page, '01-mapping');

  // 3. Preview: the impossible date refuses the file, by row and column.
  await page.getByRole('button', { name: 'Preview (dry run)' }).click();
  const problems = page.getByRole('table', { name: 'Problems in the file' });
  await expect(problems).toBeVisible();
  const badRow = problems.getByRole('row').filter({ has: page.getByRole('cell', { name: '7', exact: true }) });
  await expect(badRow).toHaveCount(1);
  await expect(badRow).toContainText(/promised_date|Bestätigter Termin/);
  await expect(page.getByRole('heading', { name: /1 problem in the file/ })).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download errors (CSV)' }).click();
  const errorsCsv = fs.readFileSync(await (await download).path(), 'utf8');
  expect(errorsCsv).toMatch(/^\ufeff?row,column,message\r\n7,/);
  await expect(page.getByRole('button', { name: /^Commit/ })).toHaveCount(0);
  await shot(page, '02-errors');

  // The corrected file, chosen again: it has the same columns, so the mapping just set is kept.
  await chooseFile(page, GOOD_FILE);
  await expect(page.getByText('Kept the mapping you set for the previous file')).toBeVisible();
  await expect(page.getByLabel('Map “Menge (ft)” to')).toHaveValue('qty');
  await expect(page.getByLabel('Unit factor for qty')).toHaveValue('0.3048');
  await page.getByRole('button', { name: 'Preview (dry run)' }).click();

  // The diff: 3 lines changed (two slipped, one earlier), 1 new, 2 unchanged; feet became the stored metres exactly.
  const counts = page.getByRole('region', { name: 'What this file changes' });
  await expect(counts).toContainText(/New\s*1/);
  await expect(counts).toContainText(/Changed\s*3/);
  await expect(counts).toContainText(/Unchanged\s*2/);
  await expect(page.getByText('3 promised dates moved, 2 later (by up to 28 days).')).toBeVisible();
  const changes = page.getByRole('table', { name: 'Changes this file makes' });
  const slipped = changes.getByRole('row', { name: new RegExp(`${SUPPLIER}/${SLIPS_4W.po}/${SLIPS_4W.line}`) });
  await expect(slipped).toContainText(`${SLIPS_4W.promised} → ${addDays(SLIPS_4W.promised, 28)}`);
  await expect(slipped).toContainText('28 days later');
  await expect(slipped).not.toContainText('qty');
  await expect(changes.getByRole('row', { name: new RegExp(`${SUPPLIER}/${EARLIER.po}/${EARLIER.line}`) })).toContainText('7 days earlier');
  const created = changes.getByRole('row', { name: new RegExp(`${SUPPLIER}/${NEW_LINE.po}/${NEW_LINE.line}`) });
  await expect(created).toContainText('new');
  await expect(created).toContainText(NEW_LINE.promised);
  await expect(created).toContainText('762');
  await expect(page.getByText('2 rows unchanged.')).toBeVisible();
  // Sorting by the promised-date move (largest first on the first click) puts the biggest slip on top.
  const promisedHeader = changes.getByRole('columnheader', { name: /Promised date/ });
  await promisedHeader.getByRole('button').click();
  await expect(promisedHeader).toHaveAttribute('aria-sort', 'descending');
  await expect(changes.getByRole('row').nth(1)).toContainText(`${SLIPS_4W.po}/${SLIPS_4W.line}`);

  // The forecast's change: GPU-days before → after, with the delta.
  const forecast = page.getByRole('region', { name: 'Forecast if committed' });
  await expect(forecast).toBeVisible();
  await expect(forecast.getByLabel('GPU-days over the horizon')).toContainText(/[\d,]+ → [\d,]+/);
  // The four-week slip of the line that gates the ramp costs GPU-days.
  await expect(forecast.getByLabel('GPU-days over the horizon').getByText(/^-[\d,]+ GPU-days$/)).toBeVisible();
  await expect(forecast.getByLabel('GPUs online at the next target')).toContainText('→');
  await shot(page, '03-preview');
  // UPDATE_DOCS=1 refreshes the README's picture of the preview.
  const preview = page.getByRole('region', { name: /Preview$/ });
  await preview.screenshot({ path: path.join(SHOTS, '03-preview-panel.png') });
  if (process.env.UPDATE_DOCS) fs.copyFileSync(path.join(SHOTS, '03-preview-panel.png'), 'docs/import-preview.png');

  // 4. Commit, remembering the mapping for the supplier.
  await expect(page.getByLabel(`Remember this mapping for ${SUPPLIER}`)).toBeChecked();
  await page.getByRole('button', { name: 'Commit 4 changes' }).click();
  const done = page.getByRole('status').filter({ hasText: 'Committed as batch #' });
  await expect(done).toBeVisible();
  const batchLink = done.getByRole('link', { name: /batch #\d+/ });
  const batchId = Number(/#(\d+)/.exec((await batchLink.textContent()) ?? '')?.[1]);
  expect(batchId).toBeGreaterThan(0);
  await shot(page, '04-committed');

  // History lists it, committed, linking to its page.
  const history = page.getByRole('region', { name: 'History' }).getByRole('table');
  const historyRow = history.getByRole('row', { name: new RegExp(`#${batchId}\\b`) });
  await expect(historyRow).toContainText(FILENAME);
  await expect(historyRow).toContainText('committed');
  await expect(historyRow).toContainText('procurement@clearbuild.demo');
  await historyRow.getByRole('link', { name: FILENAME }).click();

  // 5. The batch page: header and its changes, field by field.
  await expect(page.getByRole('heading', { level: 1, name: `Import batch #${batchId}` })).toBeVisible();
  const details = page.getByRole('region', { name: 'Batch details' });
  await expect(details).toContainText('purchase-orders');
  await expect(details).toContainText(FILENAME);
  await expect(details.getByRole('definition')).toContainText(['purchase-orders', SUPPLIER, FILENAME]);
  for (const [term, value] of [['Rows in the file', '6'], ['New', '1'], ['Changed', '3'], ['Unchanged', '2']]) {
    await expect(details.getByRole('term').filter({ hasText: new RegExp(`^${term}$`) }).locator('xpath=following-sibling::dd[1]')).toHaveText(value!);
  }
  await expect(details).toContainText('committed');
  const audited = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'Fields' }) });
  await expect(audited.getByRole('row', { name: new RegExp(`${SLIPS_4W.po}/${SLIPS_4W.line}`) })).toContainText(`${SLIPS_4W.promised} → ${addDays(SLIPS_4W.promised, 28)}`);
  await expect(audited.getByRole('row')).toHaveCount(5); // header + 4 changes
  await shot(page, '05-batch');

  // Revert: confirm, and the batch shows reverted with nothing left to revert.
  await page.getByRole('button', { name: 'Revert batch' }).click();
  await page.getByRole('button', { name: `Yes, revert batch #${batchId}` }).click();
  await expect(page.getByText(/Reverted: 3 rows restored, 1 deleted/)).toBeVisible();
  await expect(details.getByText('reverted', { exact: true })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('region', { name: 'Batch details' }).getByText('reverted', { exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Reverted', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Revert batch' })).toHaveCount(0);
  await shot(page, '06-reverted');

  // The data is back as it was: the slipped line is promised on its original date again.
  await page.goto(`/purchase-orders?q=${encodeURIComponent(SLIPS_4W.po)}`);
  await expect(page.getByRole('row', { name: new RegExp(`${SUPPLIER}\\s+${SLIPS_4W.po}\\s+${SLIPS_4W.line}\\b`) })).toContainText(SLIPS_4W.promised);

  // The mapping was remembered: the next file from the supplier starts from it and previews as it is.
  await page.goto('/imports');
  await page.getByLabel('Supplier').selectOption(SUPPLIER);
  await chooseFile(page, GOOD_FILE);
  await expect(page.getByText(new RegExp(`Using mapping .+ saved for ${SUPPLIER}`))).toBeVisible();
  await expect(page.getByLabel('Date format')).toHaveValue('DD.MM.YYYY');
  await expect(page.getByLabel('Unit factor for qty')).toHaveValue('0.3048');
  await page.getByRole('button', { name: 'Preview (dry run)' }).click();
  await expect(page.getByText('3 promised dates moved, 2 later (by up to 28 days).')).toBeVisible();
});

test('a revert is refused while a row the batch wrote has been edited since, naming the row and who changed it', async ({ signIn }) => {
  const page = await signIn('procurement');
  const po = `PO-E2E-REVERT-${Date.now()}`;
  const key = `NVIDIA/${po}/1`;
  const csv = `supplier,po_number,line,sku,qty,promised_date,status\nNVIDIA,${po},1,A100-SXM4-80G,8,2027-09-01,open\n`;
  const res = await page.request.post('/api/imports/purchase-orders?filename=revert-conflict.csv&supplier=NVIDIA', { headers: { 'content-type': 'text/csv' }, data: csv });
  expect(res.status(), await res.text()).toBe(200);
  const { batchId } = (await res.json()) as { batchId: number };

  // A colleague moves the line's promised date by hand after the import (the edit endpoint, as a script does it).
  const [line] = ((await (await page.request.get(`/api/purchase-order-lines?poNumber=${encodeURIComponent(po)}`)).json()) as { rows: { id: number; version: number }[] }).rows;
  const edit = await page.request.patch(`/api/purchase-order-lines/${line!.id}`, { data: { version: line!.version, promisedDate: '2027-10-01' } });
  expect(edit.status(), await edit.text()).toBe(200);
  await page.goto(`/purchase-orders?q=${encodeURIComponent(po)}`);
  await expect(page.getByRole('row', { name: new RegExp(po) })).toContainText('2027-10-01');

  await page.goto(`/imports/${batchId}`);
  await page.getByRole('button', { name: 'Revert batch' }).click();
  await page.getByRole('button', { name: `Yes, revert batch #${batchId}` }).click();
  const conflicts = page.getByRole('list', { name: 'Rows changed since this batch' });
  await expect(conflicts.getByRole('listitem')).toHaveCount(1);
  await expect(conflicts).toContainText(key);
  await expect(conflicts).toContainText('procurement@clearbuild.demo');
  await expect(conflicts).toContainText('edited directly');
  await shot(page, '08-revert-refused');
  await page.reload();
  await expect(page.getByRole('region', { name: 'Batch details' }).getByText('committed', { exact: true })).toBeVisible();
});

test('an executive sees the import history and batch pages but no way to import or revert', async ({ signIn }) => {
  const page = await signIn('executive');
  await page.goto('/imports');
  await expect(page.getByRole('heading', { level: 1, name: 'Imports' })).toBeVisible();
  await expect(page.getByText('Importing needs the procurement or admin role.')).toBeVisible();
  await expect(page.getByLabel('File to import')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Preview (dry run)' })).toHaveCount(0);
  const seeded = page.getByRole('row', { name: /demo-purchase-orders\.csv/ });
  await expect(seeded).toContainText('committed');
  await shot(page, '07-executive-history');
  await seeded.getByRole('link', { name: 'demo-purchase-orders.csv' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Import batch #\d+$/ })).toBeVisible();
  await expect(page.getByRole('table').getByRole('row').first()).toBeVisible();
  // 408 audited lines, a page at a time.
  const pager = page.getByRole('navigation', { name: 'Pages of changes' });
  await expect(pager).toContainText(/Page 1 of [2-9]/);
  await pager.getByRole('link', { name: 'Next →' }).click();
  await expect(pager).toContainText(/Page 2 of [2-9]/);
  await expect(page.getByRole('table').getByRole('row')).toHaveCount(101);
  await expect(page.getByRole('button', { name: 'Revert batch' })).toHaveCount(0);
  // The server refuses the inspection and the revert whatever the page shows.
  expect((await page.request.post('/api/imports/inspect?kind=items', { headers: { 'content-type': 'text/csv' }, data: 'sku\n' })).status()).toBe(403);
  expect((await page.request.post('/api/imports/batches/1/revert')).status()).toBe(403);
});

test('a batch that does not exist shows the not-found page', async ({ signIn }) => {
  const page = await signIn('procurement');
  for (const id of ['99999999', 'not-a-number']) {
    await page.goto(`/imports/${id}`);
    await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible();
  }
});
