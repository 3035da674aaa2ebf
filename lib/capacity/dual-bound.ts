import type { Core } from './core';
import { buildModelData } from './milp';
import type { NModel } from './normalize';

/**
 * An upper bound on a core's LP optimum from any row prices y, by weak
 * (Lagrangian) duality — no solve. For every x with L ≤ Ax ≤ U and l ≤ x ≤ u:
 *   cᵀx = yᵀ(Ax) + (c − Aᵀy)ᵀx ≤ Σᵢ max(yᵢLᵢ, yᵢUᵢ) + Σⱼ max(dⱼlⱼ, dⱼuⱼ),
 * whatever y is (an infinite side that y leans on makes the bound infinite).
 * So the prices may come from another LP — the base's optimal duals, read onto
 * a what-if's rows by what each row stands for (warm-start.ts) — and the bound
 * is still proven. When a what-if leaves the base's basis optimal (most only
 * move a little supply), it is the what-if's LP optimum itself; when it does
 * not, the bound is weaker and the LP is solved as before (solve.ts).
 * Deterministic: the base's duals depend on its data version only.
 */
export function lagrangianBound(m: NModel, core: Core, rowPrice: (data: ReturnType<typeof buildModelData>) => Float64Array): number {
  const inf = Infinity;
  const data = buildModelData(m, core, inf);
  const y = rowPrice(data);
  let bound = 0;
  // Σ|term|: floating-point sums err by at most a tiny multiple of it, added back so the bound stays a bound.
  let magnitude = 0;
  for (let i = 0; i < data.numRows; i++) {
    const yi = y[i]!;
    if (yi === 0) continue;
    const side = yi > 0 ? data.rowUpper[i]! : data.rowLower[i]!;
    if (!Number.isFinite(side)) return Infinity;
    bound += yi * side;
    magnitude += Math.abs(yi * side);
  }
  const { starts, indices, values } = data.matrix;
  for (let j = 0; j < data.numCols; j++) {
    let d = data.colCost[j]!;
    let dMagnitude = Math.abs(d);
    for (let k = starts[j]!; k < starts[j + 1]!; k++) {
      d -= y[indices[k]!]! * values[k]!;
      dMagnitude += Math.abs(y[indices[k]!]! * values[k]!);
    }
    const x = d > 0 ? data.colUpper[j]! : data.colLower[j]!;
    if (d > 0 && !Number.isFinite(x)) return Infinity;
    bound += d * x;
    magnitude += dMagnitude * Math.abs(x);
  }
  return bound + 1e-9 * magnitude;
}
