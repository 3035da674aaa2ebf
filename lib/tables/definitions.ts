// The five procurement tables: columns, filters, sorts and editable fields. Shared by
// the list endpoints (lib/tables/sources.ts runs them as SQL) and the data grid.
import { ITEM_CATEGORIES } from '@/lib/validation/item';
import { PO_STATUSES } from '@/lib/validation/purchase-order-line';
import type { TableDef, TableName } from './types';

const purchaseOrderLines: TableDef = {
  name: 'purchase-order-lines',
  title: 'Purchase-order lines',
  endpoint: '/api/purchase-order-lines',
  entity: 'purchaseOrderLine',
  keyColumn: 'poNumber',
  pinnedByDefault: ['supplier', 'poNumber'],
  labelKeys: ['supplier', 'poNumber', 'lineNo'],
  labelJoin: '/',
  searchHint: 'supplier, PO number or SKU',
  deletable: true,
  receivable: true,
  defaultSort: [{ field: 'promisedDate', dir: 'asc' }],
  columns: [
    { key: 'supplier', label: 'Supplier', value: 'code', width: 110, sortable: true, csv: 'supplier', filter: { kind: 'text', param: 'supplier', match: 'exact', upper: true } },
    { key: 'poNumber', label: 'PO', value: 'code', width: 150, sortable: true, csv: 'po_number', filter: { kind: 'text', param: 'poNumber', match: 'exact' } },
    { key: 'lineNo', label: 'Line', value: 'int', width: 70, sortable: true, csv: 'line' },
    { key: 'sku', label: 'SKU', value: 'code', width: 170, sortable: true, csv: 'sku', filter: { kind: 'text', param: 'sku', match: 'exact' } },
    { key: 'itemName', label: 'Item', value: 'text', width: 220, sortable: true, csv: 'name' },
    { key: 'qty', label: 'Qty', value: 'decimal', width: 110, sortable: true, csv: 'qty', filter: { kind: 'number', param: 'qty' }, edit: { entity: 'purchaseOrderLine', field: 'qty', input: 'decimal' } },
    { key: 'unit', label: 'Unit', value: 'text', width: 70, sortable: false, csv: 'unit' },
    {
      key: 'promisedDate',
      label: 'Promised',
      value: 'date',
      width: 140,
      sortable: true,
      csv: 'promised_date',
      filter: { kind: 'date', param: 'promised' },
      edit: { entity: 'purchaseOrderLine', field: 'promisedDate', input: 'date' },
    },
    {
      key: 'status',
      label: 'Status',
      value: 'enum',
      width: 120,
      sortable: true,
      csv: 'status',
      options: PO_STATUSES,
      filter: { kind: 'enum', param: 'status' },
      edit: { entity: 'purchaseOrderLine', field: 'status', input: 'enum' },
    },
    { key: 'version', label: 'Version', value: 'int', width: 80, sortable: false, csv: 'version', hiddenByDefault: true },
    {
      key: 'firstPromisedDate',
      label: 'First promised',
      value: 'date',
      width: 140,
      sortable: true,
      csv: 'first_promised_date',
      filter: { kind: 'date', param: 'firstPromised' },
    },
    // Received date (else the current promise) minus the first promise, in days: positive is late.
    { key: 'slipDays', label: 'Slip (days)', value: 'int', width: 110, sortable: true, csv: 'slip_days', filter: { kind: 'number', param: 'slipDays' } },
    { key: 'receivedDate', label: 'Received', value: 'date', width: 130, sortable: true, csv: 'received_date', filter: { kind: 'date', param: 'received' } },
    { key: 'receivedQty', label: 'Received qty', value: 'decimal', width: 120, sortable: true, csv: 'received_qty', filter: { kind: 'number', param: 'receivedQty' } },
    // From the newest baseline forecast with line values (blank until computed; blanks sort last).
    { key: 'gpusGated', label: 'GPUs gated', value: 'int', width: 110, sortable: true, csv: 'gpus_gated', filter: { kind: 'number', param: 'gpusGated' } },
    {
      key: 'gpuDaysPerWeekSlip',
      label: 'GPU-days / week slip',
      value: 'decimal',
      // Wide enough for the label and its sort arrow ("Lines that matter first" sorts by it).
      width: 200,
      sortable: true,
      csv: 'gpu_days_per_week_slip',
      filter: { kind: 'number', param: 'gpuDaysPerWeekSlip' },
    },
    { key: 'gpuDaysPerWeekPullIn', label: 'GPU-days / week pulled in', value: 'decimal', width: 190, sortable: true, csv: 'gpu_days_per_week_pull_in' },
    { key: 'valueMethod', label: 'Value method', value: 'text', width: 110, sortable: false, csv: 'value_method', hiddenByDefault: true },
  ],
};

