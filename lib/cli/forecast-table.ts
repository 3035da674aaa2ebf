import type { Forecast } from '@/lib/capacity';

const fmt = new Intl.NumberFormat('en-US');

function table(headers: string[], rows: string[][], numeric: boolean[]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (numeric[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** The readable forecast: the ramp week by week, targets and what gates them. */
export function renderForecastTable(f: Forecast): string {
  const out: string[] = [];
  const last = f.series[f.series.length - 1];
  out.push(
    `ClearBuild forecast from ${f.planStart}, ${f.horizonDays} days: ${fmt.format(last?.gpusOnline ?? 0)} GPUs online by ${last?.date ?? f.planStart}, ` +
      `${fmt.format(f.gpuDays)} GPU-days (${f.optimality.status}${f.optimality.gapBound ? `, gap ≤ ${fmt.format(f.optimality.gapBound)}` : ''}).`,
    '',
  );

  const weekly = f.bottlenecks.map((b) => {
    const top = b.gates[0];
    const gate = !top
      ? ''
      : top.gate.kind === 'poLine'
        ? `${top.gate.sku} (${top.gate.supplier} ${top.gate.poNumber}/${top.gate.lineNo})`
        : `${top.gate.sku} (${top.gate.kind})`;
    const endOfWeek = f.series.find((p) => p.date >= b.weekStart)?.gpusOnline ?? 0;
    return [b.week, b.weekStart, fmt.format(b.gpusOnlined), fmt.format(endOfWeek), gate];
  });
  if (weekly.length > 0) {
    out.push('Weeks with GPUs coming online:', table(['week', 'starts', 'new GPUs', 'online at week start', 'main gate'], weekly, [false, false, true, true, false]), '');
  }

  const targets = f.milestones.filter((m) => m.kind === 'target');
  if (targets.length > 0) {
    const rows = targets.map((m) => {
      const point = f.series.find((p) => p.date === m.targetDate);
      return [m.targetDate ?? '', fmt.format(m.gpusOnline), point ? fmt.format(point.gpusOnline) : 'beyond horizon', m.met ? 'met' : 'MISSED', m.date ?? '—'];
    });
    out.push('Targets:', table(['date', 'target', 'forecast', 'status', 'reached on'], rows, [false, true, true, false, false]), '');
  }
  for (const s of f.shortages) {
    const lines = s.lines.map((l) => {
      const pulls = l.pullIn.map((p) => `pull in ${p.supplier} ${p.poNumber}/${p.lineNo} (${p.quantity}) ${p.expectedDate} → ${p.neededByDate}`);
      return `  ${l.sku} ${l.quantity} by ${l.needByDate}: ${[...pulls, ...(l.newOrderQuantity ? [`new order ${l.newOrderQuantity}`] : [])].join('; ')}`;
    });
    const status = !s.achievable ? 'not reachable by buying more' : s.verified ? 'verified' : 'NOT verified';
    out.push(`Expedite plan for ${s.targetDate} (${status})${s.note ? `: ${s.note}` : ''}`, ...lines, '');
  }
  for (const w of f.warnings.slice(0, 20)) out.push(`warning: ${w.message}`);
  if (f.warnings.length > 20) out.push(`…and ${f.warnings.length - 20} more warnings (use --json)`);
  return `${out.join('\n')}\n`;
}
