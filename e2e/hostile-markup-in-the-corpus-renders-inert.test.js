import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openSite, useSite } from './harness.js';

// The hostile fixture corpus (tests/fixtures/hostile) puts <script>, <img onerror>, <svg
// onload>, javascript: and data: URLs into every field. None of it may run or become markup.

const fixture = useSite('hostile');

async function assertInert(page, dialogs, where) {
  await page.waitForTimeout(300); // let any onerror / onload that slipped through fire
  assert.equal(await page.evaluate(() => window.__pwned), undefined, `no script ran (${where})`);
  assert.deepEqual(dialogs, [], `no dialog opened (${where})`);
  const injected = await page.evaluate(() =>
    document.querySelectorAll('#app img, #app svg, #app iframe, #app object, #app style, #app script, #app details:not(.facet-drawer), #app b').length);
  assert.equal(injected, 0, `no element came from corpus text (${where})`);
  const links = await page.evaluate(() => [...document.querySelectorAll('#app a')].map((a) => a.getAttribute('href')));
  assert.ok(links.every((href) => /^https?:/.test(href)), `only http(s) links (${where}): ${links}`);
}

test('markup in titles, texts, front matter and records shows as text and never runs', async () => {
  const { page, dialogs } = await openSite(fixture.browser, fixture.site.url);
  await page.getByRole('status').filter({ hasText: '3 documents' }).waitFor();
  const body = await page.locator('#app').innerText();
  assert.ok(body.includes("<script>window.__pwned = 'title'</script>"), 'the collection title is shown as text');
  assert.ok(body.includes('Markup in a headline <script>'), 'a title is shown as text');
  await assertInert(page, dialogs, 'result list');

  const openers = page.getByRole('list', { name: 'Results' }).getByRole('button');
  for (let i = 0; i < await openers.count(); i += 1) {
    await openers.nth(i).click();
    await page.getByRole('article').waitFor();
    await assertInert(page, dialogs, `reader ${i}`);
    await page.getByRole('button', { name: 'Back to results' }).click();
  }
  await page.getByRole('button', { name: /Markup in a headline/ }).click();
  const text = await page.getByRole('article').innerText();
  assert.ok(text.includes('<img src="x" onerror="window.__pwned = \'img\'">'), 'markup in the text reads as typed');
});