const items: TableDef = {
  name: 'items',
  title: 'Items',
  endpoint: '/api/items',
  entity: 'item',
  keyColumn: 'sku',
  labelKeys: ['sku'],
  labelJoin: '',
  searchHint: 'SKU or name',
  deletable: false,
  defaultSort: [
    { field: 'category', dir: 'asc' },
    { field: 'sku', dir: 'asc' },
  ],
  columns: [
    { key: 'sku', label: 'SKU', value: 'code', width: 190, sortable: true, csv: 'sku', filter: { kind: 'text', param: 'sku', match: 'exact' } },
    { key: 'name', label: 'Name', value: 'text', width: 260, sortable: true, csv: 'name', filter: { kind: 'text', param: 'name', match: 'contains' }, edit: { entity: 'item', field: 'name', input: 'text' } },
    {
      key: 'category',
      label: 'Category',
      value: 'enum',
      width: 120,
      sortable: true,
      csv: 'category',
      options: ITEM_CATEGORIES,
      filter: { kind: 'enum', param: 'category' },
      edit: { entity: 'item', field: 'category', input: 'enum' },
    },
    { key: 'unit', label: 'Unit', value: 'text', width: 80, sortable: true, csv: 'unit', edit: { entity: 'item', field: 'unit', input: 'text' } },
    {
      key: 'site',
      label: 'Site',
      value: 'code',
      width: 90,
      sortable: true,
      csv: 'site',
      filter: { kind: 'text', param: 'site', match: 'exact', upper: true },
      edit: { entity: 'item', field: 'site', input: 'siteCode', nullable: true },
    },
    {
      key: 'gpusOnlinePerUnit',
      label: 'GPUs online per unit',
      value: 'int',
      width: 180,
      sortable: true,
      csv: 'gpus_online_per_unit',
      filter: { kind: 'number', param: 'gpusOnlinePerUnit' },
      edit: { entity: 'item', field: 'gpusOnlinePerUnit', input: 'count', min: 0 },
    },
    { key: 'hasRecipe', label: 'Built by recipe', value: 'bool', width: 110, sortable: true, csv: 'has_recipe' },
    { key: 'version', label: 'Version', value: 'int', width: 80, sortable: false, csv: 'version', hiddenByDefault: true },
  ],
};

const inventory: TableDef = {
  name: 'inventory',
  title: 'Inventory balances',
  endpoint: '/api/inventory',
  entity: 'inventoryBalance',
  keyColumn: 'sku',
  labelKeys: ['sku', 'location'],
  labelJoin: ' @ ',
  searchHint: 'SKU, name or location',
  deletable: true,
  defaultSort: [
    { field: 'location', dir: 'asc' },
    { field: 'sku', dir: 'asc' },
  ],
  columns: [
    { key: 'sku', label: 'SKU', value: 'code', width: 190, sortable: true, csv: 'sku', filter: { kind: 'text', param: 'sku', match: 'exact' } },
    { key: 'location', label: 'Location', value: 'code', width: 140, sortable: true, csv: 'location', filter: { kind: 'text', param: 'location', match: 'exact' } },
    { key: 'name', label: 'Name', value: 'text', width: 260, sortable: true, csv: 'name', filter: { kind: 'text', param: 'name', match: 'contains' } },
    {
      key: 'onHand',
      label: 'On hand',
      value: 'decimal',
      width: 120,
      sortable: true,
      csv: 'on_hand',
      filter: { kind: 'number', param: 'onHand' },
      edit: { entity: 'inventoryBalance', field: 'onHand', input: 'decimal' },
    },
    { key: 'unit', label: 'Unit', value: 'text', width: 70, sortable: false, csv: 'unit' },
    { key: 'version', label: 'Version', value: 'int', width: 80, sortable: false, csv: 'version', hiddenByDefault: true },
  ],
};

