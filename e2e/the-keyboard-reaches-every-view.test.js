import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openSite, search, useSite } from './harness.js';

const fixture = useSite('default');

const focused = (page) => page.evaluate(() => {
  const e = document.activeElement;
  return e?.getAttribute('aria-label') || (e?.tagName === 'BUTTON' ? e.textContent.trim() : e?.id || e?.tagName);
});

test('/ searches, ↓ j k move through results, Enter opens, j goes on, Esc closes and then clears', async () => {
  const { page } = await openSite(fixture.browser, fixture.site.url);
  await search(page, 'Soleimani', '');
  await page.locator('.masthead h1').click();
  await page.keyboard.press('/');
  assert.equal(await focused(page), 'Search');
  assert.equal(await page.getByRole('searchbox', { name: 'Search', exact: true }).inputValue(), 'Soleimani', '/ is not typed');

  const titles = await page.getByRole('list', { name: 'Results' }).getByRole('heading').allInnerTexts();
  assert.ok(titles.length >= 3, `${titles.length} results`);
  await page.keyboard.press('ArrowDown');
  assert.equal(await focused(page), titles[0]);
  await page.keyboard.press('j');
  assert.equal(await focused(page), titles[1]);
  await page.keyboard.press('k');
  await page.keyboard.press('ArrowDown');
  assert.equal(await focused(page), titles[1]);
  await page.keyboard.press('Enter');
  const heading = page.getByRole('article').getByRole('heading', { level: 2 });
  assert.equal(await heading.innerText(), titles[1]);
  assert.equal(await focused(page), 'reader-title');

  await page.keyboard.press('j');
  await heading.filter({ hasText: titles[2] }).waitFor();
  await page.keyboard.press('k');
  await heading.filter({ hasText: titles[1] }).waitFor();
  await page.keyboard.press('Escape');
  await page.getByRole('list', { name: 'Results' }).waitFor();
  assert.equal(await focused(page), titles[1], 'focus returns to the result that was open');
  await page.keyboard.press('Escape');
  await page.getByRole('status').filter({ hasText: '5 documents' }).waitFor();
  assert.equal(await page.getByRole('searchbox', { name: 'Search', exact: true }).inputValue(), '');
  assert.equal(await focused(page), 'Search');
});

test('? lists every shortcut in a modal dialog that Esc closes, returning focus', async () => {
  const { page } = await openSite(fixture.browser, fixture.site.url);
  const first = page.getByRole('list', { name: 'Results' }).getByRole('button').first();
  await first.focus();
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await dialog.waitFor();
  const keys = await dialog.locator('kbd').allInnerTexts();
  assert.deepEqual(keys, ['/', '↓ or j', '↑ or k', 'Enter', 'Esc', '?']);
  // Keys are the dialog's while it is open: j does not move the list behind it.
  await page.keyboard.press('j');
  assert.equal(await focused(page), 'Close');
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  assert.equal(await focused(page), await first.innerText());

  // The same by pointer: the masthead's button opens it, Close closes it.
  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  await dialog.waitFor();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.keyboard.press('?');
  await dialog.waitFor();
});

test('keys typed into a field stay text', async () => {
  const { page } = await openSite(fixture.browser, fixture.site.url);
  const box = page.getByRole('searchbox', { name: 'Search', exact: true });
  await box.pressSequentially('j/k?');
  assert.equal(await box.inputValue(), 'j/k?');
  const find = page.getByRole('searchbox', { name: 'Find in Places' });
  await find.pressSequentially('k/j');
  assert.equal(await find.inputValue(), 'k/j');
  assert.equal(await page.getByRole('dialog').count(), 0);
});
