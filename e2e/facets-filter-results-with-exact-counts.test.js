import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openSite, useSite } from './harness.js';

const fixture = useSite('default');

test('a facet value filters the results, shows as a chip, and the chip removes it', async () => {
  const { page } = await openSite(fixture.browser, fixture.site.url);
  const dates = page.getByRole('group', { name: 'Dates' });
  const january = dates.getByRole('checkbox', { name: '2020-01 (1)' });
  await january.check();
  await page.getByRole('status').filter({ hasText: '1 document' }).waitFor();
  assert.equal(await page.getByRole('list', { name: 'Results' }).getByRole('listitem').count(), 1);
  await page.getByRole('button', { name: 'Remove filter Dates: 2020-01' }).click();
  await page.getByRole('status').filter({ hasText: '5 documents' }).waitFor();
  assert.equal(await january.isChecked(), false);
});

test('excluding a value leaves its documents out and counts stay exact', async () => {
  const { page } = await openSite(fixture.browser, fixture.site.url);
  await page.getByRole('button', { name: 'Exclude 2020-01' }).click();
  await page.getByRole('status').filter({ hasText: '4 documents' }).waitFor();
  // The excluded value is still listed, with its count over the current results: 0.
  await page.getByRole('group', { name: 'Dates' }).getByRole('checkbox', { name: '2020-01 (0)' }).waitFor();
  await page.getByRole('button', { name: 'Remove filter not Dates: 2020-01' }).waitFor();
});

test('people recognised in the text are facets: al-Muhandis filters to his three articles', async () => {
  const { page } = await openSite(fixture.browser, fixture.site.url);
  const people = page.getByRole('group', { name: 'People' });
  await people.getByRole('checkbox', { name: 'Abu Mahdi al-Muhandis (3)' }).check();
  await page.getByRole('status').filter({ hasText: '3 documents' }).waitFor();
  // Cited agencies are sources, not places.
  const sources = page.getByRole('group', { name: 'Sources' });
  await sources.getByRole('checkbox', { name: /^Reuters \(\d+\)$/ }).waitFor();
  const places = await page.getByRole('group', { name: 'Places' }).getByRole('checkbox').allTextContents();
  assert.ok(!places.some((p) => /Reuters|Washington Post/.test(p)), `places: ${places}`);
});

test('counts follow the query: typing narrows every facet to the results', async () => {
  const { page } = await openSite(fixture.browser, fixture.site.url);
  await page.getByRole('searchbox', { name: 'Search', exact: true }).fill('Pompeo');
  await page.getByRole('status').filter({ hasText: '1 document' }).waitFor();
  await page.getByRole('group', { name: 'People' }).getByRole('checkbox', { name: /^Mike Pompeo \(1\)$/ }).waitFor();
  await page.getByRole('group', { name: 'People' }).getByRole('checkbox', { name: /^Abu Mahdi al-Muhandis \(\d\)$/ }).waitFor();
});
