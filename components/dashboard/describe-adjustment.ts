import type { StoredAdjustment } from '@/lib/supplier-stock/stock-what-if';

const weeksOrDays = (days: number) => {
  const n = Math.abs(days);
  return n % 7 === 0 ? `${n / 7} week${n === 7 ? '' : 's'}` : `${n} day${n === 1 ? '' : 's'}`;
};
const move = (days: number) => (days >= 0 ? `delayed ${weeksOrDays(days)}` : `pulled in ${weeksOrDays(days)}`);

/** One adjustment in words: "NVIDIA delayed 8 weeks", "FERGUSON PO-7 line 2 cancelled". */
export function describeAdjustment(a: StoredAdjustment): string {
  switch (a.kind) {
    case 'delaySupplier':
      return `${a.supplier}: every open line ${move(a.days)}`;
    case 'delayLine':
      return `${a.supplier} ${a.poNumber} line ${a.lineNo} ${move(a.days)}`;
    case 'scaleLine':
      return `${a.supplier} ${a.poNumber} line ${a.lineNo} scaled × ${a.factor}`;
    case 'cancelLine':
      return `${a.supplier} ${a.poNumber} line ${a.lineNo} cancelled`;
    case 'addLine':
      return `new order: ${a.qty} ${a.sku} from ${a.supplier}, promised ${a.promisedDate}`;
    case 'setLeadTime':
      return `${a.outputSku} lead time ${a.leadTimeDays} days`;
    case 'setWeeklyLimit':
      return a.maxStartsPerWeek === null ? `${a.outputSku}: no weekly build limit` : `${a.outputSku}: at most ${a.maxStartsPerWeek} builds a week`;
    case 'setStock':
      return `${a.sku} at ${a.location}: ${a.onHand} on hand`;
    case 'acceptSupplierStock':
      return `${a.supplier}'s waiting stock reports accepted`;
  }
}
