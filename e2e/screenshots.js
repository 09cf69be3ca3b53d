// Takes the screenshots the README and docs/ show: `node screenshots.js OUT_DIR` with
// DOSSIER_SITE_DEFAULT set (cargo xtask screenshots does both).

import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { launchBrowser, openSite, search, serveSite, siteDir } from './harness.js';

const out = process.argv[2] ?? '../docs/screenshots';
await mkdir(out, { recursive: true });
const site = await serveSite(siteDir('default'));
const browser = await launchBrowser();
try {
  for (const [name, viewport] of [['desktop', { width: 1280, height: 900 }], ['phone', { width: 390, height: 844 }]]) {
    for (const scheme of ['light', 'dark']) {
      const { page, context } = await openSite(browser, site.url, { viewport });
      await page.emulateMedia({ colorScheme: scheme });
      await search(page, 'Muhandis', '3 documents');
      await page.screenshot({ path: join(out, `search-${name}-${scheme}.png`) });
      await page.getByRole('list', { name: 'Results' }).getByRole('button').first().click();
      await page.getByRole('article').waitFor();
      await page.screenshot({ path: join(out, `reader-${name}-${scheme}.png`) });
      await context.close();
    }
  }
} finally {
  await browser.close();
  await site.close();
}
