import { expectAccessible, shot, signIn, useWeb } from './browser';

const COORDINATOR = 'coordinator@demo.scs.test';

jest.setTimeout(240_000);

/** The coordinator's workspace in Chromium, on the demo data: every page and error state checked with axe and screenshotted. */
describe('the coordinator’s workspace in a browser', () => {
  const web = useWeb();

  it('does the quarter’s approvals from one page: returns one with a reason, approves the rest at once', async () => {
    const { context, page, problems } = await web.open();
    await signIn(page, COORDINATOR);
    await page.getByRole('link', { name: 'Approvals' }).first().click();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toMatch(/^Approvals: 2025\/26 Q4/);
    const boxes = page.locator('input[name="update"]');
    const waiting = await boxes.count();
    expect(waiting).toBeGreaterThanOrEqual(2);
    await expectAccessible(page);
    await shot(page, 'coord-approvals');

    // Nothing selected: the error summary, nothing approved.
    await page.getByRole('button', { name: 'Approve selected updates' }).click();
    await expect(page.locator('.govuk-error-summary').textContent()).resolves.toContain('Select at least one update to approve');
    await expectAccessible(page);
    await shot(page, 'coord-approvals-error');

    // Return the first with a reason; the reason is required.
    await page.getByRole('link', { name: /^Return/ }).first().click();
    await page.getByRole('button', { name: 'Return update' }).click();
    await expect(page.locator('.govuk-error-summary').textContent()).resolves.toContain('Enter why you are returning the update');
    expect(await page.title()).toMatch(/^Error: /);
    await expectAccessible(page);
    await shot(page, 'coord-return-error');
    await page.getByLabel('Why are you returning it?').fill('The figure does not match the police return; please check it.');
    await page.getByRole('button', { name: 'Return update' }).click();
    await expect(page.locator('.govuk-notification-banner').textContent()).resolves.toContain('returned to the partnership');
    await expect(boxes.count()).resolves.toBe(waiting - 1);

    // Approve all the rest in one go.
    for (const box of await boxes.all()) await box.check();
    await page.getByRole('button', { name: 'Approve selected updates' }).click();
    await expect(page.locator('.govuk-notification-banner').textContent()).resolves.toContain(`Updates approved: ${waiting - 1}`);
    await expect(boxes.count()).resolves.toBe(0);
    await expectAccessible(page);
    await shot(page, 'coord-approvals-done');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('chases missing returns and shows who is accountable for what', async () => {
    const { context, page, problems } = await web.open();
    await signIn(page, COORDINATOR);
    await page.getByRole('link', { name: 'Missing returns' }).click();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toMatch(/^Missing returns: 2025\/26 Q4/);
    await expect(page.getByLabel('All their email addresses, to copy into your email').inputValue()).resolves.toContain('@');
    const mailto = await page.getByRole('link', { name: 'Write to all of them in your email program' }).getAttribute('href');
    expect(mailto).toMatch(/^mailto:.+\?subject=.+&body=Hello%2C/);
    await expectAccessible(page);
    await shot(page, 'coord-chasing');

    await page.goto('/dashboard');
    await page.getByRole('link', { name: 'Who is accountable' }).click();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Who is accountable for what');
    const all = await page.locator('tbody tr').count();
    await page.getByLabel('Lead partnership').selectOption({ label: 'Safer Wealden Partnership' });
    // Wait for the filtered page itself: counting straight after the click can count the old page, or none mid-load.
    await Promise.all([page.waitForURL(/partnershipId=[^&]+/), page.getByRole('button', { name: 'Show' }).click()]);
    const filtered = await page.locator('tbody tr').count();
    expect(filtered).toBeGreaterThan(0);
    expect(filtered).toBeLessThan(all);
    const csv = await context.request.get((await page.getByRole('link', { name: 'Download as CSV' }).getAttribute('href'))!);
    expect(csv.status()).toBe(200);
    expect((await csv.text()).trim().split('\n')).toHaveLength(filtered + 1);
    await expectAccessible(page);
    await shot(page, 'coord-accountability');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('imports targets: a bad row named in the error summary, then the edited export stored', async () => {
    const { context, page, problems } = await web.open();
    await signIn(page, COORDINATOR);
    await page.getByRole('link', { name: 'Import targets' }).click();
    await expectAccessible(page);
    await shot(page, 'coord-import');
    const exported = await (await context.request.get((await page.getByRole('link', { name: /Download the current targets/ }).getAttribute('href'))!)).text();
    const lines = exported.trim().split('\n');
    expect(lines.length).toBe(43);
    const added = lines[1].replace(/^[^,]+,[^,]+,/, 'NEW 1,A new target from the sheet,');
    const bad = [...lines, added.replace(/,increase,|,decrease,/, ',upwards,')].join('\n');
    await page.getByLabel('Upload a file').setInputFiles({ name: 'targets.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
    await page.getByRole('button', { name: 'Check the file' }).click();
    await expect(page.locator('.govuk-error-summary').getByRole('link').allTextContents()).resolves.toEqual(['Row 44, direction: must be increase or decrease, got "upwards"']);
    await expectAccessible(page);
    await shot(page, 'coord-import-error');

    await page.getByLabel('Upload a file').setInputFiles({ name: 'targets.csv', mimeType: 'text/csv', buffer: Buffer.from([...lines, added].join('\n')) });
    await page.getByRole('button', { name: 'Check the file' }).click();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Check the targets before importing them');
    await expect(page.locator('main').textContent()).resolves.toContain('1 new, 0 changed, 42 unchanged.');
    await expectAccessible(page);
    await shot(page, 'coord-import-check');
    await page.getByRole('button', { name: 'Import targets' }).click();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('Targets imported');
    await expect(page.locator('.govuk-panel').textContent()).resolves.toContain('1 new, 0 changed, 42 unchanged');
    await expectAccessible(page);
    await shot(page, 'coord-import-done');
    expect(problems).toEqual([]);
    await context.close();
  });
});
