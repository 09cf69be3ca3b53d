import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openSite, resultTitles, search, useSite } from './harness.js';

const fixture = useSite('default');

test('names in the text are marked by kind, with the query highlighted, and one click filters by them', async () => {
  const { page } = await openSite(fixture.browser, fixture.site.url);
  await search(page, 'Muhandis', '3 documents');
  await page.getByRole('list', { name: 'Results' }).getByRole('button').first().click();
  const article = page.getByRole('article');
  await article.waitFor();

  const person = article.getByRole('button', { name: 'Filter by person: Abu Mahdi al-Muhandis' }).first();
  await person.waitFor();
  // The query's match stays marked inside the name.
  assert.equal(await person.locator('mark').count(), 1);
  // Kinds differ by more than colour: each has its own underline.
  const underline = (name) => article.getByRole('button', { name }).first()
    .evaluate((e) => getComputedStyle(e).textDecorationStyle);
  assert.equal(await underline(/^Filter by person: /), 'solid');
  assert.equal(await underline(/^Filter by place: /), 'dotted');
  assert.equal(await underline(/^Filter by organization: /), 'double');
  const link = article.locator('.doc-url a');
  if (await link.count()) assert.equal(await link.getAttribute('target'), '_blank');

  // A small map of the document's own places.
  const places = article.getByRole('region', { name: "Map of this document's places" });
  await places.locator('.marker').first().waitFor();

  await article.getByRole('button', { name: 'Filter by place: Baghdad' }).first().click();
  await page.getByRole('button', { name: 'Remove filter Places: Baghdad' }).waitFor();
  await page.getByRole('list', { name: 'Results' }).waitFor();
});

test('previous and next step through the results; related documents share the most names first', async () => {
  const { page } = await openSite(fixture.browser, fixture.site.url);
  await search(page, 'Soleimani', '');
  const titles = await resultTitles(page);
  await page.getByRole('list', { name: 'Results' }).getByRole('button').first().click();
  const article = page.getByRole('article');
  const heading = article.getByRole('heading', { level: 2 });
  await article.getByText(`1 of ${titles.length}`).waitFor();
  assert.ok(await article.getByRole('button', { name: '‹ Previous' }).isDisabled());
  await article.getByRole('button', { name: 'Next ›' }).click();
  await heading.filter({ hasText: titles[1] }).waitFor();
  await article.getByText(`2 of ${titles.length}`).waitFor();
  await article.getByRole('button', { name: '‹ Previous' }).click();
  await heading.filter({ hasText: titles[0] }).waitFor();

  const related = article.getByRole('region', { name: 'Related documents' });
  const items = await related.getByRole('listitem').allInnerTexts();
  assert.ok(items.length >= 1, 'related documents are listed');
  const shared = items.map((text) => Number(/· (\d+) shared/.exec(text)[1]));
  assert.deepEqual(shared, [...shared].sort((a, b) => b - a), `best first: ${items}`);
  const relatedTitle = await related.getByRole('button').first().innerText();
  await related.getByRole('button').first().click();
  await heading.filter({ hasText: relatedTitle }).waitFor();
});
