import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { bindMigrationAwareSqlAdapterFactory, type SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import type { SchemaEngine } from '@prisma/schema-engine-wasm';

type Bindings = typeof import('@prisma/schema-engine-wasm/schema_engine_bg');

let bindingsPromise: Promise<Bindings> | null = null;

/**
 * The package's entry imports the .wasm as an ES module, which Node 20 cannot
 * load; instantiate it by hand with the JS glue and hand the exports back to it.
 * Done once per process: the glue keeps module-level state.
 */
function loadBindings(): Promise<Bindings> {
  bindingsPromise ??= (async () => {
    const require = createRequire(path.join(process.cwd(), 'package.json'));
    const glue = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const bindings = (await import(/* webpackIgnore: true */ glue)) as Bindings;
    const bytes = fs.readFileSync(path.join(path.dirname(glue), 'schema_engine_bg.wasm'));
    const wasmModule = await WebAssembly.compile(bytes);
    const instance = await WebAssembly.instantiate(wasmModule, {
      './schema_engine_bg.js': bindings as unknown as WebAssembly.ModuleImports,
    });
    const exports = instance.exports as unknown as { __wbindgen_start?: () => void };
    (bindings as unknown as { __wbg_set_wasm: (w: unknown) => void }).__wbg_set_wasm(instance.exports);
    exports.__wbindgen_start?.();
    return bindings;
  })();
  return bindingsPromise;
}

export interface EngineLog {
  (line: string): void;
}

/** Opens Prisma's Wasm schema engine on a driver adapter (PGlite or node-postgres). */
export async function openSchemaEngine(
  schemaPath: string,
  factory: SqlMigrationAwareDriverAdapterFactory,
  log: EngineLog = () => undefined,
): Promise<SchemaEngine> {
  const bindings = await loadBindings();
  const datamodel = fs.readFileSync(schemaPath, 'utf8');
  return bindings.SchemaEngine.new(
    { datamodels: [[schemaPath, datamodel]] },
    (line: string) => log(line),
    bindMigrationAwareSqlAdapterFactory(factory),
  );
}
