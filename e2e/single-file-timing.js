// `cargo xtask bench --single-file` runs this on the single file it built: opens it from disk
// (file://, network cut) in headless Chromium RUNS times and prints the file size and the
// medians, in ms from the start of navigation, of the wasm unpacked and of the first results
// in the page. Usage: node single-file-timing.js PATH

import { stat } from 'node:fs/promises';
import { launchBrowser, openSingleFile } from './harness.js';

const RUNS = 5;

const path = process.argv[2];
if (!path) {
  console.error('usage: node single-file-timing.js PATH');
  process.exit(2);
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

const browser = await launchBrowser();
const unpacked = [];
const firstResults = [];
try {
  for (let run = 0; run < RUNS; run++) {
    const { page, context, url, requests, errors } = await openSingleFile(browser, path);
    await page.waitForFunction(() => window.dossierLoading.firstResultsAt !== null, null, { timeout: 120_000 });
    const times = await page.evaluate(() => ({
      unpacked: performance.getEntriesByName('dossier:unpacked')[0]?.startTime,
      firstResults: window.dossierLoading.firstResultsAt,
    }));
    if (requests.length !== 1 || requests[0] !== url || errors.length > 0) {
      throw new Error(`the page asked for ${requests.join(', ')} or failed: ${errors.join('; ')}`);
    }
    unpacked.push(times.unpacked);
    firstResults.push(times.firstResults);
    console.log(`run ${run + 1}: unpacked at ${times.unpacked.toFixed(0)} ms, first results at ${times.firstResults.toFixed(0)} ms`);
    await context.close();
  }
} finally {
  await browser.close();
}

const { size } = await stat(path);
console.log(`single file: ${size} bytes (${(size / 1e6).toFixed(2)} MB)`);
console.log(`median of ${RUNS} opens: wasm unpacked at ${median(unpacked).toFixed(0)} ms, first results at ${median(firstResults).toFixed(0)} ms`);
