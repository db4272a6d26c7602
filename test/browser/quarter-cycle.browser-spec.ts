import { readFileSync } from 'node:fs';
import { Page } from 'playwright-core';
import { extractPdf, flat } from '../helpers/pdf-text';
import { expectAccessible, shot, signIn, useWeb } from './browser';

const COORDINATOR = 'coordinator@demo.scs.test';
const OFFICER = 'safer.wealden@demo.scs.test';
const BOARD = 'viewer@demo.scs.test';

const CODE = 'SW 99';
const TITLE = 'Rural crimes reported online in Wealden';
// The officer first sends a transposed figure; the coordinator returns it; the corrected one is approved and published.
const WRONG = '5813';
const RIGHT = '5318';

jest.setTimeout(600_000);

/**
 * Issue 13's whole quarter, as one test, in Chromium on the demo data: a target created and
 * assigned in the set-up pages, a return for it submitted, returned with a reason, corrected,
 * approved in the inbox and published in the pack, and the board member finding the approved
 * figure in the PDF they download. axe runs on every page loaded on the way.
 */
describe('a whole quarter’s cycle in a browser', () => {
  const web = useWeb();

  /** Every page the cycle reaches is checked with axe and screenshotted (test-results/screenshots/cycle-*.png). */
  let step = 0;
  async function look(page: Page, name: string): Promise<void> {
    await page.waitForLoadState('load');
    await expectAccessible(page);
    await shot(page, `cycle-${String(++step).padStart(2, '0')}-${name}`);
  }

  async function press(page: Page, button: string): Promise<void> {
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: button, exact: true }).click()]);
  }

  it('creates and assigns a target, takes its return through return-and-correct to approval, publishes the pack, and the board finds the figure in it', async () => {
    // (1) The coordinator creates the target in the set-up pages and assigns it by name, with an accountable officer.
    const coordinator = await web.open();
    const c = coordinator.page;
    await signIn(c, COORDINATOR);
    await look(c, 'coordinator-dashboard');
    await c.getByRole('link', { name: 'Strategy set-up', exact: true }).click();
    await look(c, 'setup-index');
    await c.getByRole('link', { name: 'Pride of Place', exact: true }).click();
    await look(c, 'setup-overview');
    const overview = new URL(c.url()).pathname;
    await c.getByRole('button', { name: 'Add a target' }).click();
    await look(c, 'target-form');
    await c.getByLabel('Code', { exact: true }).fill(CODE);
    await c.getByLabel('Title', { exact: true }).fill(TITLE);
    await c.getByLabel('Theme', { exact: true }).selectOption({ label: 'Community safety' });
    await c.getByLabel('Unit', { exact: true }).fill('reports');
    await c.getByLabel('Higher is better').check();
    await c.getByLabel('Baseline figure').fill('4000');
    await c.getByLabel('Baseline quarter').fill('2024-25-Q4');
    await c.getByLabel('Target figure').fill('6000');
    await c.getByLabel('Target quarter').fill('2026-27-Q4');
    await c.getByLabel('Milestones (optional)').fill('2025-26-Q4 5000');
    await press(c, 'Continue');
    await expect(c.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('Check');
    await expect(c.locator('.govuk-summary-list').textContent()).resolves.toContain(TITLE);
    await look(c, 'target-check');
    await press(c, 'Save the target');
    expect(new URL(c.url()).pathname).toBe(overview);
    await look(c, 'overview-with-target');
    await c.getByRole('link', { name: `Assign ${CODE}` }).click();
    await look(c, 'assignment-form');
    await c.getByLabel('Lead partnership').selectOption({ label: 'Safer Wealden Partnership' });
    await c.getByLabel('Wealden Strategic Partnership', { exact: true }).check();
    await c.getByLabel('Accountable officer’s name').fill('Sergeant Alys Pevensey');
    await c.getByLabel('Accountable officer’s email address').fill('alys.pevensey@sussex-police.example');
    await press(c, 'Save');
    await expect(c.locator('.govuk-notification-banner').textContent()).resolves.toContain('Your changes have been saved');
    await expect(c.getByLabel('Accountable officer’s name').inputValue()).resolves.toBe('Sergeant Alys Pevensey');
    await expect(c.locator('#partnershipId option:checked').textContent()).resolves.toBe('Safer Wealden Partnership');
    await look(c, 'assignment-saved');

    // (2) The officer of the lead partnership finds it among their returns and submits a figure.
    const officer = await web.open();
    const o = officer.page;
    await signIn(o, OFFICER);
    await look(o, 'officer-returns');
    await o.getByRole('link', { name: `${CODE} ${TITLE}` }).click();
    await look(o, 'officer-return-form');
    await o.getByRole('textbox', { name: /Figure/ }).fill(WRONG);
    await o.getByLabel('Commentary').fill('Online reporting launched in the autumn.');
    await press(o, 'Continue');
    await expect(o.locator('.govuk-summary-list').textContent()).resolves.toContain(WRONG);
    await look(o, 'officer-check');
    await press(o, 'Submit return');
    await expect(o.locator('.govuk-panel__title').textContent()).resolves.toContain('Return submitted');
    await look(o, 'officer-submitted');

    // (3) The coordinator returns it from the approvals inbox with a reason (required).
    await c.getByRole('link', { name: 'Approvals' }).first().click();
    const row = c.locator('tbody tr', { hasText: CODE });
    await expect(row.textContent()).resolves.toMatch(/5,813[\s\S]*5,000/); // figures as the pages write them
    await look(c, 'inbox-submitted');
    await row.getByRole('link', { name: `Return ${CODE}` }).click();
    await look(c, 'return-form');
    await press(c, 'Return update');
    await expect(c.locator('.govuk-error-summary').textContent()).resolves.toContain('Enter why you are returning the update');
    await look(c, 'return-form-error');
    const reason = `The figure looks transposed: the force system shows ${RIGHT}. Please check and resubmit.`;
    await c.getByLabel('Why are you returning it?').fill(reason);
    await press(c, 'Return update');
    await expect(c.locator('.govuk-notification-banner').textContent()).resolves.toContain('returned to the partnership');
    await expect(row.count()).resolves.toBe(0);
    await look(c, 'inbox-returned');

    // (4) The officer sees the reason on their returns and on the form, and corrects the figure.
    await o.getByRole('link', { name: 'Back to your returns' }).click();
    const banner = o.locator('.govuk-notification-banner', { hasText: `${CODE} ${TITLE}` });
    await expect(banner.textContent()).resolves.toContain(reason);
    await look(o, 'officer-returns-returned');
    await o.locator('.govuk-task-list__item', { hasText: CODE }).getByRole('link').click();
    await expect(o.locator('main').textContent()).resolves.toContain('The coordinator’s reason');
    await expect(o.locator('main').textContent()).resolves.toContain(reason);
    await expect(o.getByRole('textbox', { name: /Figure/ }).inputValue()).resolves.toBe(WRONG);
    await look(o, 'officer-return-form-returned');
    await o.getByRole('textbox', { name: /Figure/ }).fill(RIGHT);
    await o.getByLabel('Commentary').fill('Corrected: the figure had two digits transposed.');
    await press(o, 'Continue');
    await expect(o.locator('.govuk-summary-list').textContent()).resolves.toContain(RIGHT);
    await look(o, 'officer-check-corrected');
    await press(o, 'Submit return');
    await expect(o.locator('.govuk-panel__title').textContent()).resolves.toContain('Return submitted');
    await look(o, 'officer-resubmitted');

    // (5) The coordinator approves the corrected figure in the inbox, then publishes the quarter's pack.
    await c.reload();
    await expect(row.textContent()).resolves.toContain(Number(RIGHT).toLocaleString('en-GB'));
    await look(c, 'inbox-corrected');
    await c.getByLabel(`Select ${CODE}`).check();
    await press(c, 'Approve selected updates');
    await expect(c.locator('.govuk-notification-banner').textContent()).resolves.toContain('Updates approved: 1');
    await expect(row.count()).resolves.toBe(0);
    await look(c, 'inbox-approved');
    await c.getByRole('link', { name: 'Board packs', exact: true }).click();
    await look(c, 'board-packs');
    await press(c, 'Publish this quarter’s pack');
    await expect(c.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Check before you publish the board pack');
    await look(c, 'publish-check');
    await press(c, 'Publish the board pack');
    await expect(c.locator('.govuk-panel__title').textContent()).resolves.toContain('Board pack published');
    await look(c, 'published');

    // (6) The board member downloads the published pack and finds the approved figure beside the new target.
    const board = await web.open();
    const b = board.page;
    await signIn(b, BOARD);
    await b.getByRole('link', { name: 'Board packs', exact: true }).click();
    await look(b, 'board-packs-board-member');
    const [download] = await Promise.all([b.waitForEvent('download'), b.getByRole('link', { name: /Download the board pack \(PDF, \d+ pages\)/ }).click()]);
    const text = flat(extractPdf(readFileSync((await download.path())!)).pages.join('\n'));
    const approved = Number(RIGHT).toLocaleString('en-GB');
    expect(text).toContain(TITLE);
    // Its row in the theme's table: code, title, lead, baseline, expected, then the approved figure; and its trend chart's caption.
    expect(text).toContain(`${CODE} ${TITLE} Safer Wealden Partnership 4,000 reports 2024/25 Q4 5,000 reports ${approved} reports 6,000 reports 2026/27 Q4 Green`);
    expect(text).toContain(`${approved} reports against 5,000 reports expected`);
    expect(text).not.toContain(Number(WRONG).toLocaleString('en-GB'));

    for (const opened of [coordinator, officer, board]) {
      expect(opened.problems).toEqual([]);
      await opened.context.close();
    }
  });
});
