import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openSite, search, useSite } from './harness.js';

const fixture = useSite('default');

const box = (locator) => locator.boundingBox();

test('on a 360 px phone nothing scrolls sideways, filters are a drawer, results and map take turns, a document takes the screen', async () => {
  const { page } = await openSite(fixture.browser, fixture.site.url, { viewport: { width: 360, height: 780 } });
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
  assert.equal(await overflow(), 0);
  const drawer = page.locator('details.facet-drawer');
  assert.equal(await drawer.getAttribute('open'), null, 'filters start folded away');
  await page.getByText('Filters', { exact: true }).click();
  await page.getByRole('group', { name: 'People' }).waitFor();

  // The results and the map take turns.
  const map = page.getByRole('region', { name: 'Map', exact: true });
  assert.ok(!(await map.isVisible()), 'the results come first');
  await page.getByRole('group', { name: 'Show' }).getByRole('button', { name: 'Map' }).click();
  await map.locator('.marker').first().waitFor();
  assert.ok(!(await page.getByRole('list', { name: 'Results' }).isVisible()));
  assert.equal(await overflow(), 0);
  await page.getByRole('group', { name: 'Show' }).getByRole('button', { name: 'Results' }).click();

  await search(page, 'Muhandis', '3 documents');
  await page.getByRole('list', { name: 'Results' }).getByRole('button').first().click();
  const article = page.getByRole('article');
  await article.waitFor();
  assert.equal(await overflow(), 0);
  assert.ok(!(await page.getByRole('list', { name: 'Results' }).isVisible()), 'the document replaces the list');
  const { width } = await box(article);
  assert.ok(width >= 320, `the document is ${width} px wide`);
});

test('on a wide desktop search, filters, results, map and the open document are side by side', async () => {
  const { page } = await openSite(fixture.browser, fixture.site.url, { viewport: { width: 1920, height: 1080 } });
  await search(page, 'Soleimani', '');
  await page.getByRole('list', { name: 'Results' }).getByRole('button').first().click();
  await page.getByRole('article').waitFor();
  const parts = {
    filters: page.getByRole('complementary', { name: 'Filters' }),
    search: page.getByRole('searchbox', { name: 'Search', exact: true }),
    results: page.getByRole('list', { name: 'Results' }),
    reader: page.getByRole('article'),
    map: page.getByRole('region', { name: 'Map', exact: true }),
  };
  const boxes = {};
  for (const [name, locator] of Object.entries(parts)) {
    assert.ok(await locator.isVisible(), `${name} is visible`);
    boxes[name] = await box(locator);
    assert.ok(boxes[name].y < 1080, `${name} starts on the first screen (y ${boxes[name].y})`);
  }
  const right = (b) => b.x + b.width;
  assert.ok(right(boxes.filters) <= boxes.results.x, 'filters left of the results');
  assert.ok(right(boxes.results) <= boxes.reader.x, 'results left of the document');
  assert.ok(right(boxes.reader) <= boxes.map.x, 'document left of the map');
});

test('printing shows the open document alone', async () => {
  const { page } = await openSite(fixture.browser, fixture.site.url);
  await search(page, 'Muhandis', '3 documents');
  await page.getByRole('list', { name: 'Results' }).getByRole('button').first().click();
  await page.getByRole('article').waitFor();
  await page.emulateMedia({ media: 'print' });
  for (const hidden of ['.search', 'details.facet-drawer', '.results-bar', '.reader-nav', '.related', '.map-panel', '.results']) {
    const visible = await page.locator(hidden).first().isVisible().catch(() => false);
    assert.ok(!visible, `${hidden} is not printed`);
  }
  assert.ok(await page.getByRole('article').getByRole('heading', { level: 2 }).isVisible());
  assert.ok(await page.locator('.doc-text').isVisible());
});

test('light and dark follow the system', async () => {
  const { page } = await openSite(fixture.browser, fixture.site.url);
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await page.emulateMedia({ colorScheme: 'light' });
  const light = await background();
  await page.emulateMedia({ colorScheme: 'dark' });
  assert.notEqual(await background(), light);
});
