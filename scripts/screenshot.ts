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
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.waitForTimeout(500); // let client-only charts finish their first animation frame
  await page.screenshot({ path: out, fullPage: false });
} finally {
  await browser.close();
}
