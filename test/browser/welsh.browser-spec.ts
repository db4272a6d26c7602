import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractPdf, flat } from '../helpers/pdf-text';
import { expectAccessible, shot, SHOTS, signIn, useWeb } from './browser';

const HOUSING = 'housing@demo.scs.test';
const COORDINATOR = 'coordinator@demo.scs.test';
/** English words that must not show on a Welsh page (the service's own words, not the demo's data). */
const ENGLISH = /Your returns|Sign out|Continue|There is a problem|January to March|Q4 \(|Not started|Check your answers|Submit return/;

jest.setTimeout(300_000);

// Issue 12 point 5 in Chromium: an officer whose language is Welsh does the return journey in Welsh,
// and a Welsh strategy's board pack reads Welsh and says so in its /Lang.
describe('the Welsh journey in a browser', () => {
  const web = useWeb();

  it('an officer who chose Welsh once gets every page of the return journey in Welsh, lang="cy", 0 axe violations', async () => {
    // The officer chooses Cymraeg in the footer once; it is kept as their language.
    const first = await web.open();
    await signIn(first.page, HOUSING);
    expect(await first.page.getAttribute('html', 'lang')).toBe('en');
    await first.page.getByRole('link', { name: 'Cymraeg' }).click();
    expect(await first.page.getAttribute('html', 'lang')).toBe('cy');
    await first.page.getByRole('button', { name: 'Allgofnodi' }).click();
    await first.context.close();

    // Another day, another browser: signing in on the English form lands on Welsh pages.
    const { context, page, problems } = await web.open();
    await signIn(page, HOUSING);
    expect(new URL(page.url()).pathname).toBe('/your-returns');
    const checkPage = async (heading: string | RegExp) => {
      expect(await page.getAttribute('html', 'lang')).toBe('cy');
      const h1 = (await page.getByRole('heading', { level: 1 }).textContent())!.trim();
      expect(h1).toMatch(heading);
      expect(ENGLISH.exec((await page.locator('body').textContent()) ?? '')?.[0]).toBeUndefined();
      await expectAccessible(page);
    };
    await checkPage('Eich ffurflenni ar gyfer 2025/26 Ch4 (Ionawr i Fawrth 2026)');
    await shot(page, 'welsh-returns');

    await page.locator('.govuk-task-list__item', { hasText: /Heb ddechrau|Drafft/ }).first().getByRole('link').click();
    await checkPage(/^Eich ffurflen ar gyfer /);
    await shot(page, 'welsh-return-form');
    await page.getByRole('textbox', { name: /Ffigur/ }).fill('');
    await page.getByRole('button', { name: 'Parhau' }).click();
    await expect(page.locator('.govuk-error-summary').textContent()).resolves.toMatch(/Mae problem[\s\S]*Rhowch y ffigur/);
    expect(await page.title()).toMatch(/^Gwall: /);
    await checkPage(/^Eich ffurflen ar gyfer /);
    await shot(page, 'welsh-return-errors');

    await page.getByRole('textbox', { name: /Ffigur/ }).fill('42');
    await page.getByLabel('Sylwadau', { exact: true }).fill('Ffigur y chwarter, wedi’i wirio.\nAil linell.');
    await page.getByRole('button', { name: 'Parhau' }).click();
    await checkPage('Gwiriwch eich atebion cyn cyflwyno eich ffurflen');
    await expect(page.locator('.govuk-summary-list').textContent()).resolves.toMatch(/42[\s\S]*Ffigur y chwarter, wedi’i wirio\./);
    // Read as typed: both lines, neither indented by the template.
    await expect(page.locator('.govuk-summary-list .app-multiline').first().innerText()).resolves.toBe('Ffigur y chwarter, wedi’i wirio.\nAil linell.');
    await shot(page, 'welsh-check-answers');
    await page.getByRole('button', { name: 'Cyflwyno’r ffurflen' }).click();
    await checkPage('Ffurflen wedi’i chyflwyno');
    await shot(page, 'welsh-submitted');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a Welsh strategy’s board pack has /Lang (cy), Welsh headings and Welsh period labels', async () => {
    await web.t.api().patch(`/api/v1/strategies/${web.demo.strategyId}`).send({ language: 'cy' }).expect(200);
    const { context, page, problems } = await web.open();
    await signIn(page, COORDINATOR);
    await page.getByRole('link', { name: 'Board packs', exact: true }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Preview this quarter’s pack (PDF)' }).click()]);
    const bytes = readFileSync((await download.path())!);
    const pdf = join(SHOTS, 'welsh-pack.pdf');
    writeFileSync(pdf, bytes);

    expect(bytes.toString('latin1')).toContain('/Lang (cy)');
    const { pages, info } = extractPdf(bytes);
    expect(info.Language).toBe('cy');
    const text = flat(pages.join('\n'));
    expect(text).toContain('2025/26 Ch4 (Ionawr i Fawrth 2026)');
    for (const heading of ['Crynodeb gweithredol', 'Eithriadau', 'Rhagolygon', 'Ffurflenni sydd ar goll', 'Pwy sy’n atebol']) expect(text).toContain(heading);
    for (const english of ['Executive summary', 'Missing returns', 'Who is accountable', 'Forecasts', 'Lead partnership', 'days overdue', 'January to March', 'Q4 (', 'Page 1 of']) {
      expect(text).not.toContain(english);
    }
    // The first pages as pictures, to look at (test-results/screenshots/welsh-pack-*.png).
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '4', pdf, join(SHOTS, 'welsh-pack')]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
