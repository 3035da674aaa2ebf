import { UsageError } from './usage';

export async function forecastCommand(): Promise<void> {
  // Placeholder until the capacity engine lands (issue 3): say so plainly, exit 2.
  throw Object.assign(new UsageError('forecast is not yet implemented'), {});
}
