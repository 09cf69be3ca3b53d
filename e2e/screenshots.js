// Takes the screenshots the README and docs/ show: `node screenshots.js OUT_DIR` with
// DOSSIER_SITE_DEFAULT set to a built site of the default corpus.

import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { launchBrowser, openSite, search, serveSite, siteDir } from './harness.js';

const out = process.argv[2] ?? '../docs/screenshots';
await mkdir(out, { recursive: true });
const site = await serveSite(siteDir('default'));
const browser = await launchBrowser();
try {
  for (const [name, viewport] of [['desktop', { width: 1280, height: 900 }], ['phone', { width: 360, height: 780 }]]) {
    for (const scheme of ['light', 'dark']) {
      const { page, context } = await openSite(browser, site.url, { viewport });
      await page.emulateMedia({ colorScheme: scheme });
      await search(page, 'Muhandis', '3 documents');
      await page.screenshot({ path: join(out, `search-${name}-${scheme}.png`) });
      await page.getByRole('list', { name: 'Results' }).getByRole('button').first().click();
      await page.getByRole('article').waitFor();
      await page.screenshot({ path: join(out, `reader-${name}-${scheme}.png`) });
      await context.close();

      // The map of every document: the Middle East cluster opened, a marker's tooltip shown
      // and, where results sit beside the map, a result's places highlighted.
      const opened = await openSite(browser, site.url, { viewport });
      const map = opened.page.getByRole('region', { name: 'Map' });
      await opened.page.emulateMedia({ colorScheme: scheme });
      if (name === 'phone') {
        // On a phone the map and the results take turns.
        await opened.page.getByRole('group', { name: 'Show' }).getByRole('button', { name: 'Map' }).click();
      }
      await map.locator('.marker.cluster[aria-label*="Kuwait"]').click();
      await map.getByRole('button', { name: 'Kuwait: 1 document' }).waitFor();
      if (name === 'desktop') {
        await opened.page.getByRole('list', { name: 'Results' }).getByRole('listitem').nth(2).hover();
      }
      await map.getByRole('button', { name: /^Tehran: / }).focus();
      await opened.page.screenshot({ path: join(out, `map-${name}-${scheme}.png`) });
      await opened.context.close();
    }
  }

  // A wide desktop with a document open: filters, results, the document and the map side by
  // side; then the shortcuts dialog over it.
  for (const scheme of ['light', 'dark']) {
    const { page, context } = await openSite(browser, site.url, { viewport: { width: 1920, height: 1080 } });
    await page.emulateMedia({ colorScheme: scheme });
    await search(page, 'Muhandis', '3 documents');
    await page.getByRole('list', { name: 'Results' }).getByRole('button').first().click();
    await page.getByRole('article').waitFor();
    await page.screenshot({ path: join(out, `wide-${scheme}.png`) });
    await page.keyboard.press('?');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    await page.screenshot({ path: join(out, `shortcuts-${scheme}.png`) });
    await context.close();
  }
} finally {
  await browser.close();
  await site.close();
}
