import { z } from 'zod';
import type { ChangeEntity } from '@/lib/validation/change-set';
import { bomLineSchema } from '@/lib/validation/bom-line';
import { decimalField, enumField, isoDateField, textField } from '@/lib/validation/fields';
import { inventoryBalanceSchema } from '@/lib/validation/inventory-balance';
import { itemSchema } from '@/lib/validation/item';
import { PO_STATUSES, purchaseOrderLineSchema } from '@/lib/validation/purchase-order-line';
import { recipeSchema } from '@/lib/validation/recipe';
import { supplierSchema } from '@/lib/validation/supplier';
import type { FieldValue, Values } from './types';

/**
 * What change sets know of each entity: the fields a row is read as, the ones people may
 * edit (each through the shared schema's own field rule, so messages match imports and
 * forms), the schema a create is checked with, how a row is named to people (`label`) and
 * the key its audit events are filed under (the same key imports audit it by).
 */
export interface EntityDef {
  entity: ChangeEntity;
  /** AuditEvent.entity, shared with imports. */
  auditEntity: string;
  /** Every field of the row as read (RowState.values). */
  fields: readonly string[];
  /** Fields that name the row: never editable (change them by delete and create). */
  keyFields: readonly string[];
  updateFields: Readonly<Record<string, z.ZodType<FieldValue, unknown>>>;
  createSchema: z.ZodType<Values, unknown>;
  /** The create fields people send (for messages about unknown fields). */
  createFields: readonly string[];
  label(v: Values): string;
  auditKey(v: Values): string;
}

const s = (v: FieldValue | undefined) => String(v ?? '');
const po = purchaseOrderLineSchema.shape;
const it = itemSchema.shape;
const rc = recipeSchema.shape;
const qtyPerBuild = bomLineSchema.shape.qtyPerBuild;

function def(d: Omit<EntityDef, 'createFields'> & { createSchema: z.ZodObject }): EntityDef {
  return { ...d, createFields: Object.keys(d.createSchema.shape), createSchema: d.createSchema as unknown as z.ZodType<Values, unknown> };
}

export const ENTITY_DEFS: Readonly<Record<ChangeEntity, EntityDef>> = {
  purchaseOrderLine: def({
    entity: 'purchaseOrderLine',
    auditEntity: 'PurchaseOrderLine',
    fields: ['supplier', 'poNumber', 'lineNo', 'sku', 'qty', 'promisedDate', 'status', 'firstPromisedDate', 'receivedDate', 'receivedQty'],
    keyFields: ['supplier', 'poNumber', 'lineNo'],
    updateFields: { promisedDate: po.promisedDate, qty: po.qty, status: enumField(PO_STATUSES) },
    createSchema: purchaseOrderLineSchema,
    label: (v) => `${s(v.supplier)}/${s(v.poNumber)}/${s(v.lineNo)}`,
    auditKey: (v) => `${s(v.supplier)}/${s(v.poNumber)}/${s(v.lineNo)}`,
  }),
  purchaseOrder: def({
    entity: 'purchaseOrder',
    auditEntity: 'PurchaseOrder',
    fields: ['supplier', 'poNumber'],
    keyFields: ['supplier', 'poNumber'],
    updateFields: {},
    createSchema: z.object({ supplier: po.supplier, poNumber: po.poNumber }),
    label: (v) => `${s(v.supplier)}/${s(v.poNumber)}`,
    auditKey: (v) => `${s(v.supplier)}/${s(v.poNumber)}`,
  }),
  item: def({
    entity: 'item',
    auditEntity: 'Item',
    fields: ['sku', 'name', 'category', 'unit', 'site', 'gpusOnlinePerUnit'],
    keyFields: ['sku'],
    updateFields: { name: it.name, category: it.category, unit: it.unit, site: it.site, gpusOnlinePerUnit: it.gpusOnlinePerUnit },
    createSchema: itemSchema,
    label: (v) => s(v.sku),
    auditKey: (v) => s(v.sku),
  }),
  supplier: def({
    entity: 'supplier',
    auditEntity: 'Supplier',
    fields: ['code', 'name'],
    keyFields: ['code'],
    updateFields: { name: supplierSchema.shape.name },
    createSchema: supplierSchema,
    label: (v) => s(v.code),
    auditKey: (v) => s(v.code),
  }),
  inventoryBalance: def({
    entity: 'inventoryBalance',
    auditEntity: 'InventoryBalance',
    fields: ['sku', 'location', 'onHand'],
    keyFields: ['sku', 'location'],
    updateFields: { onHand: inventoryBalanceSchema.shape.onHand },
    createSchema: inventoryBalanceSchema,
    label: (v) => `${s(v.sku)} @ ${s(v.location)}`,
    auditKey: (v) => `${s(v.sku)}@${s(v.location)}`,
  }),
  recipe: def({
    entity: 'recipe',
    auditEntity: 'Recipe',
    fields: ['outputSku', 'outputQty', 'leadTimeDays', 'maxStartsPerWeek'],
    keyFields: ['outputSku'],
    updateFields: { outputQty: rc.outputQty, leadTimeDays: rc.leadTimeDays, maxStartsPerWeek: rc.maxStartsPerWeek },
    createSchema: recipeSchema,
    label: (v) => s(v.outputSku),
    auditKey: (v) => s(v.outputSku),
  }),
  recipeLine: def({
    entity: 'recipeLine',
    auditEntity: 'RecipeLine',
    fields: ['outputSku', 'componentSku', 'qtyPerBuild'],
    keyFields: ['outputSku', 'componentSku'],
    updateFields: { qtyPerBuild },
    // bomLineSchema is refined (a component must differ from its output); its shape is the create fields.
    createSchema: bomLineSchema,
    label: (v) => `${s(v.outputSku)} ← ${s(v.componentSku)}`,
    auditKey: (v) => `${s(v.outputSku)}/${s(v.componentSku)}`,
  }),
};

/** The entity whose audit events carry this AuditEvent.entity name. */
export function entityOfAudit(auditEntity: string): ChangeEntity | null {
  for (const d of Object.values(ENTITY_DEFS)) if (d.auditEntity === auditEntity) return d.entity;
  return null;
}

/** A receive: how much arrived (default: the line's quantity), when (default: today), and where it is stocked. */
export const receiveFields = {
  receivedQty: decimalField,
  receivedDate: isoDateField,
  location: textField({ max: 64 }),
} as const;

/** The first message of a failed parse (field rules report one). */
export function firstIssue(error: z.ZodError): { path: string | null; message: string } {
  const issue = error.issues[0];
  return { path: issue && issue.path.length > 0 ? String(issue.path[0]) : null, message: issue?.message ?? 'is not valid' };
}
