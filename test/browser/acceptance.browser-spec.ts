import { readFileSync } from 'node:fs';
import { extractPdf, flat } from '../helpers/pdf-text';
import { expectAccessible, shot, signIn, startWeb, WebUnderTest } from './browser';

const OFFICER = 'safer.wealden@demo.scs.test';
const HOUSING = 'housing@demo.scs.test';
const BOARD = 'viewer@demo.scs.test';

jest.setTimeout(300_000);

// Its own demo database: the walkthrough corrects the one returned return, which the keyboard
// journey in web.browser-spec.ts corrects too.
describe('issue 12 in a browser: the acceptance walkthrough and the Welsh journey', () => {
  let web: WebUnderTest;

  beforeAll(async () => {
    web = await startWeb();
  }, 300_000);
  afterAll(async () => {
    await web?.close();
  });

  it('officer corrects the returned return; the board sees it awaiting approval, then, once approved, on the target page and in the pack', async () => {
    // 1–3. Open the service, sign in as the Safer Wealden officer.
    const officer = await web.open();
    await officer.page.goto('/');
    expect(new URL(officer.page.url()).pathname).toBe('/sign-in');
    await signIn(officer.page, OFFICER);
    expect(new URL(officer.page.url()).pathname).toBe('/your-returns');

    // 4. Find the return that was sent back and read the reason.
    const returned = officer.page.locator('.govuk-task-list__item', { hasText: 'LP 09' });
    await expect(returned.textContent()).resolves.toContain('Returned');
    await returned.getByRole('link').click();
    const reason = officer.page.locator('main', { hasText: 'The coordinator’s reason' });
    await expect(reason.textContent()).resolves.toContain('iQuanta shows 951 serious acquisitive crimes');

    // Correct the figure and the commentary, check and submit.
    await officer.page.getByRole('textbox', { name: /Figure/ }).fill('951');
    await officer.page.getByLabel('Commentary').fill('Corrected to the iQuanta figure: 951 crimes in the 12 months to March 2026.');
    await officer.page.getByRole('button', { name: 'Continue' }).click();
    await expect(officer.page.locator('.govuk-summary-list').textContent()).resolves.toMatch(/951[\s\S]*Corrected to the iQuanta figure/);
    await officer.page.getByRole('button', { name: 'Submit return' }).click();
    await expect(officer.page.locator('.govuk-panel__title').textContent()).resolves.toContain('Return submitted');
    expect(officer.problems).toEqual([]);
    await officer.context.close();

    // A board member sees it awaiting approval on the dashboard.
    const board = await web.open();
    await signIn(board.page, BOARD);
    const awaiting = board.page.locator('h2#awaiting + .govuk-table');
    await expect(awaiting.textContent()).resolves.toMatch(/LP 09[\s\S]*951/);
    const targetPath = await awaiting.getByRole('link', { name: /LP 09/ }).getAttribute('href');
    const targetId = /\/target\/([0-9a-f-]{36})/.exec(targetPath ?? '')?.[1];
    expect(targetId).toBeDefined();

    // Approved through the API, by a coordinator.
    const submitted = (await web.t.api().get(`/api/v1/targets/${targetId}/progress?status=submitted`).expect(200)).body.items;
    expect(submitted.map((u: { value: number }) => u.value)).toEqual([951]);
    await web.t.api().post(`/api/v1/progress/${submitted[0].id}/approve`).send({}).expect(201);

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
    const [download] = await Promise.all([board.page.waitForEvent('download'), board.page.getByRole('button', { name: 'Download the board pack (PDF)' }).click()]);
    const { pages, info } = extractPdf(readFileSync((await download.path())!));
    const text = flat(pages.join('\n'));
    expect(info.Language).toBe('en-GB');
    expect(text).toMatch(/LP 09 Serious acquisitive crime in Wealden[\s\S]*951 crimes/);
    expect(board.problems).toEqual([]);
    await board.context.close();
  });

  it('the Welsh journey: a Welsh officer’s pages are lang="cy", in Welsh, with 0 axe violations, through to a submitted return', async () => {
    const { context, page, problems } = await web.open();
    await signIn(page, HOUSING, { lang: 'cy' });
    expect(new URL(page.url()).pathname).toBe('/your-returns');
    const checkPage = async (heading: string | RegExp) => {
      expect(await page.getAttribute('html', 'lang')).toBe('cy');
      const h1 = (await page.getByRole('heading', { level: 1 }).textContent())!.trim();
      expect(h1).toMatch(heading);
      await expect(page.locator('body').textContent()).resolves.not.toMatch(/Your returns|Sign out|Continue|There is a problem|January|Q4 \(/);
      await expectAccessible(page);
    };
    await checkPage('Eich ffurflenni ar gyfer 2025/26 Ch4 (Ionawr i Fawrth 2026)');
    await shot(page, 'welsh-returns');

    await page.locator('.govuk-task-list__item', { hasText: /Heb ddechrau|Drafft/ }).first().getByRole('link').click();
    await checkPage(/^Eich ffurflen ar gyfer /);
    await page.getByRole('textbox', { name: /Ffigur/ }).fill('');
    await page.getByRole('button', { name: 'Parhau' }).click();
    await expect(page.locator('.govuk-error-summary').textContent()).resolves.toMatch(/Mae problem[\s\S]*Rhowch y ffigur/);
    await checkPage(/^Eich ffurflen ar gyfer /);
    await shot(page, 'welsh-return-errors');

    await page.getByRole('textbox', { name: /Ffigur/ }).fill('42');
    await page.getByLabel('Sylwadau', { exact: true }).fill('Ffigur y chwarter, wedi’i wirio.');
    await page.getByRole('button', { name: 'Parhau' }).click();
    await checkPage('Gwiriwch eich atebion cyn cyflwyno eich ffurflen');
    await page.getByRole('button', { name: 'Cyflwyno’r ffurflen' }).click();
    await expect(page.locator('.govuk-panel__title').textContent()).resolves.toContain('Ffurflen wedi’i chyflwyno');
    await checkPage('Ffurflen wedi’i chyflwyno');
    await shot(page, 'welsh-submitted');
    expect(problems).toEqual([]);
    await context.close();
  });
});
