/**
 * ClearBuild capacity engine: how many GPUs come online and when. Pure
 * TypeScript (plus the HiGHS wasm solver); no Next.js, no database.
 */
export { computeForecast, SHORTAGE_SUPPLIER, withReceipts } from './forecast';
export { DEFAULT_SAFETY_NET_MS, WORK_BUDGETS } from './work-budget';
export { validateModel, collectProblems, MAX_HORIZON_DAYS } from './validate';
export { ModelValidationError, CapacityEngineError, type ModelProblem, type ProblemEntity } from './errors';
export { STANDARD_LEVELS } from './milestones';
export { warmUp } from './milp';
export { ENGINE_REVISION } from './revision';
export { rehearse, rehearsalWhatIfs, REHEARSAL_BUDGET_MS, REHEARSAL_SEED, REHEARSAL_WHAT_IFS } from './rehearse';
export type * from './types';
