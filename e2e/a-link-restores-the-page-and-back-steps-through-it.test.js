import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openSite, resultTitles, search, useSite } from './harness.js';

const fixture = useSite('default');

/** Waits until the address's fragment satisfies `predicate`, and returns it. */
async function fragmentWhere(page, predicate, timeout = 5000) {
  const until = Date.now() + timeout;
  for (;;) {
    const hash = new URL(page.url()).hash;
    if (predicate(hash)) return hash;
    if (Date.now() > until) throw new Error(`the fragment stayed ${hash}`);
    await page.waitForTimeout(50);
  }
}

test('a link restores the query, filters (also excluded ones) and the open document, anywhere', async () => {
  const { page } = await openSite(fixture.browser, fixture.site.url);
  await search(page, 'Muhandis', '3 documents');
  await page.getByRole('group', { name: 'People' }).getByRole('checkbox', { name: /^Abu Mahdi al-Muhandis \(\d\)$/ }).check();
  await page.getByRole('button', { name: 'Exclude 2020-01' }).click();
  await page.getByRole('button', { name: 'Remove filter not Dates: 2020-01' }).waitFor();
  const listed = await resultTitles(page);
  const first = page.getByRole('list', { name: 'Results' }).getByRole('button').first();
  const title = await first.innerText();
  await first.click();
  await page.getByRole('article').waitFor();
  const hash = await fragmentWhere(page, (h) => h.includes('doc='));
  assert.match(hash, /q=Muhandis/);
  assert.match(hash, /f=person:Abu\+Mahdi\+al-Muhandis/);
  assert.match(hash, /nf=date:2020-01/);
  assert.match(hash, /v=[0-9a-f]{8}$/);

  // Elsewhere: a fresh browser context opening the copied link shows the same page.
  const copied = page.url();
  const other = await openSite(fixture.browser, copied);
  const article = other.page.getByRole('article');
  await article.waitFor();
  assert.equal(await article.getByRole('heading', { level: 2 }).innerText(), title);
  assert.equal(await other.page.getByRole('searchbox', { name: 'Search', exact: true }).inputValue(), 'Muhandis');
  await other.page.getByRole('button', { name: 'Remove filter People: Abu Mahdi al-Muhandis' }).waitFor();
  await other.page.getByRole('button', { name: 'Remove filter not Dates: 2020-01' }).waitFor();
  assert.equal(await other.page.locator('.link-notice').innerText(), '', 'a sound link has no notice');
  // Reloading is the same again.
  await other.page.reload();
  await article.waitFor();
  assert.equal(await article.getByRole('heading', { level: 2 }).innerText(), title);
  await other.page.getByRole('button', { name: 'Back to results' }).click();
  assert.deepEqual(await resultTitles(other.page), listed);
  await other.context.close();
});

