import { fractionDigits, MAX_FRACTION_DIGITS } from './decimal';
import { parseDate } from './dates';
import { ModelValidationError, type ModelProblem, type ProblemEntity } from './errors';
import type { Adjustment, CapacityModel, LineKey } from './types';

export const MAX_HORIZON_DAYS = 3660;
const MAX_INTEGER_DIGITS = 12;

export function lineKeyString(l: LineKey): string {
  return `${l.supplier}/${l.poNumber}/${l.lineNo}`;
}

/**
 * Checks everything the engine relies on and throws ModelValidationError naming
 * every offending row at once, so a bad import is fixed in one pass.
 */
export function validateModel(model: CapacityModel): void {
  const problems = collectProblems(model);
  if (problems.length > 0) throw new ModelValidationError(problems);
}

export function collectProblems(model: CapacityModel): ModelProblem[] {
  const problems: ModelProblem[] = [];
  const add = (entity: ProblemEntity, key: string, message: string) => problems.push({ entity, key, message });

  const quantity = (entity: ProblemEntity, key: string, field: string, v: unknown, allowZero: boolean) => {
    const issue = quantityIssue(v, allowZero);
    if (issue) add(entity, key, `${field} ${issue}`);
  };
  const wholeNumber = (entity: ProblemEntity, key: string, field: string, v: unknown, min: number) => {
    if (typeof v !== 'number' || !Number.isInteger(v)) add(entity, key, `${field} must be a whole number (got ${JSON.stringify(v)})`);
    else if (v < min) add(entity, key, `${field} must be at least ${min} (got ${v})`);
  };

  if (parseDate(model.planStart) === null) add('model', 'planStart', `planStart must be a date YYYY-MM-DD (got ${JSON.stringify(model.planStart)})`);
  if (!Number.isInteger(model.horizonDays) || model.horizonDays < 1 || model.horizonDays > MAX_HORIZON_DAYS)
    add('model', 'horizonDays', `horizonDays must be a whole number from 1 to ${MAX_HORIZON_DAYS} (got ${model.horizonDays})`);

  // Items
  const items = new Map<string, CapacityModel['items'][number]>();
  for (const it of model.items) {
    if (typeof it.sku !== 'string' || it.sku.trim() === '') {
      add('item', String(it.sku), 'sku must be a non-empty string');
      continue;
    }
    if (items.has(it.sku)) add('item', it.sku, 'duplicate sku');
    items.set(it.sku, it);
    const g = it.gpusOnlinePerUnit;
    if (typeof g !== 'number' || !Number.isFinite(g) || g < 0)
      add('item', it.sku, `gpusOnlinePerUnit must be a number ≥ 0 (got ${JSON.stringify(g)})`);
    else if (fractionDigits(String(g)) > MAX_FRACTION_DIGITS || /e/i.test(String(g)))
      add('item', it.sku, `gpusOnlinePerUnit ${g} has too many decimal places`);
  }
  const isCapacity = (sku: string) => (items.get(sku)?.gpusOnlinePerUnit ?? 0) > 0;

  // Recipes and BOM lines
  const recipeByOutput = new Map<string, number>();
  model.recipes.forEach((r, idx) => {
    const key = r.outputSku;
    if (!items.has(r.outputSku)) add('recipe', key, `output item ${r.outputSku} is not a known item`);
    const prev = recipeByOutput.get(r.outputSku);
    if (prev !== undefined) add('recipe', key, `two recipes for one item (recipes #${prev + 1} and #${idx + 1})`);
    else recipeByOutput.set(r.outputSku, idx);
    quantity('recipe', key, 'outputQty', r.outputQty, false);
    wholeNumber('recipe', key, 'leadTimeDays', r.leadTimeDays, 0);
    if (r.maxStartsPerWeek !== null) wholeNumber('recipe', key, 'maxStartsPerWeek', r.maxStartsPerWeek, 0);
    if (r.components.length === 0 && r.maxStartsPerWeek === null)
      add('recipe', key, 'a recipe with no components needs a weekly start limit, or its output is unbounded');
    const seen = new Set<string>();
    for (const c of r.components) {
      const bkey = `${r.outputSku}/${c.sku}`;
      if (!items.has(c.sku)) add('bom', bkey, `component ${c.sku} is not a known item`);
      else if (isCapacity(c.sku)) add('bom', bkey, `capacity item ${c.sku} is used as a component; capacity is never consumed`);
      if (seen.has(c.sku)) add('bom', bkey, 'component listed twice in one recipe');
      seen.add(c.sku);
      quantity('bom', bkey, 'qtyPerBuild', c.qtyPerBuild, false);
    }
  });
  for (const cycle of findCycles(model)) add('recipe', cycle.join(' → '), `cycle in the BOM: ${cycle.join(' → ')}`);

  // Inventory
  const invKeys = new Set<string>();
  for (const row of model.inventory) {
    const key = `${row.sku}@${row.location}`;
    if (!items.has(row.sku)) add('inventory', key, `item ${row.sku} is not a known item`);
    if (invKeys.has(key)) add('inventory', key, 'duplicate inventory row');
    invKeys.add(key);
    quantity('inventory', key, 'onHand', row.onHand, true);
  }

  // PO lines. Keys are only spelled out for lines with a problem: this loop runs on every forecast.
  const lineKeys = new LineKeySet();
  for (const l of model.poLines) {
    const dup = !lineKeys.add(l);
    const qtyIssue = quantityIssue(l.qty, true);
    const badDate = parseDate(l.promisedDate) === null;
    const badStatus = l.status !== 'open' && l.status !== 'received' && l.status !== 'cancelled';
    if (!dup && !qtyIssue && !badDate && !badStatus && Number.isInteger(l.lineNo) && items.has(l.sku)) continue;
    const key = lineKeyString(l);
    if (dup) add('poLine', key, 'duplicate PO line');
    if (!Number.isInteger(l.lineNo)) add('poLine', key, 'line number must be a whole number');
    if (!items.has(l.sku)) add('poLine', key, `item ${l.sku} is not a known item`);
    if (qtyIssue) add('poLine', key, `qty ${qtyIssue}`);
    if (badDate) add('poLine', key, `promisedDate must be a date YYYY-MM-DD (got ${JSON.stringify(l.promisedDate)})`);
    if (badStatus) add('poLine', key, `status must be open, received or cancelled (got ${JSON.stringify(l.status)})`);
  }

  // Targets
  const targetDates = new Set<string>();
  for (const t of model.targets) {
    if (parseDate(t.date) === null) add('target', String(t.date), 'date must be YYYY-MM-DD');
    if (targetDates.has(t.date)) add('target', t.date, 'duplicate target date');
    targetDates.add(t.date);
    if (typeof t.gpusOnline !== 'number' || !Number.isFinite(t.gpusOnline) || t.gpusOnline < 0)
      add('target', t.date, `gpusOnline must be a number ≥ 0 (got ${JSON.stringify(t.gpusOnline)})`);
  }

  // Adjustments refer to rows that exist (at the point they apply)
  const suppliers = lineKeys.suppliers();
  (model.adjustments ?? []).forEach((a, idx) => validateAdjustment(a, idx, { items, recipeByOutput, lineKeys, suppliers, add, quantity, wholeNumber }));

  return problems;
}

