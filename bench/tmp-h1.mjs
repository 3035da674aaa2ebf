const loadHighs = (await import('highs')).default;
const highs = await loadHighs();
console.log(Object.keys(highs));
const m = highs.createModel({
  numCols: 2, numRows: 2, sense: highs.constants.objectiveSense.maximize,
  colCost: [30, 50], colLower: [0,0], colUpper: [highs.infinity, highs.infinity],
  rowLower: [-highs.infinity, -highs.infinity], rowUpper: [40, 50],
  matrix: { format: 'csc', numRows: 2, numCols: 2, starts: [0,2,4], indices: [0,1,0,1], values: [1,2,2,1] },
  integrality: [1,1],
});
m.options.set({ output_flag: false, mip_rel_gap: 0, mip_abs_gap: 0.5, time_limit: 5 });
m.setSolution({ colValue: [10, 10] });
const r = m.run();
console.log(r, m.getModelStatus(), m.getObjectiveValue(), m.getSolution().colValue, m.info.get('mip_dual_bound'), m.info.get('primal_solution_status'));
m.dispose();
