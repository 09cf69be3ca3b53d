// Runs a peer search library over a BEIR collection and prints a TREC run, so
// `cargo xtask eval-ir` can score it exactly as it scores Dossier.
//
//   node peers.mjs <minisearch|lunr> <corpus.jsonl.gz> <queries.jsonl> <limit>
//
// Each library is configured the way its documentation's getting-started example does it:
// the comparison is with what a site author gets by default, not with a tuned peer.

import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import MiniSearch from 'minisearch';
import lunr from 'lunr';

const [engine, corpusPath, queriesPath, limitText] = process.argv.slice(2);
const limit = Number.parseInt(limitText, 10);
if (!['minisearch', 'lunr'].includes(engine) || !corpusPath || !queriesPath || !(limit > 0)) {
  console.error('usage: node peers.mjs <minisearch|lunr> <corpus.jsonl.gz> <queries.jsonl> <limit>');
  process.exit(2);
}

/** JSON Lines, naming the file and line when one does not parse. */
function readJsonLines(path, text) {
  return text.split('\n').flatMap((line, index) => {
    if (line.trim() === '') return [];
    try {
      return [JSON.parse(line)];
    } catch (error) {
      throw new Error(`${path}:${index + 1}: ${error.message}`);
    }
  });
}

/** A file's text, gunzipped when `gzipped`; errors name the file. */
function readText(path, gzipped) {
  try {
    const bytes = readFileSync(path);
    return (gzipped ? gunzipSync(bytes) : bytes).toString('utf8');
  } catch (error) {
    throw new Error(`${path}: ${error.message}`);
  }
}

// BEIR ids may be numbers in some collections; TREC runs and qrels compare them as text.
const documents = readJsonLines(corpusPath, readText(corpusPath, true))
  .map((d) => ({ id: String(d._id), title: d.title ?? '', text: d.text ?? '' }));
const queries = readJsonLines(queriesPath, readText(queriesPath, false))
  .map((q) => ({ id: String(q._id), text: q.text ?? '' }));

/** Returns `(queryText) => [{ id, score }]`, best first. */
function minisearchSearcher() {
  // MiniSearch's documented defaults: its tokenizer (split on spaces and punctuation),
  // lower-casing, no stemming, no stop words; search combines terms with OR, BM25+ with
  // k 1.2 / b 0.7 / d 0.5, and no fuzzy or prefix matching (both are opt-in options).
  // `storeFields` is left empty: the run needs only ids and scores.
  const index = new MiniSearch({ fields: ['title', 'text'] });
  index.addAll(documents);
  return (text) => index.search(text);
}

function lunrSearcher() {
  // Lunr's documented setup: a ref and two fields, with the default English pipeline
  // (trimmer, stop-word filter, Porter stemmer) and the stemmer as search pipeline.
  const index = lunr(function () {
    this.ref('id');
    this.field('title');
    this.field('text');
    for (const document of documents) this.add(document);
  });
  return (text) =>
    index
      // `index.search(string)` parses Lunr's query language, where `:` `~` `^` `+` `-` `*`
      // are operators, so free text can throw or change meaning. Adding plain terms keeps
      // Lunr's default semantics (optional terms, search pipeline applied) for any text.
      .query((query) => {
        for (const token of lunr.tokenizer(text)) {
          // The trimmer is the first step the index applied to document words; without it a
          // word with attached punctuation ("aircraft?") could never match. Inner `*` would
          // still act as a wildcard in Lunr's term matcher, so it goes too.
          const term = lunr.trimmer(token).toString().replaceAll('*', '');
          if (term !== '') query.term(term);
        }
      })
      .map((result) => ({ id: result.ref, score: result.score }));
}

const search = engine === 'minisearch' ? minisearchSearcher() : lunrSearcher();
const lines = [];
for (const query of queries) {
  search(query.text)
    .slice(0, limit)
    .forEach((hit, index) => {
      lines.push(`${query.id} Q0 ${hit.id} ${index + 1} ${hit.score} ${engine}`);
    });
}
process.stdout.write(lines.length > 0 ? `${lines.join('\n')}\n` : '');
