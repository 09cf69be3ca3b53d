import { test } from 'node:test';
import assert from 'node:assert/strict';
import { markerNames, openSite, placesOf, revealMarker, search, useSite } from './harness.js';

const fixture = useSite('default');

/** Opens the site once its map has measured itself and fitted the results. */
async function openMap() {
  const opened = await openSite(fixture.browser, fixture.site.url);
  await settledTransform(opened.page);
  return opened;
}

/** The basemap's transform once the map has measured itself and fitted the results. */
async function settledTransform(page) {
  let last = null;
  for (;;) {
    const now = await page.locator('g.basemap').getAttribute('transform');
    if (now === last) return now;
    last = now;
    await page.waitForTimeout(250);
  }
}

/** The rows of the Places table: [place, count]. */
async function tableRows(page) {
  const map = page.getByRole('region', { name: 'Map' });
  if (!(await map.getByRole('table', { name: 'Places' }).count())) {
    await map.getByText(/^Places table/).click();
  }
  const rows = map.getByRole('table', { name: 'Places' }).locator('tbody tr');
  return rows.evaluateAll((trs) => trs.map((tr) => [tr.cells[0].innerText, Number(tr.cells[1].innerText)]));
}

test('the marker "Kuwait: 1 document" filters the results to that one document', async () => {
  const { page, errors } = await openMap();
  await page.getByRole('status').filter({ hasText: '5 documents' }).waitFor();
  const kuwait = await revealMarker(page, 'Kuwait', 'Kuwait: 1 document');
  assert.equal(await kuwait.getAttribute('aria-pressed'), 'false');
  await kuwait.click();
  await page.getByRole('status').filter({ hasText: /^1 document$/ }).waitFor();
  assert.equal(await page.getByRole('list', { name: 'Results' }).getByRole('listitem').count(), 1);
  // The same filter as the Places facet, and the marker is drawn selected.
  assert.ok(await page.getByRole('group', { name: 'Places' }).getByRole('checkbox', { name: 'Kuwait (1)' }).isChecked());
  await page.getByRole('button', { name: 'Remove filter Places: Kuwait' }).waitFor();
  assert.equal(await revealMarker(page, 'Kuwait', 'Kuwait: 1 document').then((m) => m.getAttribute('aria-pressed')), 'true');
  assert.deepEqual(errors, []);
});

test('typing Pompeo leaves only the places of that one article on the map', async () => {
  const { page } = await openMap();
  const everywhere = (await tableRows(page)).map(([place]) => place);
  await search(page, 'Pompeo', '1 document');
  await page.waitForFunction((count) => document.querySelectorAll('.places-table tbody tr').length < count, everywhere.length);
  const rows = await tableRows(page);
  const labels = await page.getByRole('group', { name: 'Places' }).locator('label').allInnerTexts();
  const articlePlaces = labels.filter((l) => /\(1\)$/.test(l)).map((l) => l.replace(/\s*\(1\)$/, ''));
  assert.ok(rows.length > 0 && rows.length < everywhere.length, `rows: ${rows}`);
  for (const [place, count] of rows) {
    assert.equal(count, 1, place);
    assert.ok(articlePlaces.includes(place), `${place} is one of the article's places: ${articlePlaces}`);
  }
  assert.deepEqual(placesOf(await markerNames(page)).sort(), rows.map(([place]) => place).sort());
});

test('the Places table lists the markers\' places with the facet counts', async () => {
  const { page } = await openMap();
  const rows = await tableRows(page);
  const facet = page.getByRole('group', { name: 'Places' });
  for (const [place, count] of rows) {
    await facet.getByRole('checkbox', { name: `${place} (${count})`, exact: true }).waitFor();
  }
  assert.deepEqual(placesOf(await markerNames(page)).sort(), rows.map(([place]) => place).sort());
});

test('a focused marker toggles its filter with Enter and shows a tooltip', async () => {
  const { page } = await openMap();
  const kuwait = await revealMarker(page, 'Kuwait', 'Kuwait: 1 document');
  await page.mouse.move(0, 0); // off the map, so that no marker under the pointer has the tooltip
  await kuwait.focus();
  assert.equal(await page.locator('.map-tooltip').textContent(), 'Kuwait1 document');
  await page.keyboard.press('Enter');
  await page.getByRole('status').filter({ hasText: /^1 document$/ }).waitFor();
  assert.equal(await kuwait.getAttribute('aria-pressed'), 'true');
  await page.keyboard.press('Enter');
  await page.getByRole('status').filter({ hasText: '5 documents' }).waitFor();
  assert.equal(await kuwait.getAttribute('aria-pressed'), 'false');
});

test('wheel, drag, keys and buttons move the map, and reset brings back the fitted view', async () => {
  const { page } = await openMap();
  const basemap = page.locator('g.basemap');
  const scale = async () => Number(/matrix\(([^ ]+)/.exec(await basemap.getAttribute('transform'))[1]);
  const fitted = await page.locator('g.basemap').getAttribute('transform');
  const box = await page.locator('svg.map').boundingBox();
  await page.mouse.move(box.x + box.width / 3, box.y + box.height / 2);
  await page.mouse.wheel(0, -300);
  await page.waitForFunction((before) => document.querySelector('g.basemap').getAttribute('transform') !== before, fitted);
  const zoomed = await scale();
  assert.ok(zoomed > Number(/matrix\(([^ ]+)/.exec(fitted)[1]), 'the wheel zooms in');
  const before = await basemap.getAttribute('transform');
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 3 + 60, box.y + box.height / 2 + 20, { steps: 5 });
  await page.mouse.up();
  await page.waitForFunction((b) => document.querySelector('g.basemap').getAttribute('transform') !== b, before);
  await page.getByRole('button', { name: 'Zoom in', exact: true }).click();
  await page.waitForFunction((s) => Number(/matrix\(([^ ]+)/.exec(document.querySelector('g.basemap').getAttribute('transform'))[1]) > s * 1.5, zoomed);
  await page.locator('svg.map').focus();
  const beforeKey = await basemap.getAttribute('transform');
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction((b) => document.querySelector('g.basemap').getAttribute('transform') !== b, beforeKey);
  await page.getByRole('button', { name: 'Reset view', exact: true }).click();
  await page.waitForFunction((f) => document.querySelector('g.basemap').getAttribute('transform') === f, fitted);
});

test('pointing at a result highlights its places on the map', async () => {
  const { page } = await openMap();
  assert.equal(await page.locator('.marker.highlighted').count(), 0);
  await page.getByRole('list', { name: 'Results' }).getByRole('listitem').first().hover();
  await page.locator('.marker.highlighted').first().waitFor();
  await page.getByRole('searchbox', { name: 'Search', exact: true }).hover();
  await page.locator('.marker.highlighted').first().waitFor({ state: 'detached' });
});
