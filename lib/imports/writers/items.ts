import { classify } from '../classify';
import type { KindWriter, NumberedRow, RowProblem } from '../types';

export interface ItemRow {
  sku: string;
  name: string;
  category: string;
  unit: string;
  site: string | null;
  gpusOnlinePerUnit: number;
}

export const itemsWriter: KindWriter<ItemRow> = {
  entity: 'Item',
  async write({ tx, dryRun }, rows: NumberedRow<ItemRow>[]) {
    const problems: RowProblem[] = [];
    const siteCodes = [...new Set(rows.map((r) => r.value.site).filter((s): s is string => !!s))];
    // An unknown site code creates the site (DESIGN.md); do it only when really writing.
    if (!dryRun && siteCodes.length > 0) {
      await tx.site.createMany({ data: siteCodes.map((code) => ({ code, name: code })), skipDuplicates: true });
    }
    const sites = await tx.site.findMany({ where: { code: { in: siteCodes } }, select: { id: true, code: true } });
    const siteId = new Map(sites.map((s) => [s.code, s.id]));

    const existing = await tx.item.findMany({
      where: { sku: { in: rows.map((r) => r.value.sku) } },
      include: { site: { select: { code: true } } },
    });
    const stored = new Map(
      existing.map((i) => [
        i.sku,
        { name: i.name, category: i.category, unit: i.unit, site: i.site?.code ?? null, gpusOnlinePerUnit: i.gpusOnlinePerUnit },
      ]),
    );
    const changes = classify(
      stored,
      rows.map(({ value: v }) => ({
        key: v.sku,
        fields: { name: v.name, category: v.category, unit: v.unit, site: v.site, gpusOnlinePerUnit: v.gpusOnlinePerUnit },
      })),
    );
    if (dryRun) return { problems, changes };

    const byKey = new Map(rows.map((r) => [r.value.sku, r.value]));
    const data = (v: ItemRow) => ({
      name: v.name,
      category: v.category as never,
      unit: v.unit,
      siteId: v.site ? (siteId.get(v.site) ?? null) : null,
      gpusOnlinePerUnit: v.gpusOnlinePerUnit,
    });
    const creates = changes.filter((c) => c.action === 'create').map((c) => ({ sku: c.key, ...data(byKey.get(c.key)!) }));
    if (creates.length > 0) await tx.item.createMany({ data: creates });
    for (const c of changes.filter((c) => c.action === 'update')) {
      await tx.item.update({ where: { sku: c.key }, data: data(byKey.get(c.key)!) });
    }
    return { problems, changes };
  },
};
