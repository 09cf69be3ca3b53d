import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { openSite, resultTitles, search, useSite } from './harness.js';

const fixture = useSite('default');

/** Clicks the download button `name` and resolves to the file's name and text. */
async function download(page, name) {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('group', { name: 'Download results:' }).getByRole('button', { name, exact: true }).click(),
  ]);
  return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
}

/** RFC 4180 rows: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(text) {
  const rows = [[]];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { rows.at(-1).push(field); field = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { rows.at(-1).push(field); field = ''; rows.push([]); i++; }
    else field += c;
  }
  rows.pop();
  return rows;
}

test('the current results download as CSV, JSON and their places as GeoJSON, made in the page', async () => {
  const { page, requests } = await openSite(fixture.browser, fixture.site.url);
  await search(page, 'Muhandis', '3 documents');
  const titles = await resultTitles(page);
  const before = requests.length;

  const json = await download(page, 'JSON');
  assert.equal(json.name, 'dossier-results.json');
  const records = JSON.parse(json.text);
  assert.deepEqual(records.map((r) => r.title), titles, 'every result, in the listed order');
  for (const record of records) {
    assert.deepEqual(Object.keys(record), ['id', 'title', 'date', 'source', 'url', 'tags', 'entities']);
    assert.ok(Array.isArray(record.tags));
  }
  assert.ok(records.every((r) => r.entities.some((e) => e.kind === 'person' && e.name === 'Abu Mahdi al-Muhandis')));

  const csv = await download(page, 'CSV');
  assert.equal(csv.name, 'dossier-results.csv');
  const rows = parseCsv(csv.text);
  assert.deepEqual(rows[0], ['id', 'title', 'date', 'source', 'url', 'tags', 'entities']);
  assert.deepEqual(rows.slice(1).map((row) => [row[0], row[1], row[4]]), records.map((r) => [r.id, r.title, r.url]));
  assert.ok(rows.slice(1).every((row) => row.length === 7 && row[6].includes('person:Abu Mahdi al-Muhandis')));

  const geojson = await download(page, 'GeoJSON (places)');
  assert.equal(geojson.name, 'dossier-places.geojson');
  const places = JSON.parse(geojson.text);
  assert.equal(places.type, 'FeatureCollection');
  const ids = new Set(records.map((r) => r.id));
  const baghdad = places.features.find((f) => f.properties.name === 'Baghdad');
  assert.ok(baghdad, `places: ${places.features.map((f) => f.properties.name)}`);
  const [lon, lat] = baghdad.geometry.coordinates;
  assert.ok(Math.abs(lat - 33.34) < 0.2 && Math.abs(lon - 44.4) < 0.2, `Baghdad at ${lat}, ${lon}`);
  for (const feature of places.features) {
    assert.equal(feature.geometry.type, 'Point');
    assert.ok(feature.properties.documents.length > 0);
    assert.ok(feature.properties.documents.every((id) => ids.has(id)), 'only the results’ places');
  }

  // Made in the page: downloading asked the server for nothing.
  assert.deepEqual(requests.slice(before).filter((url) => !url.startsWith('blob:')), []);
});
