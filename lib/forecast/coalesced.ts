interface Refresher {
  running: Promise<void> | null;
  again: boolean;
}

/**
 * Runs `once` now, or, when it is running already, once more after it finishes (for the data as it is
 * then): a burst of changes queues one run, never one per change. The state lives in the open
 * database's `locals` under `name`, shared by every copy of a module Next.js bundles.
 */
export function runCoalesced(locals: Map<string, unknown>, name: string, once: () => Promise<void>): Promise<void> {
  let state = locals.get(name) as Refresher | undefined;
  if (!state) locals.set(name, (state = { running: null, again: false }));
  if (state.running) {
    state.again = true;
    return state.running;
  }
  const refresher = state;
  refresher.running = (async () => {
    try {
      do {
        refresher.again = false;
        await once();
      } while (refresher.again);
    } finally {
      refresher.running = null;
    }
  })();
  return refresher.running;
}
