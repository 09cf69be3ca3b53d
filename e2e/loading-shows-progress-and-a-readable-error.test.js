import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite } from './harness.js';

const fixture = useSite('default');

test('until the collection is ready a progress bar shows; then the app replaces it', async () => {
  const context = await fixture.browser.newContext();
  const page = await context.newPage();
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route('**/*.wasm', async (route) => { await held; await route.continue(); });
  await page.goto(fixture.site.url);
  await page.getByRole('progressbar', { name: 'Loading the collection' }).waitFor();
  await page.getByRole('status').filter({ hasText: 'Loading the collection…' }).waitFor();
  release();
  await page.getByRole('searchbox', { name: 'Search', exact: true }).waitFor();
  assert.equal(await page.getByRole('progressbar').count(), 0);
  await context.close();
});

test('when the app cannot start the page says so instead of loading forever', async () => {
  const context = await fixture.browser.newContext();
  const page = await context.newPage();
  await page.route('**/*.wasm', (route) => route.fulfill({ status: 404, body: 'not found' }));
  await page.goto(fixture.site.url);
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.innerText(), /^The collection could not be opened: .+WebAssembly/s);
  assert.equal(await page.getByRole('progressbar').count(), 0);
  await context.close();
});
