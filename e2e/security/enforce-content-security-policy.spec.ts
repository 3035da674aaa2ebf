import type { APIResponse, Page } from '@playwright/test';
import { apiClient } from '../fixtures/api';
import { DEMO_EMAILS, DEMO_PASSWORD, expect, test } from '../fixtures/auth';

// Pages carry a nonce-based CSP (proxy.ts): scripts run only with this request's
// nonce, never inline or through eval. These tests read the headers and run the
// app in Chromium with the policy enforced, counting every violation it reports.

function directive(res: APIResponse, name: string): string {
  const csp = res.headers()['content-security-policy'] ?? '';
  return csp.split(';').map((d) => d.trim()).find((d) => d.startsWith(`${name} `)) ?? '';
}

function nonceOf(res: APIResponse): string {
  return /'nonce-([^']+)'/.exec(directive(res, 'script-src'))?.[1] ?? '';
}

/** Every CSP violation and CSP console error the page reports, across navigations. */
async function watchCsp(page: Page): Promise<string[]> {
  const seen: string[] = [];
  await page.exposeFunction('reportCspViolation', (v: string) => seen.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { reportCspViolation: (v: string) => void }).reportCspViolation(
        `${e.violatedDirective} blocked ${e.blockedURI || 'inline'} on ${location.pathname}`,
      );
    });
  });
  page.on('console', (msg) => {
    if (msg.type() === 'error' && /content security policy/i.test(msg.text())) seen.push(`console: ${msg.text()}`);
  });
  return seen;
}

/** React has hydrated this element: it attaches its props to the DOM node then, and only if its scripts ran. */
async function expectHydrated(page: Page, selector: string): Promise<void> {
  await page.waitForFunction(
    (sel) => {
      const el = document.querySelector(sel);
      return !!el && Object.keys(el).some((k) => k.startsWith('__reactProps'));
    },
    selector,
  );
}

test('pages send a script policy with a fresh nonce and no inline or eval, and their scripts carry that nonce', async () => {
  const anon = await apiClient('signed-out');
  const exec = await apiClient('executive');
  const pages = [
    { who: anon, path: '/' },
    { who: anon, path: '/sign-in' },
    { who: anon, path: '/no-such-page' },
    { who: exec, path: '/dashboard' },
    { who: exec, path: '/admin/users' },
  ];
  for (const { who, path } of pages) {
    const [first, second] = [await who.get(path), await who.get(path)];
    const scripts = directive(first, 'script-src');
    expect(scripts, path).toMatch(/'nonce-[A-Za-z0-9+/=]{16,}'/);
    expect(scripts, path).toContain("'strict-dynamic'");
    expect(scripts, path).not.toContain("'unsafe-inline'");
    expect(scripts, path).not.toContain("'unsafe-eval'");
    expect(nonceOf(second), path).not.toBe(nonceOf(first));
    for (const [name, value] of [['frame-ancestors', "'none'"], ['object-src', "'none'"], ['base-uri', "'self'"], ['form-action', "'self'"]]) {
      expect(directive(first, name!), `${path} ${name}`).toBe(`${name} ${value}`);
    }
    // Every script tag Next wrote into the document carries this response's nonce.
    const html = await first.text();
    const tags = html.match(/<script\b[^>]*>/g) ?? [];
    expect(tags.length, path).toBeGreaterThan(0);
    for (const tag of tags) expect(tag, path).toContain(`nonce="${nonceOf(first)}"`);
  }
  await anon.dispose();
  await exec.dispose();
});

test('API routes and pages keep the other security headers, and HSTS only behind TLS', async () => {
  const anon = await apiClient('signed-out');
  for (const path of ['/', '/sign-in', '/api/health']) {
    const res = await anon.get(path);
    const h = res.headers();
    expect(h['x-frame-options'], path).toBe('DENY');
    expect(h['x-content-type-options'], path).toBe('nosniff');
    expect(h['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
    expect(h['permissions-policy'], path).toContain('camera=()');
    expect(h['cross-origin-opener-policy'], path).toBe('same-origin');
    expect(h['strict-transport-security'], path).toBeUndefined();
    const overTls = await anon.get(path, { headers: { 'x-forwarded-proto': 'https' } });
    expect(overTls.headers()['strict-transport-security'], path).toMatch(/^max-age=\d+/);
  }
  // JSON is never a document: its policy lets nothing run, load or frame it.
  const api = (await anon.get('/api/health')).headers()['content-security-policy'] ?? '';
  expect(api).toContain("default-src 'none'");
  expect(api).toContain("frame-ancestors 'none'");
  await anon.dispose();
});

test('signing in through the form and opening the dashboard hydrate with no CSP violation', async ({ page }) => {
  test.setTimeout(150_000);
  const violations = await watchCsp(page);
  await page.goto('/');
  await expectHydrated(page, 'a[href="/dashboard"]');

  await page.goto('/sign-in?next=/dashboard');
  // Submitting before hydration would post the form natively; after it, React's handler signs in.
  await expectHydrated(page, 'form');
  await page.getByLabel('Email').fill(DEMO_EMAILS.executive);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  // The chart draws only in the browser, from chunks loaded by the nonce'd scripts.
  // (After another spec's change the page first says the forecast is being computed, then shows it.)
  const chart = page.getByRole('figure', { name: 'GPUs online over time against the target' });
  await expect(chart.locator('.recharts-area-area')).toBeVisible({ timeout: 90_000 });

  // A client-side navigation loads the next page's chunks under 'strict-dynamic'.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Purchase orders' }).click();
  await expect(page).toHaveURL(/\/purchase-orders$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Purchase orders' })).toBeVisible();

  expect(violations).toEqual([]);
});

test('injected markup with an inline event handler is blocked by the policy and reported', async ({ page }) => {
  // The counter above must be able to fail: a handler without the nonce is refused, and seen.
  const violations = await watchCsp(page);
  await page.goto('/');
  await expectHydrated(page, 'a[href="/dashboard"]');
  await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<img src="data:," onerror="window.__pwned = 1" alt="">'));
  await expect.poll(() => violations.some((v) => v.startsWith('script-src-attr blocked inline'))).toBe(true);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
});
