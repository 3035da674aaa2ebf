import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { resolveDatabaseTarget } from '@/lib/db/config';
import { openDatabase } from '@/lib/db/open';
import { runImport } from '@/lib/imports/run-import';
import { IMPORT_KINDS, isImportKind } from '@/lib/validation/import-kinds';
import { cliActor } from './actor';
import { InputError, UsageError } from './usage';

export async function importCommand(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { supplier: { type: 'string' }, 'dry-run': { type: 'boolean' }, json: { type: 'boolean' } },
  });
  const [kind, file, ...extra] = positionals;
  if (!kind || !file || extra.length > 0) throw new UsageError('import needs exactly a kind and a file');
  if (!isImportKind(kind)) throw new UsageError(`unknown kind "${kind}"; expected one of ${IMPORT_KINDS.join(', ')}`);

  let content: Buffer;
  try {
    content = fs.readFileSync(file);
  } catch (err) {
    throw new InputError(`${file}: cannot read the file (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }

  const db = await openDatabase(resolveDatabaseTarget());
  try {
    const summary = await runImport(db.prisma, {
      kind,
      content,
      filename: path.basename(file),
      actor: cliActor(),
      supplierCode: values.supplier ?? null,
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