interface AdjustmentContext {
  items: Map<string, unknown>;
  recipeByOutput: Map<string, number>;
  lineKeys: LineKeySet;
  suppliers: Set<string>;
  add: (entity: ProblemEntity, key: string, message: string) => void;
  quantity: (entity: ProblemEntity, key: string, field: string, v: unknown, allowZero: boolean) => void;
  wholeNumber: (entity: ProblemEntity, key: string, field: string, v: unknown, min: number) => void;
}

function validateAdjustment(a: Adjustment, idx: number, ctx: AdjustmentContext): void {
  const key = `#${idx + 1} ${(a as { kind?: unknown }).kind}`;
  const { add } = ctx;
  const days = (v: unknown) => {
    if (typeof v !== 'number' || !Number.isInteger(v)) add('adjustment', key, `days must be a whole number (got ${JSON.stringify(v)})`);
  };
  const existingLine = (l: LineKey) => {
    if (!ctx.lineKeys.has(l)) add('adjustment', key, `PO line ${lineKeyString(l)} does not exist`);
  };
  const recipe = (sku: string) => {
    if (!ctx.recipeByOutput.has(sku)) add('adjustment', key, `no recipe makes ${sku}`);
  };
  switch (a.kind) {
    case 'delaySupplier':
      days(a.days);
      if (!ctx.suppliers.has(a.supplier)) add('adjustment', key, `supplier ${a.supplier} has no PO lines`);
      return;
    case 'delayLine':
      days(a.days);
      existingLine(a);
      return;
    case 'scaleLine':
      existingLine(a);
      ctx.quantity('adjustment', key, 'factor', a.factor, true);
      return;
    case 'cancelLine':
      existingLine(a);
      return;
    case 'addLine': {
      const k = lineKeyString(a);
      if (!ctx.lineKeys.add(a)) add('adjustment', key, `PO line ${k} already exists`);
      ctx.suppliers.add(a.supplier);
      if (!Number.isInteger(a.lineNo)) add('adjustment', key, 'line number must be a whole number');
      if (!ctx.items.has(a.sku)) add('adjustment', key, `item ${a.sku} is not a known item`);
      ctx.quantity('adjustment', key, 'qty', a.qty, true);
      if (parseDate(a.promisedDate) === null) add('adjustment', key, 'promisedDate must be YYYY-MM-DD');
      return;
    }
    case 'setLeadTime':
      recipe(a.outputSku);
      ctx.wholeNumber('adjustment', key, 'leadTimeDays', a.leadTimeDays, 0);
      return;
    case 'setWeeklyLimit':
      recipe(a.outputSku);
      if (a.maxStartsPerWeek !== null) ctx.wholeNumber('adjustment', key, 'maxStartsPerWeek', a.maxStartsPerWeek, 0);
      return;
    case 'setStock':
      if (!ctx.items.has(a.sku)) add('adjustment', key, `item ${a.sku} is not a known item`);
      if (typeof a.location !== 'string' || a.location.trim() === '') add('adjustment', key, 'location must be a non-empty text');
      ctx.quantity('adjustment', key, 'onHand', a.onHand, true);
      return;
    default:
      add('adjustment', key, `unknown adjustment kind ${JSON.stringify((a as { kind?: unknown }).kind)}`);
  }
}

