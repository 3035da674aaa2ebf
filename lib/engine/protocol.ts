import type { CapacityModel, Forecast, ForecastOptions, ModelProblem } from '@/lib/capacity';

/** What the pool sends a worker. */
export interface EngineJob {
  id: number;
  model: CapacityModel;
  options: ForecastOptions;
  /** A priming job (EnginePool.prime): a worker that has not rehearsed yet does so first (lib/capacity/rehearse.ts). */
  rehearse?: boolean;
}

/** What a worker answers: the forecast, or the error the engine threw (rebuilt on the other side). */
export type EngineReply =
  | { id: number; ok: true; forecast: Forecast; /** What-ifs rehearsed before this job (0 when it had rehearsed already). */ rehearsed?: number }
  | { id: number; ok: false; error: { name: string; message: string; problems?: ModelProblem[] }; rehearsed?: number };
