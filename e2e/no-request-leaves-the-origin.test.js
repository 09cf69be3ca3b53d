import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openSite, search, useSite } from './harness.js';

const fixture = useSite('default');

test('loading, searching and reading request nothing outside the page origin', async () => {
  const { page, requests, errors } = await openSite(fixture.browser, fixture.site.url);
  await search(page, 'Baghdad', 'documents');
  await page.getByRole('list', { name: 'Results' }).getByRole('button').first().click();
  await page.getByRole('article').waitFor();
  assert.ok(requests.length > 0);
  const outside = requests.filter((url) => !url.startsWith(fixture.site.origin + '/') && !url.startsWith('data:'));
  assert.deepEqual(outside, []);
  assert.deepEqual(errors, [], 'no console errors (a CSP violation would show here)');
});

test('the Content-Security-Policy allows only the page origin', async () => {
  const { page } = await openSite(fixture.browser, fixture.site.url);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/=]+'/);
  assert.doesNotMatch(csp, /https?:|\*|unsafe-inline|INLINE-SCRIPT-HASHES/);
  // And the browser enforces it: a script from elsewhere is refused.
  const blocked = await page.evaluate(() => new Promise((resolve) => {
    const script = document.createElement('script');
    script.src = 'https://example.invalid/x.js';
    script.onerror = () => resolve(true);
    script.onload = () => resolve(false);
    document.head.append(script);
  }));
  assert.equal(blocked, true);
});
