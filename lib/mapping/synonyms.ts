import type { ImportKind } from '@/lib/validation/import-kinds';
import type { COLUMN_TYPES } from './column-types';

/**
 * Header names suppliers use for each canonical column, in English and German (the
 * languages of the suppliers' exports seen so far), best first: when two headers of one
 * file could fill the same column, the one earlier in its list wins ("Open Qty" beats
 * "Order Qty" for the open quantity). Entries are compared after `normaliseHeader`, so
 * case, accents, punctuation and "No."/"Number"/"#" spellings need no variants here.
 */

// Spellings of one idea, folded to one token so "PO #", "PO No." and "PO Number" match alike.
const TOKEN_ALIASES: Record<string, string> = {
  number: 'no',
  num: 'no',
  nr: 'no',
  nbr: 'no',
  nummer: 'no',
  quantity: 'qty',
  quant: 'qty',
  qnty: 'qty',
};

export function normaliseHeader(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '') // accents: "Bestätigter" → "Bestatigter"
    .replace(/ß/g, 'ss')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2') // camelCase: "PromisedDate"
    .replace(/([A-Z])([A-Z][a-z]{2,})/g, '$1 $2') // "PONumber", but not "GPUs"
    .toLowerCase()
    .replace(/[#№]/g, ' no ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .map((token) => TOKEN_ALIASES[token] ?? token)
    .join(' ');
}

const SKU = [
  'customer part number',
  'cust part no',
  'your part number',
  'buyer part number',
  'part number',
  'part no',
  'part',
  'item code',
  'item id',
  'item',
  'material',
  'material number',
  'article',
  'article number',
  'product code',
  'product id',
  'mpn',
  'manufacturer part number',
  'mfr part number',
  'artikel',
  'artikelnummer',
  'artikel no',
  'materialnummer',
  'material no',
  'teilenummer',
  'sachnummer',
  'ihre artikelnummer',
  'item no', // in PO files usually the line; here only when no line column claims it
];

const QTY = ['quantity', 'qty', 'menge'];

type Synonyms = { [K in ImportKind]: Record<keyof (typeof COLUMN_TYPES)[K] & string, readonly string[]> };

export const HEADER_SYNONYMS: Synonyms = {
  items: {
    sku: SKU,
    name: ['name', 'description', 'item description', 'part description', 'product name', 'desc', 'bezeichnung', 'artikelbezeichnung', 'beschreibung', 'kurztext'],
    category: ['category', 'item category', 'type', 'item type', 'class', 'item class', 'product group', 'kategorie', 'warengruppe', 'artikelgruppe'],
    unit: ['unit', 'uom', 'unit of measure', 'units', 'base unit', 'einheit', 'mengeneinheit', 'me', 'basismengeneinheit'],
    site: ['site', 'site code', 'data center', 'datacenter', 'dc', 'plant', 'location', 'standort', 'werk'],
    gpus_online_per_unit: ['gpus online per unit', 'gpus per unit', 'gpu count', 'gpus', 'gpus online'],
  },
  recipes: {
    output_sku: ['output sku', 'output', 'assembly', 'parent', 'parent sku', 'product', 'finished good', 'baugruppe', ...SKU],
    output_qty: ['output qty', 'yield', 'batch size', 'output quantity', ...QTY],
    lead_time_days: ['lead time days', 'lead time', 'lt days', 'lt', 'build time', 'build days', 'durchlaufzeit', 'fertigungszeit', 'lieferzeit'],
    max_starts_per_week: ['max starts per week', 'max starts', 'starts per week', 'weekly capacity', 'capacity per week', 'capacity', 'kapazitat pro woche'],
  },
  bom: {
    output_sku: ['output sku', 'parent', 'parent sku', 'parent part', 'parent part number', 'parent item', 'assembly', 'assembly part number', 'baugruppe', 'ubergeordnetes teil'],
    component_sku: ['component sku', 'component', 'component part', 'component part number', 'child', 'child sku', 'child part', 'child item', 'komponente', ...SKU],
    qty_per_build: ['qty per build', 'qty per', 'quantity per', 'qty per assembly', 'usage', 'menge pro baugruppe', ...QTY],
  },
  inventory: {
    sku: SKU,
    location: ['location', 'warehouse', 'site', 'plant', 'whse', 'wh', 'storage location', 'bin', 'store', 'lagerort', 'lager', 'werk', 'standort'],
    on_hand: ['on hand', 'qty on hand', 'on hand qty', 'stock', 'in stock', 'stock qty', 'available', 'qty available', 'available qty', 'balance', 'inventory', 'bestand', 'lagerbestand', 'verfugbar', 'verfugbarer bestand', ...QTY],
  },
  'purchase-orders': {
    supplier: ['supplier', 'vendor', 'supplier code', 'vendor code', 'supplier id', 'vendor id', 'supplier no', 'vendor no', 'lieferant', 'lieferantennummer', 'lieferanten no', 'kreditor'],
    po_number: ['po number', 'po no', 'po', 'purchase order', 'purchase order no', 'customer po', 'customer po no', 'your order no', 'your order', 'order no', 'order', 'bestellnummer', 'bestell no', 'bestellung', 'ihre bestellnummer', 'ihre bestellung'],
    line: ['line', 'line no', 'po line', 'po line no', 'order line', 'line item', 'item no', 'pos', 'pos no', 'position', 'bestellposition', 'zeile'],
    sku: SKU,
    qty: ['open qty', 'qty open', 'open quantity', 'remaining qty', 'balance qty', 'qty due', 'qty shipped', 'ship qty', 'shipped qty', 'qty to ship', 'offene menge', 'restmenge', 'liefermenge', 'menge', 'qty', 'quantity', 'order qty', 'qty ordered', 'bestellmenge'],
    promised_date: [
      'promised date',
      'promise date',
      'confirmed date',
      'confirmed delivery date',
      'committed date',
      'commit date',
      'eta',
      'eta date',
      'delivery date',
      'expected delivery date',
      'expected date',
      'estimated delivery',
      'arrival date',
      'due date',
      'ship date',
      'bestatigter liefertermin',
      'liefertermin',
      'lieferdatum',
      'ab termin',
      'termin',
    ],
    status: ['status', 'line status', 'po status', 'order status', 'state'],
    received_date: ['received date', 'received', 'receipt date', 'date received', 'goods receipt date', 'gr date', 'wareneingang', 'eingangsdatum'],
  },
  targets: {
    date: ['date', 'target date', 'month', 'week', 'period', 'datum'],
    gpus_online: ['gpus online', 'target', 'gpu target', 'target gpus', 'gpus', 'ziel'],
  },
};
