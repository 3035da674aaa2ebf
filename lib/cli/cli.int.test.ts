import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lockDataDir } from '@/lib/db/data-dir-lock';
import { openDatabase } from '@/lib/db/open';
import { saveMapping } from '@/lib/imports/mappings';

const BIN = path.resolve('bin/clearbuild.mjs');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'clearbuild-cli-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function clearbuild(args: string[], env: Record<string, string>) {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  if (!('DATABASE_URL' in env)) delete childEnv.DATABASE_URL;
  const r = spawnSync(process.execPath, [BIN, ...args], { env: childEnv, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function writeCsv(name: string, text: string): string {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, text);
  return file;
}

describe('npx clearbuild on a fresh embedded data folder', () => {
  const dataDir = path.join(tmp, 'data');
  const env = { CLEARBUILD_DATA_DIR: dataDir };

  it('imports items into a folder that does not exist yet (migrating it first)', () => {
    const file = writeCsv('items.csv', 'sku,name,category,unit,site,gpus_online_per_unit\nGPU-C,GPU,gpu,ea,,0\nON-C,Online,compute,ea,S1,8\n');
    const r = clearbuild(['import', 'items', file], env);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/items\.csv: 2 rows: 2 created, 0 updated, 0 unchanged \(batch #1\)/);
    expect(r.code).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'clearbuild.lock'))).toBe(false);
  });

  it('refuses a bad file with exit code 1 and a message naming file, row and column', () => {
    const file = writeCsv('bad-items.csv', 'sku,name,category,unit,site,gpus_online_per_unit\nX-1,X,gpu,ea,,0\nX-2,Y,spaceship,ea,,0\n');
    const r = clearbuild(['import', 'items', file], env);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toMatch(/^bad-items\.csv: row 3, column category: /);
    const again = clearbuild(['import', 'items', file.replace('bad-items', 'items')], env);
    expect(again.stdout).toMatch(/already imported; nothing changed/);
  });

  it('prints the import summary alone on standard output with --json', () => {
    const file = writeCsv('targets.csv', 'date,gpus_online\n2027-01-31,16\n');
    const r = clearbuild(['import', 'targets', file, '--json', '--dry-run'], env);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ kind: 'targets', dryRun: true, created: 1 });
  });

  it("reads a supplier's own format through a mapping saved on the import page (--mapping)", async () => {
    const db = await openDatabase({ kind: 'embedded', dataDir, display: dataDir });
    try {
      await saveMapping(db.prisma, {
        name: 'acme-purchase-orders',
        kind: 'purchase-orders',
        supplierCode: null,
        actor: 'test',
        mapping: {
          columns: { Bestellnummer: 'po_number', Pos: 'line', Artikel: 'sku', Menge: 'qty', Liefertermin: 'promised_date' },
          constants: { supplier: 'ACME' },
          dateFormat: 'DD.MM.YYYY',
          decimalSeparator: ',',
          thousandsSeparator: '.',
        },
      });
    } finally {
      await db.close();
    }
    const file = writeCsv('acme.csv', 'Bestellnummer;Pos;Artikel;Menge;Liefertermin\nPO-1;1;GPU-C;1.200,5;31.01.2027\nPO-1;2;GPU-C;8;30.02.2027\n');
    const bad = clearbuild(['import', 'purchase-orders', file, '--mapping', 'acme-purchase-orders'], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr.trim()).toMatch(/^acme\.csv: row 3, column Liefertermin: /);
    fs.writeFileSync(file, 'Bestellnummer;Pos;Artikel;Menge;Liefertermin\nPO-1;1;GPU-C;1.200,5;31.01.2027\nPO-1;2;GPU-C;8;28.02.2027\n');
    const r = clearbuild(['import', 'purchase-orders', file, '--mapping', 'acme-purchase-orders', '--json'], env);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ rows: 2, created: 2, changes: [{ key: 'ACME/PO-1/1', after: { qty: '1200.5', promisedDate: '2027-01-31' } }, {}] });
    expect(clearbuild(['import', 'purchase-orders', file, '--mapping', 'nope'], env)).toMatchObject({ code: 1 });
  });

  it('answers a wrong call with the usage and exit code 2', () => {
    expect(clearbuild(['import', 'widgets', 'x.csv'], env)).toMatchObject({ code: 2 });
    expect(clearbuild(['frobnicate'], env)).toMatchObject({ code: 2 });
    expect(clearbuild(['import', 'items', 'x.csv', '--bogus'], env).code).toBe(2);
    expect(clearbuild([], env).stdout).toMatch(/usage: clearbuild/);
  });

  it('says which process holds the data folder instead of opening it twice', () => {
    const release = lockDataDir(dataDir);
    try {
      const file = path.join(tmp, 'items.csv');
      const r = clearbuild(['import', 'items', file], env);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`is in use by process ${process.pid}`);
      expect(r.stderr).toContain('use the running app');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    } finally {
      release();
    }
  });

  it('reports an unreachable DATABASE_URL in one line, with exit code 1 and no stack trace', () => {
    const file = path.join(tmp, 'items.csv');
    const r = clearbuild(['import', 'items', file], { DATABASE_URL: 'postgres://nobody:secret@127.0.0.1:1/none' });
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/cannot reach the database at postgres:\/\/nobody:\*\*\*@127\.0\.0\.1:1\/none/);
    expect(r.stderr).not.toContain('secret');
  });
});
