/**
 * ClearBuild capacity engine: how many GPUs come online and when. Pure
 * TypeScript (plus the HiGHS wasm solver); no Next.js, no database.
 */
export { computeForecast, DEFAULT_TIME_LIMIT_MS, SHORTAGE_SUPPLIER, withReceipts } from './forecast';
export { validateModel, collectProblems, MAX_HORIZON_DAYS } from './validate';
export { ModelValidationError, CapacityEngineError, type ModelProblem, type ProblemEntity } from './errors';
export { STANDARD_LEVELS } from './milestones';
export { warmUp } from './milp';
export type * from './types';
