// Frame times of the map while it pans and zooms: `node map-frames.js SITE_DIR` (cargo xtask
// bench builds the site for its corpus and runs this). Opens the site at 1280 × 900 in
// headless Chromium, then drives a fixed sequence of 120 steps over the map — wheel zooms in
// about moving points, drags, wheel zooms out, more drags — while a requestAnimationFrame
// loop records when each frame began. Prints the markers drawn and places on the map, then
// the median and 95th percentile of the intervals between frames and the share of frames
// that missed the 60 Hz deadline. A frame "misses" when its interval exceeds 16.7 ms by more
// than 2 ms of timer jitter, i.e. when the browser skipped a vsync.

import { launchBrowser, openSite, serveSite } from './harness.js';

const dir = process.argv[2];
if (!dir) throw new Error('usage: node map-frames.js SITE_DIR');
const FRAME_MS = 1000 / 60;
const JITTER_MS = 2;

const site = await serveSite(dir);
const browser = await launchBrowser();
try {
  const { page, errors } = await openSite(browser, site.url, { viewport: { width: 1280, height: 900 } });
  const svg = page.locator('svg.map');
  await svg.waitFor();
  await page.locator('.marker').first().waitFor();
  const box = await svg.boundingBox();
  const places = Number(/\((\d+)\)/.exec(await page.locator('.places-table summary').innerText())[1]);
  const markersAtStart = await page.locator('.marker').count();

  await page.evaluate(() => {
    window.__frames = [];
    window.__recording = true;
    const tick = (time) => {
      window.__frames.push(time);
      if (window.__recording) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });

  const at = (fx, fy) => [box.x + box.width * fx, box.y + box.height * fy];
  let [x, y] = at(0.5, 0.5);
  await page.mouse.move(x, y);
  const steps = [];
  for (let i = 0; i < 30; i += 1) steps.push(['wheel', -120, 0.3 + 0.4 * (i / 30), 0.45]);
  for (let i = 0; i < 30; i += 1) steps.push(['drag', i < 15 ? 14 : -14, i % 2 ? 6 : -6]);
  for (let i = 0; i < 30; i += 1) steps.push(['wheel', 120, 0.7 - 0.4 * (i / 30), 0.55]);
  for (let i = 0; i < 30; i += 1) steps.push(['drag', i < 15 ? -14 : 14, i % 2 ? -6 : 6]);
  let maxMarkers = markersAtStart;
  for (const [kind, a, b, c] of steps) {
    if (kind === 'wheel') {
      [x, y] = at(b, c);
      await page.mouse.move(x, y);
      await page.mouse.wheel(0, a);
    } else {
      await page.mouse.down();
      x += a;
      y += b;
      await page.mouse.move(x, y, { steps: 2 });
      await page.mouse.up();
    }
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve())));
    maxMarkers = Math.max(maxMarkers, await page.locator('.marker').count());
  }
  const frames = await page.evaluate(() => {
    window.__recording = false;
    return window.__frames;
  });
  const intervals = frames.slice(1).map((t, i) => t - frames[i]).sort((p, q) => p - q);
  const percentile = (p) => intervals[Math.min(intervals.length - 1, Math.round((intervals.length - 1) * p))];
  const missed = intervals.filter((d) => d > FRAME_MS + JITTER_MS).length;
  console.log(`places on the map: ${places}; markers drawn: ${markersAtStart} at first, up to ${maxMarkers}`);
  console.log(`frames: ${intervals.length} over ${steps.length} steps (${((frames.at(-1) - frames[0]) / 1000).toFixed(1)} s)`);
  console.log(`frame interval: median ${percentile(0.5).toFixed(1)} ms, p95 ${percentile(0.95).toFixed(1)} ms, max ${intervals.at(-1).toFixed(1)} ms`);
  console.log(`frames over 16.7 ms (+${JITTER_MS} ms jitter): ${missed} of ${intervals.length} (${(100 * missed / intervals.length).toFixed(1)} %)`);
  if (errors.length) throw new Error(`the page reported errors: ${errors}`);
} finally {
  await browser.close();
  await site.close();
}
