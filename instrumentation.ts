// Runs once when a server process starts (next start / next dev), before it serves.
// Opens the database, gives this process its forecast engine (worker threads, so no
// forecast ever holds the thread that serves requests), and computes the dashboard's
// forecast in the background, so the first person to open the dashboard finds it
// ready (or being computed, and told so) instead of waiting behind a skeleton.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  // First: every request from here on carries its socket peer's address (lib/auth/peer-address.ts).
  (await import('@/lib/auth/peer-address')).installPeerAddressStamp();
  const [{ getDatabase }, { installEnginePool }, { refreshDashboardForecast }] = await Promise.all([
    import('@/lib/db/client'),
    import('@/lib/engine/pool'),
    import('@/lib/forecast/queries'),
  ]);
  try {
    const db = await getDatabase();
    installEnginePool(db.locals);
    // Not awaited: the server starts serving while the engine runs.
    void refreshDashboardForecast(db);
  } catch (err) {
    // The pages and /api/health report a database that cannot be opened; the server still starts.
    console.error('ClearBuild: could not open the database at start:', err instanceof Error ? err.message : err);
  }
}
