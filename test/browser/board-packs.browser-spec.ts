import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expectAccessible, shot, signIn, useWeb } from './browser';

const COORDINATOR = 'coordinator@demo.scs.test';
const BOARD = 'viewer@demo.scs.test';

jest.setTimeout(180_000);

// Issue 13 point 7 in Chromium: preview, check, publish; a pack for one theme; the board member downloads what was published.
describe('board packs in a browser', () => {
  const web = useWeb();

  it('a coordinator previews, checks and publishes the quarter’s pack, then a pack for one theme (errors in the summary first)', async () => {
    const { context, page, problems } = await web.open();
    await signIn(page, COORDINATOR);
    await page.getByRole('link', { name: 'Board packs', exact: true }).click();
    await expect(page.locator('main').textContent()).resolves.toContain('No board pack has been published for this quarter yet.');
    await expectAccessible(page);
    await shot(page, 'board-packs-coordinator');

    const [preview] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Preview this quarter’s pack (PDF)' }).click()]);
    expect(preview.suggestedFilename()).toBe('pride-of-place-2025-26-Q4.pdf');

    await page.getByRole('button', { name: 'Publish this quarter’s pack' }).click();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Check before you publish the board pack');
    await expect(page.locator('.govuk-summary-list').textContent()).resolves.toContain('Whole strategy');
    await expectAccessible(page);
    await shot(page, 'board-packs-check');
    await page.getByRole('button', { name: 'Publish the board pack' }).click();
    await expect(page.locator('.govuk-panel__title').textContent()).resolves.toContain('Board pack published');
    await expect(page.locator('main').textContent()).resolves.toMatch(/Published by [^(]+\(coordinator@demo\.scs\.test\) on 12 May 2026 at 10:00/);
    await expectAccessible(page);
    await shot(page, 'board-packs-published');

    await page.getByRole('link', { name: 'Back to board packs' }).click();
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await expect(page.locator('.govuk-error-summary').textContent()).resolves.toContain('Choose a theme or a partnership');
    await expectAccessible(page);
    await shot(page, 'board-packs-scoped-error');
    await page.locator('.govuk-error-summary a').click();
    await expect(page.evaluate<string>('document.activeElement.id')).resolves.toBe('themeId');
    await page.getByLabel('Theme').selectOption({ label: 'Community safety' });
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await expect(page.locator('.govuk-summary-list').textContent()).resolves.toContain('Community safety only');
    await page.getByRole('button', { name: 'Publish the board pack' }).click();
    await expect(page.locator('.govuk-panel__body').textContent()).resolves.toContain('Community safety only');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a board member sees the published pack, downloads it byte for byte, and has no publish controls', async () => {
    const { context, page, problems } = await web.open();
    await signIn(page, BOARD);
    await page.getByRole('link', { name: 'Board packs', exact: true }).click();
    const main = (await page.locator('main').textContent()) ?? '';
    expect(main).toMatch(/Published by .+ on 12 May 2026 at 10:00\./);
    expect(main).toContain('Community safety only');
    expect(main).not.toContain('Publish this quarter’s pack');
    await expectAccessible(page);
    await shot(page, 'board-packs-board-member');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /Download the board pack \(PDF, \d+ pages\)/ }).click()]);
    const bytes = readFileSync((await download.path())!);
    const published = (await web.t.api().get(`/api/v1/strategies/${web.demo.strategyId}/reports?period=2025-26-Q4`).expect(200)).body.items as { current: boolean; themeId: string | null; sha256: string }[];
    const whole = published.find((p) => p.current && !p.themeId)!;
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(whole.sha256);
    expect(problems).toEqual([]);
    await context.close();
  });
});
