/**
 * The phases of answering a forecast request, for the `Server-Timing` response header: the browser's network
 * panel (and the what-if journey's checks) see where a slow answer spent its time — the data version, the stored
 * answer's lookup, the model, the engine — without a server log. Durations only, never data.
 */
export function phaseTimer() {
  const phases: { name: string; ms: number }[] = [];
  let last = performance.now();
  return {
    /** Ends the phase running since the previous one (or the start). */
    end(name: string): void {
      const now = performance.now();
      phases.push({ name, ms: now - last });
      last = now;
    },
    header(): string {
      return phases.map((p) => `${p.name};dur=${p.ms.toFixed(1)}`).join(', ');
    },
  };
}
