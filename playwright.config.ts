import { defineConfig, type PlaywrightTestConfig } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 3100);
// With DATABASE_URL set, a second server runs the same build on PostgreSQL for the smoke journey.
const PG_PORT = Number(process.env.E2E_PG_PORT ?? PORT + 10);
const onPostgres = !!process.env.DATABASE_URL?.trim();

// Debian's Chromium, never a downloaded browser; these flags keep it off the
// (closed) network and working as root in CI.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// Many sign-ins come from this one address in a run: lift the per-address limit
// (the per-email failure limit stays at its default and is tested).
// The forecast limit is set where e2e/security/abuse.spec.ts can reach it with eight forecasts.
const serverEnv = { CLEARBUILD_SIGNIN_LIMIT_PER_ADDRESS_PER_MINUTE: '10000', CLEARBUILD_FORECAST_COMPUTE_LIMIT_PER_MINUTE: '8' };

/**
 * The app as a person starts it (scripts/e2e-server.mjs: seed, `next build`,
 * `next start`), ready when a page answers: never warmed through an API path
 * no person takes. The PostgreSQL server reuses the first one's build.
 */
const webServer: NonNullable<PlaywrightTestConfig['webServer']> = [
  {
    command: 'node scripts/e2e-server.mjs',
    url: `http://127.0.0.1:${PORT}/`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    env: { ...serverEnv, PORT: String(PORT) },
  },
  ...(onPostgres
    ? [
        {
          command: 'node scripts/e2e-server.mjs --postgres',
          url: `http://127.0.0.1:${PG_PORT}/`,
          timeout: 600_000,
          reuseExistingServer: false,
          stdout: 'pipe' as const,
          stderr: 'pipe' as const,
          env: { ...serverEnv, PORT: String(PG_PORT), E2E_SKIP_BUILD: '1' },
          // SIGTERM, not Playwright's default SIGKILL: scripts/e2e-server.mjs drops its database when the server stops.
          gracefulShutdown: { signal: 'SIGTERM' as const, timeout: 15_000 },
        },
      ]
    : []),
];

const SMOKE = /smoke\/.*\.spec\.ts$/;

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  timeout: 60_000,
  expect: { timeout: 15_000 },
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'on-first-retry',
    screenshot: 'only-on-failure',
    browserName: 'chromium',
    launchOptions: {
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    // The smoke journey is the first spec to touch each fresh server.
    { name: 'smoke-embedded', testMatch: SMOKE },
    ...(onPostgres ? [{ name: 'smoke-postgres', testMatch: SMOKE, use: { baseURL: `http://127.0.0.1:${PG_PORT}` } }] : []),
    { name: 'chromium', testIgnore: SMOKE, dependencies: ['smoke-embedded', ...(onPostgres ? ['smoke-postgres'] : [])] },
  ],
  webServer,
});
