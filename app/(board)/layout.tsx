// The dashboard's route group: the same workspace shell and sign-in rule as every page (app/(app)/layout.tsx), but
// no loading skeleton. Behind a skeleton the page would stream in a second chunk, and the browser reveals a
// streamed chunk no sooner than 300 ms after the skeleton was painted (React's batched reveal), so the ramp the
// server draws (components/dashboard/ramp-sketch.tsx) would wait for it; here it comes with the first byte of the
// page's content.
export { default } from '../(app)/layout';
