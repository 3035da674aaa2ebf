/** One row of a canonical CSV file: canonical column name → cell text, exactly as the file holds it. */
export type CsvRow = Record<string, string>;

export const DEMO_CSV_KINDS = ['items', 'recipes', 'bom', 'inventory', 'purchase-orders', 'targets'] as const;
export type DemoCsvKind = (typeof DEMO_CSV_KINDS)[number];

/** Column order used when writing each kind (DESIGN.md "Canonical CSV formats"). */
export const DEMO_CSV_COLUMNS: Record<DemoCsvKind, readonly string[]> = {
  items: ['sku', 'name', 'category', 'unit', 'site', 'gpus_online_per_unit'],
  recipes: ['output_sku', 'output_qty', 'lead_time_days', 'max_starts_per_week'],
  bom: ['output_sku', 'component_sku', 'qty_per_build'],
  inventory: ['sku', 'location', 'on_hand'],
  'purchase-orders': ['supplier', 'po_number', 'line', 'sku', 'qty', 'promised_date', 'status', 'received_date'],
  targets: ['date', 'gpus_online'],
};

// Type aliases, not interfaces, so a site or supplier is assignable where a
// JSON object (with an implicit index signature) is expected, e.g. an audit payload.
export type DemoSite = { code: string; name: string };

export type DemoSupplier = { code: string; name: string };

export interface DemoData {
  items: CsvRow[];
  recipes: CsvRow[];
  bom: CsvRow[];
  inventory: CsvRow[];
  'purchase-orders': CsvRow[];
  targets: CsvRow[];
  sites: DemoSite[];
  suppliers: DemoSupplier[];
}

export type ItemCategory = 'gpu' | 'compute' | 'network' | 'rack' | 'power' | 'cooling' | 'facility' | 'other';
