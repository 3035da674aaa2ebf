import { z } from 'zod';
import { positiveDecimalField, skuField } from './fields';
import { defineImportSpec } from './import-spec';

export const bomLineSchema = z
  .object({
    outputSku: skuField,
    componentSku: skuField,
    qtyPerBuild: positiveDecimalField,
  })
  // An item consuming itself can never be built; refuse it where it is typed, not in the engine.
  .refine((line) => line.outputSku !== line.componentSku, {
    message: 'must differ from the output SKU',
    path: ['componentSku'],
  });
export type BomLineInput = z.input<typeof bomLineSchema>;
export type BomLine = z.output<typeof bomLineSchema>;

export const bomLineImport = defineImportSpec({
  schema: bomLineSchema,
  fields: { output_sku: 'outputSku', component_sku: 'componentSku', qty_per_build: 'qtyPerBuild' },
  key: ['output_sku', 'component_sku'],
});
