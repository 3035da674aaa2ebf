// npx tsx scripts/screenshot.ts <url> <out.png> [width] [height]
// Takes a full-page screenshot in Debian's Chromium: for looking at pages and the README image.
import { chromium } from '@playwright/test';

const [url, out, width = '1440', height = '900'] = process.argv.slice(2);
if (!url || !out) {
  console.error('usage: npx tsx scripts/screenshot.ts <url> <out.png> [width] [height]');
  process.exit(2);
}
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: Number(width), height: Number(height) } });
  // SCREENSHOT_AS=executive@clearbuild.demo signs in through the API first (demo password).
  if (process.env.SCREENSHOT_AS) {
    const origin = new URL(url).origin;
    const res = await page.request.post(`${origin}/api/auth/sign-in/email`, {
      data: { email: process.env.SCREENSHOT_AS, password: process.env.SCREENSHOT_PASSWORD ?? 'clearbuild-demo' },
      headers: { origin },
    });
    if (!res.ok()) throw new Error(`sign-in failed: ${res.status()}`);
  }
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.waitForTimeout(500); // let client-only charts finish their first animation frame
  await page.screenshot({ path: out, fullPage: false });
} finally {
  await browser.close();
}
