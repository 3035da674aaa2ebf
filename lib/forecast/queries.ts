import 'server-only';
import { getPrisma } from '@/lib/db/client';
import { todayIso, type ForecastParams } from './params';
import { runForecast } from './run-forecast';
import { summarizeForecast, type DashboardSummary } from './summarize';

export async function fetchDashboard(params: ForecastParams = {}): Promise<DashboardSummary | null> {
  const prisma = await getPrisma();
  if ((await prisma.item.count()) === 0) return null;
  // The dashboard never shows per-batch pegging: skip building it.
  const { forecast } = await runForecast(prisma, params, { pegging: 'none' });
  return summarizeForecast(forecast, params.planStart ?? todayIso());
}
