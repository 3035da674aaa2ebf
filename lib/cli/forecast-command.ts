import { parseArgs } from 'node:util';
import { ModelValidationError } from '@/lib/capacity';
import { resolveDatabaseTarget } from '@/lib/db/config';
import { openDatabase } from '@/lib/db/open';
import { describeParamIssues, forecastParamsSchema } from '@/lib/forecast/params';
import { runForecast, UnknownScenarioError } from '@/lib/forecast/run-forecast';
import { renderForecastTable } from './forecast-table';
import { InputError } from './usage';

const FLAG_OF: Record<string, string> = { planStart: '--plan-start', horizonDays: '--horizon-days', scenario: '--scenario', tier: '--tier', include: '--include' };

export async function forecastCommand(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'plan-start': { type: 'string' },
      'horizon-days': { type: 'string' },
      scenario: { type: 'string' },
      tier: { type: 'string' },
      include: { type: 'string' },
      json: { type: 'boolean' },
    },
  });
  if (positionals.length > 0) throw new InputError(`forecast takes no arguments (got "${positionals.join(' ')}")`);
  const parsed = forecastParamsSchema.safeParse({
    planStart: values['plan-start'],
    horizonDays: values['horizon-days'],
    scenario: values.scenario,
    tier: values.tier,
    include: values.include,
  });
  if (!parsed.success) throw new InputError(`clearbuild forecast: ${describeParamIssues(parsed.error, (f) => FLAG_OF[f] ?? f)}`);

  const db = await openDatabase(resolveDatabaseTarget());
  try {
    const { forecast } = await runForecast(db, parsed.data).catch((err: unknown) => {
      if (err instanceof UnknownScenarioError) throw new InputError(`clearbuild forecast: --scenario: ${err.message}`);
      if (err instanceof ModelValidationError) throw new InputError(`clearbuild forecast: ${err.message}`);
      throw err;
    });
    if (values.json) process.stdout.write(`${JSON.stringify(forecast)}\n`);
    else process.stdout.write(renderForecastTable(forecast));
  } finally {
    await db.close();
  }
}
