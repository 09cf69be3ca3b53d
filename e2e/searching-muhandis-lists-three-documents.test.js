import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openSite, resultTitles, search, useSite } from './harness.js';

const fixture = useSite('default');

test('the empty query lists every document of the default corpus', async () => {
  const { page, errors } = await openSite(fixture.browser, fixture.site.url);
  await page.getByRole('status').filter({ hasText: '5 documents' }).waitFor();
  assert.equal((await resultTitles(page)).length, 5);
  assert.deepEqual(errors, []);
});

test('typing Muhandis leaves the three articles that name him, each with a marked snippet', async () => {
  const { page } = await openSite(fixture.browser, fixture.site.url);
  await search(page, 'Muhandis', '3 documents');
  const results = page.getByRole('list', { name: 'Results' }).getByRole('listitem');
  assert.equal(await results.count(), 3);
  for (const item of await results.all()) {
    const marks = await item.locator('mark').allInnerTexts();
    assert.ok(marks.some((m) => /muhandis/i.test(m)), `a snippet marks Muhandis: ${marks}`);
  }
});

test('the last word matches as a prefix while typing', async () => {
  const { page } = await openSite(fixture.browser, fixture.site.url);
  await search(page, 'Khame', '3 documents');
  const marks = await page.locator('.results mark').allInnerTexts();
  assert.ok(marks.some((m) => m.startsWith('Khamenei')), `marks: ${marks}`);
});

test('a misspelt name still finds it, and the snippet marks the word as written', async () => {
  const { page } = await openSite(fixture.browser, fixture.site.url);
  await search(page, 'Solemani ', '5 documents');
  const marks = await page.locator('.results mark').allInnerTexts();
  assert.ok(marks.some((m) => m.startsWith('Soleimani')), `marks: ${marks}`);
});

test('a quoted phrase and an exclusion narrow the results', async () => {
  const { page } = await openSite(fixture.browser, fixture.site.url);
  await search(page, '"oil prices"', '1 document');
  await search(page, 'embassy', 'documents');
  const all = await page.getByRole('status').innerText();
  await search(page, 'embassy -Kuwait', 'documents');
  await page.waitForFunction((before) => document.querySelector('[role=status]').innerText !== before, all);
  const narrowed = Number((await page.getByRole('status').innerText()).split(' ')[0]);
  assert.equal(narrowed, Number(all.split(' ')[0]) - 1);
});
