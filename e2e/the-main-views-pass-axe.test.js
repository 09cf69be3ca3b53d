import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { openSite, search, useSite } from './harness.js';

const fixture = useSite('default');
const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core on the page as it is and fails on any serious or critical violation. The
 * page's CSP forbids added scripts, so axe goes in through the debugger (`evaluate`), which the
 * CSP does not govern; the page itself stays exactly as served.
 */
async function assertAccessible(page, view) {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const { violations } = await window.axe.run(document, { resultTypes: ['violations'] });
    return violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  });
  assert.deepEqual(violations, [], `${view}:\n${violations.join('\n')}`);
}

for (const scheme of ['light', 'dark']) {
  test(`results, a document and the shortcuts have no serious axe violations (${scheme})`, async () => {
    const { page } = await openSite(fixture.browser, fixture.site.url);
    await page.emulateMedia({ colorScheme: scheme });
    await assertAccessible(page, 'all documents');
    await search(page, 'Muhandis', '3 documents');
    await page.getByRole('button', { name: 'Exclude 2020-01' }).click();
    await assertAccessible(page, 'a query with an excluded value');
    await page.getByRole('list', { name: 'Results' }).getByRole('button').first().click();
    await page.getByRole('article').waitFor();
    await assertAccessible(page, 'the reading view');
    await page.keyboard.press('?');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    await assertAccessible(page, 'the shortcuts dialog');
  });
}

test('the phone layout and a link notice have no serious axe violations', async () => {
  const { page } = await openSite(fixture.browser, `${fixture.site.url}#q=iran&doc=gone.txt`, {
    viewport: { width: 360, height: 780 },
  });
  await page.locator('.link-notice p').waitFor();
  await assertAccessible(page, 'phone with a notice');
  await page.getByRole('list', { name: 'Results' }).getByRole('button').first().click();
  await page.getByRole('article').waitFor();
  await assertAccessible(page, 'phone reading view');
});
