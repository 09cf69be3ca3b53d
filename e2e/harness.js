// Shared by every end-to-end test: serve a built site under a sub-path on 127.0.0.1, start
// Debian's Chromium through playwright-core (never a downloaded browser), and record every
// request the page makes.

import { createServer } from 'node:http';
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

export const PUBLIC_URL = process.env.DOSSIER_PUBLIC_URL ?? '/dossier/';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
};

/** The built site for `name` ("default", "hostile"), from the env var xtask sets. */
export function siteDir(name) {
  const dir = process.env[`DOSSIER_SITE_${name.toUpperCase()}`];
  if (!dir) throw new Error(`DOSSIER_SITE_${name.toUpperCase()} is not set: run through cargo xtask test`);
  return dir;
}

/** Serves `dir` under PUBLIC_URL on a free port of 127.0.0.1; resolves to { url, close }. */
export async function serveSite(dir) {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (!path.startsWith(PUBLIC_URL)) {
      res.writeHead(404).end('outside the site');
      return;
    }
    let file = normalize(join(dir, path.slice(PUBLIC_URL.length)));
    if (!file.startsWith(normalize(dir) + sep) && file !== normalize(dir)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    url: `http://127.0.0.1:${port}${PUBLIC_URL}`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

/**
 * Opens the site in a fresh page. Resolves to { page, requests, errors, dialogs } once the app
 * has rendered its search box. `requests` collects every URL the page asked for.
 */
export async function openSite(browser, url, { viewport = { width: 1280, height: 900 } } = {}) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const requests = [];
  const errors = [];
  const dialogs = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  await page.goto(url);
  await page.getByRole('searchbox', { name: 'Search', exact: true }).waitFor();
  return { page, context, requests, errors, dialogs };
}

/** Types into the search box and waits until the live region announces `expected`. */
export async function search(page, query, expected) {
  await page.getByRole('searchbox', { name: 'Search', exact: true }).fill(query);
  if (expected !== undefined) {
    await page.getByRole('status').filter({ hasText: expected }).waitFor();
  }
}

/** The titles of the results now listed. */
export async function resultTitles(page) {
  return page.getByRole('list', { name: 'Results' }).getByRole('heading').allInnerTexts();
}

/**
 * For a test file: serves the built site `name` and starts one browser before its tests,
 * and stops both after them. The returned object's `site` and `browser` are set by then.
 */
export function useSite(name) {
  const fixture = {};
  before(async () => {
    fixture.site = await serveSite(siteDir(name));
    fixture.browser = await launchBrowser();
  });
  after(async () => {
    await fixture.browser?.close();
    await fixture.site?.close();
  });
  return fixture;
}

/**
 * Opens the first result listed and waits for the document: resolves to { title, article }
 * once the article's heading is that result's title.
 */
export async function openFirstResult(page) {
  const first = page.getByRole('list', { name: 'Results' }).getByRole('button').first();
  const title = await first.innerText();
  await first.click();
  const article = page.getByRole('article');
  await article.waitFor();
  assert.equal(await article.getByRole('heading', { level: 2 }).innerText(), title);
  return { title, article };
}

/** The single-file build for the default corpus, from the env var xtask sets. */
export function singleFilePath() {
  const path = process.env.DOSSIER_SINGLE_FILE;
  if (!path) throw new Error('DOSSIER_SINGLE_FILE is not set: run through cargo xtask test');
  return path;
}

/**
 * Opens a single-file build from disk (file://) in a fresh context whose network is cut: the
 * context is offline and every request but the file itself is aborted. Resolves to
 * { page, context, url, requests, errors } as soon as the page is loading; `requests` collects
 * every URL the page asked for, aborted or not.
 */
export async function openSingleFile(browser, path, { viewport = { width: 1280, height: 900 }, hash = '' } = {}) {
  const url = pathToFileURL(path).href;
  const context = await browser.newContext({ viewport });
  await context.setOffline(true);
  const requests = [];
  const errors = [];
  await context.route('**/*', (route) => (route.request().url().split('#')[0] === url ? route.continue() : route.abort()));
  await context.addInitScript(watchLoading);
  const page = await context.newPage();
  page.on('request', (request) => requests.push(request.url()));
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(url + hash);
  return { page, context, url, requests, errors };
}

/**
 * Runs in the page before its own scripts and sets `window.dossierLoading`: whether a
 * progress bar was ever shown (it may last only milliseconds), and when the first result
 * entered the page, in ms since navigation started.
 */
function watchLoading() {
  const loading = { progressShown: false, firstResultsAt: null };
  window.dossierLoading = loading;
  new MutationObserver((_, observer) => {
    loading.progressShown ||= document.querySelector('progress') !== null;
    if (document.querySelector('ul[aria-label="Results"] li')) {
      loading.firstResultsAt = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
}

// The map's markers, shared by the map's tests and the single file's.

/** Every marker's accessible name. */
export async function markerNames(page) {
  return page.getByRole('region', { name: 'Map' }).locator('.marker').evaluateAll(
    (markers) => markers.map((m) => m.getAttribute('aria-label')),
  );
}

/** The places the markers stand for: "PLACE: N documents", or a cluster's listed places. */
export function placesOf(names) {
  return names.flatMap((name) => {
    const cluster = /^\d+ places, \d+ mentions, (.*): zoom in$/.exec(name);
    return cluster ? cluster[1].split(', ') : [name.replace(/: \d+ documents?$/, '')];
  });
}

/** Opens clusters (each click fits its places) until a marker named exactly `name` shows. */
export async function revealMarker(page, place, name) {
  const map = page.getByRole('region', { name: 'Map' });
  for (let step = 0; step < 6; step += 1) {
    const marker = map.getByRole('button', { name, exact: true });
    if (await marker.count()) return marker;
    const names = await markerNames(page);
    const cluster = names.find((n) => placesOf([n]).includes(place));
    assert.ok(cluster, `a marker holds ${place}: ${names}`);
    await map.getByRole('button', { name: cluster, exact: true }).click();
    await page.waitForFunction((before) => document.querySelectorAll('.marker').length !== before, names.length);
  }
  throw new Error(`no marker named ${name}`);
}
