// Runs once when a server process starts (next start / next dev), before it serves.
// Opens the database and computes the dashboard's forecast in the background, so the
// first person to open the dashboard finds it ready (or being computed, and told so)
// instead of waiting on the engine behind a skeleton.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  const { refreshDashboardForecast } = await import('@/lib/forecast/queries');
  // Not awaited: the server starts serving while the engine runs.
  void refreshDashboardForecast();
}
