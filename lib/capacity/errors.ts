export type ProblemEntity =
  | 'model'
  | 'item'
  | 'recipe'
  | 'bom'
  | 'inventory'
  | 'poLine'
  | 'target'
  | 'adjustment';

/** One offending row: which kind of row, its key, and what is wrong with it. */
export interface ModelProblem {
  entity: ProblemEntity;
  key: string;
  message: string;
}

/** The model cannot be forecast; never a silent wrong forecast. */
export class ModelValidationError extends Error {
  readonly problems: ModelProblem[];

  constructor(problems: ModelProblem[]) {
    const head = problems
      .slice(0, 5)
      .map((p) => `${p.entity} ${p.key}: ${p.message}`)
      .join('; ');
    const more = problems.length > 5 ? ` (and ${problems.length - 5} more)` : '';
    super(`Invalid capacity model: ${head}${more}`);
    this.name = 'ModelValidationError';
    this.problems = problems;
  }
}

/** A broken internal invariant (the engine's own schedule check failed): a bug, never bad input. */
export class CapacityEngineError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CapacityEngineError';
  }
}
