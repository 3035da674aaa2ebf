/**
 * Which engine computed a forecast. A forecast is a pure function of its model, its options and the engine's
 * code, and the caches (lib/forecast) key on the first two: bump this whenever a change makes the engine give
 * another document for the same model and options (a field added, another value, another schedule), so an
 * upgraded server never serves what the previous engine stored in the shared database.
 *
 * 2026-12-04: PO line values say which slips are exact (`slipExact`), and slips the schedule absorbs are 0.
 * 2026-12-04.2: more re-runs for line values (68 on the demo), pull-ins ranked by what their slip costs too.
 * 2026-12-04.3: a slip is free only on a proven optimal schedule.
 * 2026-12-04.4: a quick what-if's LP on its own grid, not one holding the base's (another vertex where the LP has several).
 * 2026-12-04.5: a quick answer short of its target gap after the LP tries the look-ahead held to the LP's starts
 *   before the integer program near the LP optimum (another schedule where it closes the gap).
 */
export const ENGINE_REVISION = '2026-12-04.5';
