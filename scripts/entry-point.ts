import { DatabaseSetupError } from '../lib/db/errors';

/**
 * Runs a script's body; setup problems print as one line (no stack trace) and
 * exit 1. Exits as soon as the body is done: database drivers keep idle timers
 * alive for seconds after they are closed.
 */
export async function runEntryPoint(body: () => Promise<void>): Promise<void> {
  let code = 0;
  try {
    await body();
  } catch (err) {
    if (!(err instanceof DatabaseSetupError)) throw err;
    console.error(err.message);
    code = 1;
  }
  process.stdout.write('', () => process.exit(code));
}