const suppliers: TableDef = {
  name: 'suppliers',
  title: 'Suppliers',
  endpoint: '/api/suppliers',
  entity: 'supplier',
  keyColumn: 'code',
  labelKeys: ['code'],
  labelJoin: '',
  searchHint: 'code or name',
  deletable: false,
  defaultSort: [{ field: 'code', dir: 'asc' }],
  columns: [
    { key: 'code', label: 'Code', value: 'code', width: 130, sortable: true, csv: 'code', filter: { kind: 'text', param: 'code', match: 'exact', upper: true } },
    { key: 'name', label: 'Name', value: 'text', width: 260, sortable: true, csv: 'name', filter: { kind: 'text', param: 'name', match: 'contains' }, edit: { entity: 'supplier', field: 'name', input: 'text' } },
    { key: 'openLines', label: 'Open lines', value: 'int', width: 110, sortable: true, csv: 'open_lines', filter: { kind: 'number', param: 'openLines' } },
    { key: 'openQty', label: 'Open qty', value: 'decimal', width: 120, sortable: true, csv: 'open_qty' },
    { key: 'nextPromisedDate', label: 'Next promised', value: 'date', width: 140, sortable: true, csv: 'next_promised_date', filter: { kind: 'date', param: 'nextPromised' } },
    // From the delivery record: received lines on or before their first promise, and their mean slip (blank before any receipt).
    { key: 'onTimePercent', label: 'On time %', value: 'decimal', width: 110, sortable: true, csv: 'on_time_percent', filter: { kind: 'number', param: 'onTimePercent' } },
    { key: 'meanSlipDays', label: 'Mean slip (days)', value: 'decimal', width: 140, sortable: true, csv: 'mean_slip_days', filter: { kind: 'number', param: 'meanSlipDays' } },
    { key: 'version', label: 'Version', value: 'int', width: 80, sortable: false, csv: 'version', hiddenByDefault: true },
  ],
};

const bomLines: TableDef = {
  name: 'bom-lines',
  title: 'BOM lines',
  endpoint: '/api/bom-lines',
  entity: 'recipeLine',
  keyColumn: 'outputSku',
  labelKeys: ['outputSku', 'componentSku'],
  labelJoin: ' ← ',
  searchHint: 'output or component SKU',
  deletable: true,
  defaultSort: [
    { field: 'outputSku', dir: 'asc' },
    { field: 'componentSku', dir: 'asc' },
  ],
  columns: [
    { key: 'outputSku', label: 'Output', value: 'code', width: 190, sortable: true, csv: 'output_sku', filter: { kind: 'text', param: 'outputSku', match: 'exact' } },
    { key: 'componentSku', label: 'Component', value: 'code', width: 190, sortable: true, csv: 'component_sku', filter: { kind: 'text', param: 'componentSku', match: 'exact' } },
    { key: 'componentName', label: 'Component name', value: 'text', width: 220, sortable: true, csv: 'component_name', hiddenByDefault: true },
    {
      key: 'qtyPerBuild',
      label: 'Qty per build',
      value: 'decimal',
      width: 140,
      sortable: true,
      csv: 'qty_per_build',
      filter: { kind: 'number', param: 'qtyPerBuild' },
      edit: { entity: 'recipeLine', field: 'qtyPerBuild', input: 'positiveDecimal' },
    },
    { key: 'unit', label: 'Unit', value: 'text', width: 70, sortable: false, csv: 'unit' },
    {
      key: 'outputQty',
      label: 'Output per build',
      value: 'decimal',
      width: 150,
      sortable: true,
      csv: 'output_qty',
      edit: { entity: 'recipe', field: 'outputQty', input: 'positiveDecimal', idKey: 'recipeId', versionKey: 'recipeVersion' },
    },
    {
      key: 'leadTimeDays',
      label: 'Lead time (days)',
      value: 'int',
      width: 150,
      sortable: true,
      csv: 'lead_time_days',
      filter: { kind: 'number', param: 'leadTimeDays' },
      edit: { entity: 'recipe', field: 'leadTimeDays', input: 'count', min: 0, idKey: 'recipeId', versionKey: 'recipeVersion' },
    },
    {
      key: 'maxStartsPerWeek',
      label: 'Max starts / week',
      value: 'int',
      width: 160,
      sortable: true,
      csv: 'max_starts_per_week',
      edit: { entity: 'recipe', field: 'maxStartsPerWeek', input: 'count', min: 1, nullable: true, idKey: 'recipeId', versionKey: 'recipeVersion' },
    },
    { key: 'version', label: 'Version', value: 'int', width: 80, sortable: false, csv: 'version', hiddenByDefault: true },
  ],
};

export const TABLES: Record<TableName, TableDef> = {
  'purchase-order-lines': purchaseOrderLines,
  items,
  inventory,
  suppliers,
  'bom-lines': bomLines,
};

export const TABLE_NAMES = Object.keys(TABLES) as TableName[];

export function isTableName(s: string): s is TableName {
  return Object.hasOwn(TABLES, s);
}
