import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { resolveDatabaseTarget } from '@/lib/db/config';
import { openDatabase } from '@/lib/db/open';
import { describeParamIssues, forecastParamsSchema } from '@/lib/forecast/params';
import { parseAdjustments, type ScenarioIssue } from '@/lib/scenarios/scenario-schema';
import { listScenarios as fetchScenarios, saveScenario } from '@/lib/scenarios/store';
import { cliActor } from './actor';
import { InputError, UsageError } from './usage';

const FLAG_OF: Record<string, string> = { planStart: '--plan-start', horizonDays: '--horizon-days', scenario: 'name' };

/**
 * `clearbuild scenario save <name> <adjustments.json>` stores a what-if as a Scenario
 * row (the shared scenario schema, then today's data through the engine's own model checks; audited);
 * `clearbuild scenario list` shows them. `forecast --scenario <name>` runs one.
 */
export async function scenarioCommand(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { 'plan-start': { type: 'string' }, 'horizon-days': { type: 'string' } },
  });
  const [action, name, file, ...extra] = positionals;
  if (action === 'list' && !name) return listScenarios();
  if (action !== 'save' || !name || !file || extra.length > 0) throw new UsageError('scenario takes: save <name> <adjustments.json> | list');

  const parsed = forecastParamsSchema.safeParse({ planStart: values['plan-start'], horizonDays: values['horizon-days'], scenario: name });
  if (!parsed.success) throw new InputError(`clearbuild scenario: ${describeParamIssues(parsed.error, (f) => FLAG_OF[f] ?? f)}`);
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new InputError(`${file}: ${(err as Error).message}`);
  }
  // The same schema as POST /api/scenarios and the dashboard's builder.
  const shape = parseAdjustments(json);
  if (!shape.ok) throw new InputError(describeIssues(file, json, shape.issues, true));
  const adjustments = shape.adjustments;

  const db = await openDatabase(resolveDatabaseTarget());
  try {
    const input = { name, adjustments, planStart: parsed.data.planStart, horizonDays: parsed.data.horizonDays };
    const saved = await saveScenario(db.prisma, input, cliActor(), { replace: true });
    if (saved.outcome === 'invalid') throw new InputError(describeIssues(file, adjustments, saved.issues));
    console.log(`Scenario "${name}" saved with ${adjustments.length} adjustment(s). Run it: npx clearbuild forecast --scenario "${name}"`);
  } finally {
    await db.close();
  }
}

/** "slip.json: #2 setStock: item NOPE is not a known item": the adjustment by its place in the file. */
function describeIssues(file: string, json: unknown, issues: ScenarioIssue[], withField = false): string {
  const list = Array.isArray(json) ? (json as { kind?: unknown }[]) : [];
  return issues
    .map((i) => {
      if (i.index === undefined) return `${file}: ${i.message}`;
      const kind = list[i.index]?.kind;
      // The data checks' messages name what they are about; the schema's name the field separately.
      const field = withField ? `${i.field}: ` : '';
      return `${file}: #${i.index + 1} ${typeof kind === 'string' ? kind : 'adjustment'}: ${field}${i.message}`;
    })
    .join('\n');
}

async function listScenarios(): Promise<void> {
  const db = await openDatabase(resolveDatabaseTarget());
  try {
    const rows = await fetchScenarios(db.prisma);
    if (rows.length === 0) console.log('No scenarios yet.');
    for (const s of rows) console.log(`${s.name}\t${s.adjustments.length} adjustment(s)`);
  } finally {
    await db.close();
  }
}
