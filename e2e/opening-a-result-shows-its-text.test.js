import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openFirstResult, openSite, search, useSite } from './harness.js';

const fixture = useSite('default');

test('opening a result shows the whole text with the query marked, and back returns to the list', async () => {
  const { page } = await openSite(fixture.browser, fixture.site.url);
  await search(page, 'oil prices', '');
  const { article } = await openFirstResult(page);
  const text = await article.locator('.doc-text').innerText();
  assert.ok(text.length > 1000, `the reader shows the full text (${text.length} chars)`);
  assert.ok((await article.locator('mark').count()) > 0, 'query words are marked');
  // Focus moves to the document's heading so keyboard users start reading there.
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'reader-title');

  await page.getByRole('button', { name: 'Back to results' }).click();
  await page.getByRole('list', { name: 'Results' }).waitFor();
});
