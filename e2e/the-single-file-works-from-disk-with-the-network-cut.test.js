// The single-file build (`cargo xtask build --single-file`) opened the way a reader opens an
// emailed file: from disk, through a file:// URL, with the network cut.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, openSingleFile, search, singleFilePath } from './harness.js';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

test('searching Muhandis and opening a result work from disk, and the page asks for nothing but itself', async () => {
  const { page, url, requests, errors } = await openSingleFile(browser, singleFilePath());
  await page.getByRole('searchbox', { name: 'Search', exact: true }).waitFor();
  assert.equal(await page.evaluate(() => window.dossierLoading.progressShown), true, 'a progress bar shows while the wasm unpacks');

  await search(page, 'Muhandis', '3 documents');
  const results = page.getByRole('list', { name: 'Results' }).getByRole('listitem');
  assert.equal(await results.count(), 3);
  const first = page.getByRole('list', { name: 'Results' }).getByRole('button').first();
  const title = await first.innerText();
  await first.click();
  const article = page.getByRole('article');
  await article.waitFor();
  assert.equal(await article.getByRole('heading', { level: 2 }).innerText(), title);
  assert.ok((await article.locator('.doc-text').innerText()).length > 1000, 'the reader shows the full text');

  assert.deepEqual(requests, [url], 'no request but the file itself');
  assert.deepEqual(errors, [], 'no console errors (a CSP violation would show here)');
});

test.todo('clicking a map marker narrows the results to that place, from disk');

test.todo('a deep link in the hash opens its document inside the same file');

test('the single file\'s Content-Security-Policy allows no origin, not even its own', async () => {
  const { page } = await openSingleFile(browser, singleFilePath());
  await page.getByRole('searchbox', { name: 'Search', exact: true }).waitFor();
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
  assert.deepEqual(directives['default-src'], ["'none'"]);
  assert.deepEqual(directives['connect-src'], ["'none'"]);
  assert.deepEqual(directives['img-src'], ['data:']);
  for (const source of [...directives['script-src'], ...directives['style-src']]) {
    assert.match(source, /^'(sha256-[A-Za-z0-9+/]+=*|wasm-unsafe-eval)'$/, `only hashes and wasm compilation: ${csp}`);
  }
  assert.doesNotMatch(csp, /'self'|https?:|file:|\*|unsafe-inline/);

  // And the browser enforces it: script from elsewhere, an injected inline script and a fetch
  // are all refused by the policy (not only by the cut network: each is a violation).
  const outcome = await page.evaluate(async () => {
    const violations = [];
    document.addEventListener('securitypolicyviolation', (event) => violations.push(event.effectiveDirective));
    const external = await new Promise((resolve) => {
      const script = document.createElement('script');
      script.src = 'https://example.invalid/x.js';
      script.onerror = () => resolve('refused');
      script.onload = () => resolve('loaded');
      document.head.append(script);
    });
    const inline = document.createElement('script');
    inline.textContent = 'window.injected = true;';
    document.head.append(inline);
    const fetched = await fetch('https://example.invalid/').then(() => 'fetched', () => 'refused');
    // Violation events are queued as tasks; let them arrive.
    await new Promise((resolve) => setTimeout(resolve, 50));
    return { external, inline: window.injected === true ? 'ran' : 'refused', fetched, violations: violations.sort() };
  });
  assert.deepEqual(outcome, {
    external: 'refused',
    inline: 'refused',
    fetched: 'refused',
    violations: ['connect-src', 'script-src-elem', 'script-src-elem'],
  });
});
