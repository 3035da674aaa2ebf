import { z } from 'zod';
import { enumField, optionalCountField, siteCodeField, skuField, textField } from './fields';
import { defineImportSpec } from './import-spec';

export const ITEM_CATEGORIES = ['gpu', 'compute', 'network', 'rack', 'power', 'cooling', 'facility', 'other'] as const;
export type ItemCategory = (typeof ITEM_CATEGORIES)[number];

export const itemSchema = z.object({
  sku: skuField,
  name: textField({ max: 200, multiline: true }),
  category: enumField(ITEM_CATEGORIES),
  unit: textField({ max: 32 }),
  site: siteCodeField,
  /** > 0 marks a capacity item: each unit is that many GPUs online. */
  gpusOnlinePerUnit: optionalCountField({ min: 0, fallback: 0 }),
});
export type ItemInput = z.input<typeof itemSchema>;
export type Item = z.output<typeof itemSchema>;

export const itemImport = defineImportSpec({
  schema: itemSchema,
  fields: {
    sku: 'sku',
    name: 'name',
    category: 'category',
    unit: 'unit',
    site: 'site',
    gpus_online_per_unit: 'gpusOnlinePerUnit',
  },
  optional: ['site', 'gpus_online_per_unit'],
  key: ['sku'],
});
