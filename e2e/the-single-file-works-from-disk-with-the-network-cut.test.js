// The single-file build (`cargo xtask build --single-file`) opened the way a reader opens an
// emailed file: from disk, through a file:// URL, with the network cut.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, openFirstResult, openSingleFile, revealMarker, search, singleFilePath } from './harness.js';

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
  const { article } = await openFirstResult(page);
  assert.ok((await article.locator('.doc-text').innerText()).length > 1000, 'the reader shows the full text');

  assert.deepEqual(requests, [url], 'no request but the file itself');
  assert.deepEqual(errors, [], 'no console errors (a CSP violation would show here)');
});

test('clicking a map marker narrows the results to that place, from disk', async () => {
  const { page, url, requests, errors } = await openSingleFile(browser, singleFilePath());
  await page.getByRole('status').filter({ hasText: '5 documents' }).waitFor();
  const kuwait = await revealMarker(page, 'Kuwait', 'Kuwait: 1 document');
  await kuwait.click();
  await page.getByRole('status').filter({ hasText: /^1 document$/ }).waitFor();
  assert.equal(await page.getByRole('list', { name: 'Results' }).getByRole('listitem').count(), 1);
  await page.getByRole('button', { name: 'Remove filter Places: Kuwait' }).waitFor();
  assert.deepEqual(requests, [url], 'no request but the file itself');
  assert.deepEqual(errors, []);
});

test('a deep link in the hash opens its document inside the same file', async () => {
  const first = await openSingleFile(browser, singleFilePath());
  await search(first.page, 'Muhandis', '3 documents');
  const { title } = await openFirstResult(first.page);
  let link = '';
  for (let tries = 0; !link.includes('doc=') && tries < 100; tries += 1) {
    link = await first.page.evaluate(() => location.href);
    if (!link.includes('doc=')) await first.page.waitForTimeout(50);
  }
  assert.ok(link.startsWith(`${first.url}#`), `the link is the file with a fragment: ${link}`);
  await first.context.close();

  // The copied link, opened afresh: the same file, the same document, query and results.
  const { page, url, requests, errors } = await openSingleFile(browser, singleFilePath(), { hash: new URL(link).hash });
  const article = page.getByRole('article');
  await article.waitFor();
  assert.equal(await article.getByRole('heading', { level: 2 }).innerText(), title);
  assert.equal(await page.getByRole('searchbox', { name: 'Search', exact: true }).inputValue(), 'Muhandis');
  assert.equal(await page.locator('.link-notice').innerText(), '', 'a sound link has no notice');

  // And a link followed inside the page (only the fragment changes): the page follows it.
  await page.evaluate(() => { location.hash = '#q=Kuwait'; });
  await page.getByRole('status').filter({ hasText: /^1 document$/ }).waitFor();
  assert.equal(await page.getByRole('searchbox', { name: 'Search', exact: true }).inputValue(), 'Kuwait');
  assert.deepEqual(requests.map((r) => r.split('#')[0]), [url], 'no request but the file itself');
  assert.deepEqual(errors, []);
});

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
