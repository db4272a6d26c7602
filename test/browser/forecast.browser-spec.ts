import { expectAccessible, shot, signIn, useWeb } from './browser';

jest.setTimeout(180_000);

// The demo quarter is 2025/26 Q4 (due by 30 April 2026); the clock is 12 May 2026.
describe('forecasts and deadlines in a browser', () => {
  const web = useWeb();

  it('the dashboard shows the at-risk list, the deadline and days overdue, accessibly', async () => {
    const { context, page, problems } = await web.open();
    await signIn(page, 'coordinator@demo.scs.test');
    await page.goto('/dashboard');
    await expect(page.getByRole('heading', { name: 'On track now, but forecast to miss' }).isVisible()).resolves.toBe(true);
    await expect(page.getByText('Returns for this quarter are due by 30 April 2026.').isVisible()).resolves.toBe(true);
    const missing = page.locator('#missing + p + table, #missing ~ table').first();
    const deadlineCells = await missing.locator('tbody tr td:last-child').allTextContents();
    for (const cell of deadlineCells) expect(cell.trim()).toMatch(/^\d+ days? overdue$|^Due /);
    await expectAccessible(page);
    await shot(page, 'forecast-dashboard');

    const firstTarget = page.locator('table a.govuk-link[href^="/target/"]').first();
    await firstTarget.click();
    await page.waitForLoadState('load');
    const facts = await page.locator('.govuk-summary-list').first().textContent();
    expect(facts).toMatch(/Forecast\s+(Likely to meet|At risk|No forecast)/);
    // The demo's returns are seeded a fortnight after their quarter: none reads as late.
    expect(facts).not.toMatch(/late/);
    await expectAccessible(page);
    await shot(page, 'forecast-target');
    expect(problems).toEqual([]);
    await context.close();
  });
});
