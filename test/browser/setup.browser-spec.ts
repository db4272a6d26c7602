import { Page } from 'playwright-core';
import { expectAccessible, shot, signIn, useWeb } from './browser';

jest.setTimeout(600_000);

/**
 * The Gwynedd set-up of issue 13, entirely in Chromium: 4 partnerships, a strategy, 4 themes,
 * 5 targets with milestones, their assignments (partnerships chosen by name) and 3 users, with
 * axe on every kind of page on the way (and on each page's error summary). It counts the pages
 * loaded and the forms submitted, the figure the issue asks for.
 */
describe('the coordinator’s and admin’s set-up pages in a browser', () => {
  const web = useWeb();
  const checked = new Set<string>();

  /** axe once per page shape (the path with ids blanked), with a screenshot to look at. */
  async function look(page: Page, name: string): Promise<void> {
    const shape = new URL(page.url()).pathname.replace(/[0-9a-f-]{36}/g, ':id').replace(/\/reset-password\/.+/, '/reset-password/:token');
    const key = `${shape}|${name}`;
    if (checked.has(key)) return;
    checked.add(key);
    await expectAccessible(page);
    await shot(page, `setup-${name}`);
  }

  async function save(page: Page, button = 'Save'): Promise<void> {
    await page.getByRole('button', { name: button, exact: true }).click();
    await page.waitForLoadState('load');
  }

  it('sets Gwynedd up: partnerships, strategy, themes, targets, assignments and users, every page accessible', async () => {
    const { context, page, problems } = await web.open();
    let pages = 0;
    let submissions = 0;
    page.on('request', (request) => {
      if (!request.isNavigationRequest() || request.frame() !== page.mainFrame()) return;
      if (request.method() === 'POST') submissions++;
      else pages++;
    });

    await signIn(page, 'coordinator@demo.scs.test');

    // Partnerships: the LSP first, then what reports to it.
    const partnerships: [string, string, string | null][] = [
      ['Gwynedd LSP', 'Local Strategic Partnership', null],
      ['Arfon District LSP', 'Local Strategic Partnership', 'Gwynedd LSP'],
      ['Gwynedd Community Safety Partnership', 'Thematic partnership', 'Gwynedd LSP'],
      ['Gwynedd Health and Wellbeing', 'Thematic partnership', 'Gwynedd LSP'],
    ];
    await page.getByRole('link', { name: 'Partnerships', exact: true }).click();
    await look(page, 'directory');
    for (const [name, kind, parent] of partnerships) {
      await page.goto('/partnership-directory/new');
      await look(page, 'partnership-form');
      if (name === 'Gwynedd LSP') {
        await save(page);
        await look(page, 'partnership-form-errors');
        await expect(page.locator('.govuk-error-summary').textContent()).resolves.toContain('Enter the partnership’s name');
      }
      await page.getByLabel('Name', { exact: true }).fill(name);
      await page.getByLabel(kind, { exact: true }).check();
      if (parent) await page.getByLabel('Reports to').selectOption({ label: parent });
      await save(page);
      await look(page, 'partnership');
    }
    await page.getByRole('button', { name: 'Add a member' }).click();
    await look(page, 'member-form');
    await page.getByLabel('Organisation').fill('Mantell Gwynedd');
    await page.getByLabel('Voluntary sector').check();
    await save(page);
    await expect(page.locator('.govuk-warning-text').textContent()).resolves.toContain('Public sector, Private sector, Community sector');
    await page.goto('/partnership-directory');
    await look(page, 'directory-gwynedd');

    // The strategy, in Welsh, with its return deadline.
    await page.getByRole('link', { name: 'Strategy set-up', exact: true }).click();
    await look(page, 'setup-index');
    await page.getByRole('button', { name: 'Create a strategy' }).click();
    await look(page, 'strategy-form');
    await save(page);
    await look(page, 'strategy-form-errors');
    await page.getByLabel('Title').fill('Gwynedd Sustainable Community Strategy');
    await page.getByLabel('Area').fill('Gwynedd');
    for (const [field, [d, m, y]] of [['startDate', ['1', '4', '2025']], ['endDate', ['31', '3', '2030']]] as const) {
      await page.locator(`[name="${field}-day"]`).fill(d);
      await page.locator(`[name="${field}-month"]`).fill(m);
      await page.locator(`[name="${field}-year"]`).fill(y);
    }
    await page.getByLabel('Lead Local Strategic Partnership').selectOption({ label: 'Gwynedd LSP' });
    await page.getByLabel('Adopted').check();
    await page.getByLabel('Welsh (Cymraeg)').check();
    await page.getByLabel('Returns are due').fill('45');
    await save(page);
    await look(page, 'overview-empty');
    const strategyPath = new URL(page.url()).pathname;

    for (const theme of ['Safer communities', 'Health and wellbeing', 'Housing', 'Welsh language and culture']) {
      await page.getByRole('button', { name: 'Add a theme' }).click();
      await look(page, 'theme-form');
      await page.getByLabel('Title').fill(theme);
      await save(page);
    }

    const targets = [
      ['GW 1', 'Anti-social behaviour incidents', 'Safer communities', 'decrease', '1200', '900', 'Gwynedd Community Safety Partnership'],
      ['GW 2', 'Adults physically active', 'Health and wellbeing', 'increase', '52', '60', 'Gwynedd Health and Wellbeing'],
      ['GW 3', 'Affordable homes delivered', 'Housing', 'increase', '80', '150', 'Arfon District LSP'],
      ['GW 4', 'Young people speaking Welsh daily', 'Welsh language and culture', 'increase', '64', '70', 'Gwynedd LSP'],
      ['GW 5', 'Repeat domestic abuse cases', 'Safer communities', 'decrease', '300', '240', 'Gwynedd Community Safety Partnership'],
    ];
    for (const [code, title, theme, direction, baseline, target, lead] of targets) {
      await page.getByRole('button', { name: 'Add a target' }).click();
      await look(page, 'target-form');
      await page.getByLabel('Code', { exact: true }).fill(code);
      await page.getByLabel('Title', { exact: true }).fill(title);
      await page.getByLabel('Theme', { exact: true }).selectOption({ label: theme });
      await page.getByLabel('Unit', { exact: true }).fill('count');
      await page.getByLabel(direction === 'increase' ? 'Higher is better' : 'Lower is better').check();
      await page.getByLabel('Baseline figure').fill(baseline);
      await page.getByLabel('Baseline quarter').fill('2024-25-Q4');
      await page.getByLabel('Target figure').fill(target);
      await page.getByLabel('Target quarter').fill('2027-28-Q4');
      await page.getByLabel('Milestones (optional)').fill(`2025-26-Q4 ${baseline}\n2026-27-Q4 ${Math.round((Number(baseline) + Number(target)) / 2)}`);
      await save(page, 'Continue');
      await look(page, 'target-check');
      await save(page, 'Save the target');
      expect(new URL(page.url()).pathname).toBe(strategyPath);

      await page.getByRole('link', { name: `Assign ${code}` }).click();
      await look(page, 'assignment');
      await page.getByLabel('Lead partnership').selectOption({ label: lead });
      if (lead !== 'Gwynedd LSP') await page.getByLabel('Gwynedd LSP', { exact: true }).check();
      await page.getByLabel('Accountable officer’s name').fill(`Officer for ${code}`);
      await page.getByLabel('Accountable officer’s email address').fill(`${code.replace(' ', '').toLowerCase()}@gwynedd.example`);
      await save(page);
      await look(page, 'assignment-saved');
      if (code === 'GW 1') {
        await page.getByLabel('What will be done').fill('Extend street wardens to Caernarfon');
        await page.getByLabel('Who will do it').fill('North Wales Police');
        await save(page, 'Add the action');
        await look(page, 'assignment-with-action');
      }
      await page.goto(strategyPath);
    }
    await look(page, 'overview-full');
    await expect(page.locator('#targets ~ table, table').last().textContent()).resolves.toContain('Officer for GW 5');
    const setUpPages = pages;
    const setUpSubmissions = submissions;

    // Three users, by the admin; each sets a password through their link.
    const admin = await web.open();
    let adminPages = 0;
    let adminSubmissions = 0;
    admin.page.on('request', (request) => {
      if (!request.isNavigationRequest() || request.frame() !== admin.page.mainFrame()) return;
      if (request.method() === 'POST') adminSubmissions++;
      else adminPages++;
    });
    await signIn(admin.page, 'admin@demo.scs.test');
    await admin.page.getByRole('link', { name: 'Users', exact: true }).click();
    await look(admin.page, 'users');
    const links: string[] = [];
    for (const [name, email, role, partnership] of [
      ['Ffion Hughes', 'ffion@gwynedd.example', 'Coordinator', null],
      ['Elin Roberts', 'elin@gwynedd.example', 'Partnership officer', 'Gwynedd Community Safety Partnership'],
      ['Dafydd Owen', 'dafydd@gwynedd.example', 'Viewer', null],
    ] as const) {
      await admin.page.getByRole('button', { name: 'Add a user' }).click();
      await look(admin.page, 'user-form');
      await admin.page.getByLabel('Full name').fill(name);
      await admin.page.getByLabel('Email address').fill(email);
      await admin.page.getByLabel(role, { exact: true }).check();
      if (partnership) await admin.page.getByLabel(partnership, { exact: true }).check();
      await save(admin.page);
      await look(admin.page, 'user-link');
      links.push((await admin.page.locator('.app-reset-link').textContent()) ?? '');
      await admin.page.getByRole('link', { name: 'Back to users' }).click();
    }
    for (const link of links) {
      const user = await web.open();
      await user.page.goto(link);
      await look(user.page, 'reset-password');
      await user.page.getByLabel('New password', { exact: true }).fill('a-gwynedd-password');
      await user.page.getByLabel('Confirm new password').fill('a-gwynedd-password');
      await save(user.page, 'Set password');
      await look(user.page, 'reset-password-done');
      await user.context.close();
    }

    // The figure for the report: printed, not asserted.
    console.log(
      `Gwynedd set-up in the browser: coordinator ${setUpPages} pages loaded, ${setUpSubmissions} form submissions; ` +
        `admin ${adminPages} pages, ${adminSubmissions} submissions; each new user 1 page, 1 submission.`,
    );
    expect(problems).toEqual([]);
    expect(admin.problems).toEqual([]);
    await admin.context.close();
    await context.close();
  });
});
