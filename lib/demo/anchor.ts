import { mondayOnOrBefore } from './calendar';

/** The demo's plan start: the Monday of the week it is seeded, so it never looks stale. */
export function demoAnchor(today = new Date()): string {
  // The calendar date where the person is, not UTC's: east of UTC those differ at midnight.
  const local = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
  return mondayOnOrBefore(local);
}
