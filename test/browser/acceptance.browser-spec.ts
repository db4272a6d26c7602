import { readFileSync } from 'node:fs';
import { extractPdf, flat, sectionPages } from '../helpers/pdf-text';
import { expectAccessible, shot, signIn, useWeb } from './browser';

const OFFICER = 'safer.wealden@demo.scs.test';
const BOARD = 'viewer@demo.scs.test';
const COORDINATOR = 'coordinator@demo.scs.test';

jest.setTimeout(300_000);

// Issue 12's acceptance as a new user would do it, without curl. Its own demo database: the walkthrough
// corrects the one returned return, which the keyboard journey in web.browser-spec.ts corrects too.
describe('issue 12 in a browser: the acceptance walkthrough', () => {
  const web = useWeb();

  it('officer corrects the returned return; the board sees it awaiting approval, then, once approved, on the target page and in the pack', async () => {
    // 1–3. Open the service, sign in as the Safer Wealden officer.
    const officer = await web.open();
    await officer.page.goto('/');
    expect(new URL(officer.page.url()).pathname).toBe('/sign-in');
    await signIn(officer.page, OFFICER);
    expect(new URL(officer.page.url()).pathname).toBe('/your-returns');
    await expectAccessible(officer.page);
    await shot(officer.page, 'acceptance-your-returns');

    // 4. Find the return that was sent back and read the reason.
    const returned = officer.page.locator('.govuk-task-list__item', { hasText: 'LP 09' });
    await expect(returned.textContent()).resolves.toContain('Returned');
    await returned.getByRole('link').click();
    const reason = officer.page.locator('main', { hasText: 'The coordinator’s reason' });
    await expect(reason.textContent()).resolves.toContain('iQuanta shows 951 serious acquisitive crimes');
    await expectAccessible(officer.page);
    await shot(officer.page, 'acceptance-returned-form');

    // Correct the figure and the commentary, check and submit.
    await officer.page.getByRole('textbox', { name: /Figure/ }).fill('951');
    await officer.page.getByLabel('Commentary').fill('Corrected to the iQuanta figure: 951 crimes in the 12 months to March 2026.');
    await officer.page.getByRole('button', { name: 'Continue' }).click();
    await expect(officer.page.locator('.govuk-summary-list').textContent()).resolves.toMatch(/951[\s\S]*Corrected to the iQuanta figure/);
    await expectAccessible(officer.page);
    await officer.page.getByRole('button', { name: 'Submit return' }).click();
    await expect(officer.page.locator('.govuk-panel__title').textContent()).resolves.toContain('Return submitted');
    await expectAccessible(officer.page);
    expect(officer.problems).toEqual([]);
    await officer.context.close();

    // A board member sees it awaiting approval on the dashboard.
    const board = await web.open();
    await signIn(board.page, BOARD);
    const awaiting = board.page.locator('h2#awaiting + .govuk-table');
    await expect(awaiting.textContent()).resolves.toMatch(/LP 09[\s\S]*951/);
    await expectAccessible(board.page);
    await shot(board.page, 'acceptance-board-awaiting');
    const targetPath = await awaiting.getByRole('link', { name: /LP 09/ }).getAttribute('href');
    const targetId = /\/target\/([0-9a-f-]{36})/.exec(targetPath ?? '')?.[1];
    expect(targetId).toBeDefined();

    // The coordinator approves it in the approvals inbox.
    const coordinator = await web.open();
    await signIn(coordinator.page, COORDINATOR);
    await coordinator.page.getByRole('link', { name: 'Approvals' }).first().click();
    const row = coordinator.page.locator('tr', { hasText: 'LP 09' });
    await expect(row.textContent()).resolves.toMatch(/951[\s\S]*Corrected to the iQuanta figure/);
    await expectAccessible(coordinator.page);
    await row.locator('input[name="update"]').check();
    await coordinator.page.getByRole('button', { name: 'Approve selected updates' }).click();
    await expect(coordinator.page.locator('.govuk-notification-banner').textContent()).resolves.toContain('Updates approved: 1');
    await expect(coordinator.page.locator('tr', { hasText: 'LP 09' }).count()).resolves.toBe(0);
    // … and publishes the quarter's board pack, now with the approved figure in it.
    await coordinator.page.getByRole('link', { name: 'Board packs', exact: true }).click();
    await coordinator.page.getByRole('button', { name: 'Publish this quarter’s pack' }).click();
    await coordinator.page.getByRole('button', { name: 'Publish the board pack' }).click();
    await expect(coordinator.page.locator('.govuk-panel__title').textContent()).resolves.toContain('Board pack published');
    expect(coordinator.problems).toEqual([]);
    await coordinator.context.close();
    const approved = (await web.t.api().get(`/api/v1/targets/${targetId}/progress?status=approved`).expect(200)).body.items;
    expect(approved.map((u: { value: number; period: string }) => [u.period, u.value])).toContainEqual(['2025-26-Q4', 951]);

    // The board member sees the figure on the target page: the table of figures, the action plan beside it.
    await board.page.goto(`/target/${targetId}?period=2025-26-Q4`);
    const figures = board.page.locator('table', { has: board.page.locator('th', { hasText: 'Quarter' }) });
    await expect(figures.locator('tr', { hasText: '2025/26 Q4 (January to March 2026)' }).textContent()).resolves.toContain('951');
    await expect(board.page.locator('main').textContent()).resolves.toMatch(/Corrected to the iQuanta figure/);
    await expect(board.page.getByRole('heading', { name: 'Action plan' }).count()).resolves.toBe(1);
    await expect(board.page.locator('main').textContent()).resolves.toContain('Vehicle-crime hotspot patrols in Crowborough and Uckfield car parks');
    await expectAccessible(board.page);
    await shot(board.page, 'acceptance-board-target');

    // … and in the downloaded pack.
    await board.page.getByRole('link', { name: 'Board packs', exact: true }).click();
    await expectAccessible(board.page);
    const [download] = await Promise.all([
      board.page.waitForEvent('download'),
      board.page.getByRole('link', { name: /Download the board pack \(PDF, \d+ pages\)/ }).click(),
    ]);
    const { pages, info } = extractPdf(readFileSync((await download.path())!));
    const text = flat(pages.join('\n'));
    expect(info.Language).toBe('en-GB');
    expect(text).toMatch(/LP 09 Serious acquisitive crime in Wealden[\s\S]*951 crimes/);
    // No longer a row of the missing returns, as it was when the officer signed in; named as late instead.
    const missing = sectionPages(pages, ['Missing returns', 'Who is accountable']).get('Missing returns') ?? [];
    expect(missing.length).toBeGreaterThan(0);
    const missingText = flat(missing.map((p) => pages[p]).join('\n'));
    expect(missingText).not.toMatch(/LP 09\s+Serious acquisitive crime/);
    expect(missingText).toMatch(/came in after the deadline: [^.]*LP 09 \(\d+ days?\)/);
    expect(board.problems).toEqual([]);
    await board.context.close();
  });
});
