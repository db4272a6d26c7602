#!/usr/bin/env node
// Checks in a real browser that Swagger UI's *Authorize* works: signs in through the API,
// opens /api/docs, pastes the token into Authorize, runs `GET /api/v1/partnerships` with
// "Try it out" and expects 200, then saves a screenshot.
//
//   node scripts/check-swagger-authorize.js http://localhost:3000 admin@example.org 'password' [/tmp/swagger-authorize.png]
//
// Needs a Chromium (Debian: apt-get install chromium; or set CHROMIUM_PATH) and playwright-core.
const { chromium } = require('playwright-core');

async function main() {
  const [base = 'http://localhost:3000', email, password, screenshot = '/tmp/swagger-authorize.png'] = process.argv.slice(2);
  if (!email || !password) throw new Error('usage: check-swagger-authorize.js <base-url> <email> <password> [screenshot.png]');
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!login.ok) throw new Error(`login answered ${login.status}`);
  const { accessToken } = await login.json();

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    await page.goto(`${base}/api/docs`);
    await page.locator('.auth-wrapper button.authorize').click();
    const dialog = page.locator('.modal-ux');
    await dialog.locator('input').first().fill(accessToken);
    await dialog.locator('button.modal-btn.authorize').click();
    await dialog.locator('button.btn-done').click();
    // The padlocks of protected operations now show as locked.
    await page.locator('.auth-wrapper button.authorize.locked').waitFor();

    const operation = page.locator('#operations-partnerships-Partnerships_list');
    await operation.locator('.opblock-summary').click();
    await operation.getByRole('button', { name: 'Try it out' }).click();
    await operation.getByRole('button', { name: 'Execute' }).click();
    const status = operation.locator('.live-responses-table .response .response-col_status').first();
    await status.waitFor();
    const code = (await status.innerText()).trim();
    await operation.locator('.live-responses-table').scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshot, fullPage: false });
    console.log(`GET /api/v1/partnerships from Swagger UI answered ${code}; screenshot: ${screenshot}`);
    if (code !== '200') process.exitCode = 1;
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
