import { z } from 'zod';
import { decimalField, skuField, textField } from './fields';
import { defineImportSpec } from './import-spec';

export const inventoryBalanceSchema = z.object({
  sku: skuField,
  location: textField({ max: 64 }),
  onHand: decimalField,
});
export type InventoryBalanceInput = z.input<typeof inventoryBalanceSchema>;
export type InventoryBalance = z.output<typeof inventoryBalanceSchema>;

export const inventoryBalanceImport = defineImportSpec({
  schema: inventoryBalanceSchema,
  fields: { sku: 'sku', location: 'location', on_hand: 'onHand' },
  key: ['sku', 'location'],
});
