import os from 'node:os';

/** The CLI acts as a local admin on its own machine; audit records say who ran it. */
export function cliActor(): string {
  let user = 'unknown';
  try {
    user = os.userInfo().username;
  } catch {
    // no passwd entry (some containers): keep "unknown"
  }
  return `cli:${user}@${os.hostname()}`;
}
