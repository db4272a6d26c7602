import { expectAccessible, shot, signIn, useWeb } from './browser';

const OFFICER = 'safer.wealden@demo.scs.test';

jest.setTimeout(180_000);

describe('uploading a spreadsheet of returns in a browser', () => {
  const web = useWeb();

  it('downloads the template from "Your returns", shows a bad row in the error summary, then stores the corrected file', async () => {
    const { context, page, problems } = await web.open();
    await signIn(page, OFFICER);
    const csvLink = page.getByRole('link', { name: /Download the template for Safer Wealden Partnership \(CSV\)/ });
    const template = await context.request.get((await csvLink.getAttribute('href'))!);
    expect(template.status()).toBe(200);
    const csv = await template.text();
    expect(csv).toContain('LP 09');

    await page.getByRole('link', { name: 'Upload a spreadsheet of returns' }).click();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Upload a spreadsheet of returns');
    await expectAccessible(page);
    await shot(page, 'upload-form');

    // LP 09's figure mistyped: nothing is stored, the row and column are named.
    const bad = csv.replace('2025-26-Q4,940,948,812,', '2025-26-Q4,940,948,nine hundred,');
    expect(bad).not.toBe(csv);
    await page.getByLabel('Upload a file').setInputFiles({ name: 'return.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
    await page.getByRole('button', { name: 'Upload returns' }).click();
    const summary = page.locator('.govuk-error-summary');
    await expect(summary.getByRole('link').allTextContents()).resolves.toEqual([expect.stringMatching(/^Row \d+, column value: must be a number, got "nine hundred"$/)]);
    expect(await page.title()).toMatch(/^Error: /);
    await expectAccessible(page);
    await shot(page, 'upload-errors');

    await page.getByLabel('Upload a file').setInputFiles({ name: 'return.csv', mimeType: 'text/csv', buffer: Buffer.from(csv.replace('2025-26-Q4,940,948,812,', '2025-26-Q4,940,948,951,')) });
    await page.getByRole('button', { name: 'Upload returns' }).click();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('Returns uploaded');
    await expect(page.locator('table').textContent()).resolves.toMatch(/LP 09[\s\S]*951[\s\S]*Return changed and submitted/);
    await expectAccessible(page);
    await shot(page, 'upload-done');
    expect(problems).toEqual([]);
    await context.close();
  });
});