test('back and forward step through opened documents and filters; typing adds one entry', async () => {
  const { page } = await openSite(fixture.browser, fixture.site.url);
  const start = await page.evaluate(() => history.length);
  const box = page.getByRole('searchbox', { name: 'Search', exact: true });
  await box.pressSequentially('iran oil', { delay: 40 });
  await page.getByRole('status').filter({ hasText: /^\d+ documents?$/ }).waitFor();
  await fragmentWhere(page, (h) => h.startsWith('#q=iran+oil&'));
  assert.equal(await page.evaluate(() => history.length), start + 1, 'one entry for the whole query');

  const results = page.getByRole('list', { name: 'Results' });
  const title = await results.getByRole('button').first().innerText();
  await results.getByRole('button').first().click();
  await page.getByRole('article').waitFor();
  await page.getByRole('button', { name: 'Exclude 2020-01' }).click();
  await fragmentWhere(page, (h) => h.includes('nf=date:2020-01'));

  await page.goBack();
  await page.getByRole('article').getByRole('heading', { name: title }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Remove filter not Dates: 2020-01' }).count(), 0);
  await page.goBack();
  await results.waitFor();
  assert.equal(await page.getByRole('article').count(), 0);
  assert.equal(await box.inputValue(), 'iran oil');
  await page.goBack();
  await page.getByRole('status').filter({ hasText: '5 documents' }).waitFor();
  assert.equal(await box.inputValue(), '');
  await page.goForward();
  await page.goForward();
  await page.getByRole('article').getByRole('heading', { name: title }).waitFor();
  assert.equal(await box.inputValue(), 'iran oil');
});

test('a link to a missing document, a mangled link and one from another version open with a notice', async () => {
  const missing = await openSite(fixture.browser, `${fixture.site.url}#q=iran&doc=gone.txt`);
  await missing.page.locator('.link-notice').filter({ hasText: '“gone.txt” is not in this collection' }).waitFor();
  assert.equal(await missing.page.getByRole('article').count(), 0);
  assert.ok((await missing.page.getByRole('list', { name: 'Results' }).getByRole('listitem').count()) > 0);
  assert.equal(await missing.page.getByRole('searchbox', { name: 'Search', exact: true }).inputValue(), 'iran');

  const mangled = await openSite(fixture.browser, `${fixture.site.url}#q=%E2%28&f=colour:red&%%`);
  await mangled.page.locator('.link-notice').filter({ hasText: 'could not be read' }).waitFor();
  await mangled.page.getByRole('status').filter({ hasText: '5 documents' }).waitFor();

  const stale = await openSite(fixture.browser, `${fixture.site.url}#q=iran&v=00000000`);
  await stale.page.locator('.link-notice').filter({ hasText: 'another version of the collection (00000000' }).waitFor();
  await stale.page.getByRole('button', { name: 'Dismiss' }).click();
  assert.equal(await stale.page.locator('.link-notice').innerText(), '');
  for (const opened of [missing, mangled, stale]) {
    assert.deepEqual(opened.errors, []);
    await opened.context.close();
  }
});

/** The basemap's drawing transform as numbers, once it has stopped changing. */
async function mapTransform(page) {
  let last = null;
  for (;;) {
    const now = await page.locator('.map-panel g.basemap').first().getAttribute('transform');
    if (now === last) return now.match(/-?\d+(\.\d+)?(e-?\d+)?/g).map(Number);
    last = now;
    await page.waitForTimeout(250);
  }
}

test('the map view is in the link: a moved map opens where it was left, and reset fits again', async () => {
  const { page } = await openSite(fixture.browser, fixture.site.url);
  const map = page.getByRole('region', { name: 'Map', exact: true });
  await map.locator('.marker').first().waitFor();
  const fitted = await mapTransform(page);
  await map.getByRole('button', { name: 'Zoom in', exact: true }).click();
  await map.getByRole('group', { name: /^World map/ }).focus();
  await page.keyboard.press('ArrowLeft');
  await fragmentWhere(page, (h) => /map=-?[\d.]+,-?[\d.]+,[\d.]+/.test(h));
  const moved = await mapTransform(page);
  const hash = new URL(page.url()).hash;
  assert.notDeepEqual(moved, fitted);

  const other = await openSite(fixture.browser, `${fixture.site.url}${hash}`);
  await other.page.getByRole('region', { name: 'Map', exact: true }).locator('.marker').first().waitFor();
  const restored = await mapTransform(other.page);
  assert.equal(restored.length, moved.length);
  restored.forEach((value, i) => assert.ok(Math.abs(value - moved[i]) < 1, `transform ${restored} is ${moved}`));
  // Typing does not refit a map the link placed.
  await search(other.page, 'Pompeo', '1 document');
  assert.deepEqual(await mapTransform(other.page), restored);
  await other.context.close();

  await map.getByRole('button', { name: 'Reset view', exact: true }).click();
  await fragmentWhere(page, (h) => !h.includes('map='));
  assert.deepEqual(await mapTransform(page), fitted);
});
