import { DatabaseSetupError } from '../lib/db/errors';

/** Runs a script's body; setup problems print as one line (no stack trace) and exit 1. */
export async function runEntryPoint(body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (err) {
    if (err instanceof DatabaseSetupError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
}