/** supplier → PO → line numbers: no key string per line. */
class LineKeySet {
  private readonly map = new Map<string, Map<string, Set<number>>>();

  /** False when the key was already there. */
  add(l: LineKey): boolean {
    let pos = this.map.get(l.supplier);
    if (!pos) this.map.set(l.supplier, (pos = new Map()));
    let nos = pos.get(l.poNumber);
    if (!nos) pos.set(l.poNumber, (nos = new Set()));
    if (nos.has(l.lineNo)) return false;
    nos.add(l.lineNo);
    return true;
  }

  has(l: LineKey): boolean {
    return this.map.get(l.supplier)?.get(l.poNumber)?.has(l.lineNo) ?? false;
  }

  suppliers(): Set<string> {
    return new Set(this.map.keys());
  }
}

/**
 * What is wrong with a decimal quantity, or null. A single pass over the
 * characters: 200,000 PO lines are validated on every forecast.
 */
function quantityIssue(v: unknown, allowZero: boolean): string | null {
  if (typeof v !== 'string') return `must be a decimal string like "12.5" (got ${JSON.stringify(v)})`;
  let i = 0;
  while (i < v.length && v.charCodeAt(i) === 32) i++;
  if (v.charCodeAt(i) === 45 /* - */) return `must not be negative (got ${v})`;
  let intDigits = 0;
  let fracDigits = 0;
  let sawDot = false;
  let nonZero = false;
  let significantInt = 0;
  for (let k = 0; k < v.length; k++) {
    const c = v.charCodeAt(k);
    if (c === 46 /* . */) {
      if (sawDot || k === 0 || k === v.length - 1) return `must be a decimal string like "12.5" (got ${JSON.stringify(v)})`;
      sawDot = true;
      continue;
    }
    if (c < 48 || c > 57) return `must be a decimal string like "12.5" (got ${JSON.stringify(v)})`;
    if (c !== 48) nonZero = true;
    if (sawDot) fracDigits++;
    else {
      intDigits++;
      if (nonZero) significantInt++;
    }
  }
  if (intDigits === 0) return `must be a decimal string like "12.5" (got ${JSON.stringify(v)})`;
  if (significantInt > MAX_INTEGER_DIGITS) return `${v} is too large`;
  if (fracDigits > MAX_FRACTION_DIGITS && fractionDigits(v) > MAX_FRACTION_DIGITS)
    return `${v} has more than ${MAX_FRACTION_DIGITS} decimal places`;
  if (!allowZero && !nonZero) return 'must be greater than zero';
  return null;
}

/** Each cycle once, as the list of items along it (first item repeated at the end). */
function findCycles(model: CapacityModel): string[][] {
  const edges = new Map<string, string[]>();
  for (const r of model.recipes) {
    const list = edges.get(r.outputSku) ?? [];
    for (const c of r.components) list.push(c.sku);
    edges.set(r.outputSku, list);
  }
  const state = new Map<string, 1 | 2>(); // 1 on stack, 2 done
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (root: string) => {
    // Iterative DFS: deep BOMs must not overflow the JS stack.
    const iters: Array<{ node: string; next: number }> = [{ node: root, next: 0 }];
    state.set(root, 1);
    stack.push(root);
    while (iters.length > 0) {
      const top = iters[iters.length - 1]!;
      const out = edges.get(top.node) ?? [];
      if (top.next < out.length) {
        const child = out[top.next++]!;
        const s = state.get(child);
        if (s === 1) {
          const from = stack.indexOf(child);
          cycles.push([...stack.slice(from), child]);
        } else if (s === undefined) {
          state.set(child, 1);
          stack.push(child);
          iters.push({ node: child, next: 0 });
        }
      } else {
        state.set(top.node, 2);
        stack.pop();
        iters.pop();
      }
    }
  };
  for (const sku of [...edges.keys()].sort()) if (!state.has(sku)) visit(sku);
  return cycles;
}
