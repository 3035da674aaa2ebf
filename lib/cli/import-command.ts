import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { resolveDatabaseTarget } from '@/lib/db/config';
import { openDatabase } from '@/lib/db/open';
import { checkMapping } from '@/lib/imports/mapping-param';
import { findMappingByName } from '@/lib/imports/mappings';
import { runImport } from '@/lib/imports/run-import';
import { IMPORT_KINDS, isImportKind } from '@/lib/validation/import-kinds';
import { cliActor } from './actor';
import { InputError, UsageError } from './usage';

export async function importCommand(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { supplier: { type: 'string' }, mapping: { type: 'string' }, 'dry-run': { type: 'boolean' }, json: { type: 'boolean' } },
  });
  const [kind, file, ...extra] = positionals;
  if (!kind || !file || extra.length > 0) throw new UsageError('import needs exactly a kind and a file');
  if (!isImportKind(kind)) throw new UsageError(`unknown kind "${kind}"; expected one of ${IMPORT_KINDS.join(', ')}`);

  // Streamed, never read whole: a supplier's file may be a million lines.
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
    fs.accessSync(file, fs.constants.R_OK);
  } catch (err) {
    throw new InputError(`${file}: cannot read the file (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }

  const db = await openDatabase(resolveDatabaseTarget());
  try {
    const saved = values.mapping ? await findMappingByName(db.prisma, values.mapping) : null;
    if (values.mapping && !saved) throw new InputError(`unknown mapping "${values.mapping}" (mappings are saved from the import page)`);
    if (saved && saved.kind !== kind) throw new InputError(`mapping "${saved.name}" is for ${saved.kind} files, not ${kind}`);
    const checked = saved ? checkMapping(kind, saved.mapping) : null;
    if (checked && !checked.ok) throw new InputError(`mapping "${saved!.name}": ${checked.error}`);
    const summary = await runImport(db, {
      kind,
      source: fs.createReadStream(file),
      mapping: checked?.ok ? checked.mapping : null,
      mappingName: saved?.name ?? null,
      filename: path.basename(file),
      actor: cliActor(),
      supplierCode: values.supplier ?? saved?.supplier ?? null,
      dryRun: values['dry-run'] ?? false,
    });
    if (values.json) {
      process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
      return;
    }
    const what = `${summary.rows} rows: ${summary.created} created, ${summary.updated} updated, ${summary.unchanged} unchanged`;
    if (summary.dryRun) console.log(`${summary.filename} (dry run, nothing written): ${what}`);
    else if (summary.alreadyImported) console.log(`${summary.filename}: already imported; nothing changed (batch #${summary.batchId}).`);
    else console.log(`${summary.filename}: ${what} (batch #${summary.batchId})`);
  } finally {
    await db.close();
  }
}
