export const USAGE = `usage: clearbuild <command> [options]

commands:
  import <kind> <file.csv> [--supplier CODE] [--dry-run] [--json]
      kinds: items, recipes, bom, inventory, purchase-orders, targets
  forecast [--plan-start YYYY-MM-DD] [--horizon-days N] [--scenario NAME] [--tier quick|proven] [--include pegging,line-values] [--json]
  scenario save <name> <adjustments.json> [--plan-start YYYY-MM-DD] [--horizon-days N]
  scenario list

The CLI works on the same database as the app: DATABASE_URL when set, otherwise the
embedded PostgreSQL in CLEARBUILD_DATA_DIR (default .data/). It acts as a local admin.
Exit codes: 0 success, 1 bad input, 2 usage.`;

/** A mistake in how the command was called: print it with the usage, exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Bad input the user must fix (a file, a date): print it, exit 1. */
export class InputError extends Error {
  override name = 'InputError';
}
