import { CsvImportError } from '@/lib/csv';
import { DatabaseSetupError } from '@/lib/db/errors';
import { forecastCommand } from './forecast-command';
import { importCommand } from './import-command';
import { scenarioCommand } from './scenario-command';
import { InputError, USAGE, UsageError } from './usage';

const COMMANDS: Record<string, (argv: string[]) => Promise<void>> = {
  import: importCommand,
  forecast: forecastCommand,
  scenario: scenarioCommand,
};

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  const run = COMMANDS[command];
  try {
    if (!run) throw new UsageError(`unknown command "${command}"`);
    await run(rest);
    return 0;
  } catch (err) {
    if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`clearbuild: ${(err as Error).message}\n\n${USAGE}`);
      return 2;
    }
    if (err instanceof CsvImportError || err instanceof InputError || err instanceof DatabaseSetupError) {
      console.error(err.message);
      return 1;
    }
    throw err;
  }
}

const code = await main(process.argv.slice(2));
// Exit as soon as the work is done: the database drivers keep idle timers alive
// for seconds after close. Wait for stdout to drain so piped JSON is never cut.
process.stdout.write('', () => process.exit(code));
