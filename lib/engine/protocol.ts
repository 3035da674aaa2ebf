import type { CapacityModel, Forecast, ForecastOptions, ModelProblem } from '@/lib/capacity';

/** What the pool sends a worker. */
export interface EngineJob {
  id: number;
  model: CapacityModel;
  options: ForecastOptions;
}

/** What a worker answers: the forecast, or the error the engine threw (rebuilt on the other side). */
export type EngineReply =
  | { id: number; ok: true; forecast: Forecast }
  | { id: number; ok: false; error: { name: string; message: string; problems?: ModelProblem[] } };
