import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openSite, useSite } from './harness.js';

// One record of the hostile fixture carries 250 tags: a list long enough that the panel
// renders only the rows in view, yet every value must stay reachable by scrolling or search.

const fixture = useSite('hostile');

test('a long facet list renders a window of rows yet scrolls and searches to every value', async () => {
  const { page } = await openSite(fixture.browser, fixture.site.url);
  await page.getByRole('status').filter({ hasText: '3 documents' }).waitFor();
  const tags = page.getByRole('group', { name: 'Tags' });
  await tags.getByRole('checkbox', { name: 'tag-000 (1)' }).waitFor();
  const rendered = await tags.getByRole('checkbox').count();
  assert.ok(rendered < 100, `only a window of the 250 rows is rendered (${rendered})`);

  const list = tags.locator('ul.facet-values');
  await list.evaluate((ul) => { ul.scrollTop = ul.scrollHeight; });
  await tags.getByRole('checkbox', { name: 'tag-249 (1)' }).waitFor();

  await tags.getByRole('searchbox', { name: 'Find in Tags' }).fill('tag-123');
  await tags.getByRole('checkbox', { name: 'tag-123 (1)' }).click();
  await page.getByRole('status').filter({ hasText: '1 document' }).waitFor();
});
