//! The geoparser: which words of a text are places, and which places they are.
//!
//! Recognition starts from the named-entity tagger's spans (the caller runs it; this crate
//! stays free of the model) and adds what a tagger trained on names misses:
//!
//! - demonyms ("Iraqi", "Americans") count toward their country, flagged as such since they
//!   are not toponyms in the usual sense;
//! - a place name that begins an organisation named after its place ("Baghdad Police",
//!   "Rapides Parish Fire District") is a mention of that place, but only when the rest of the
//!   name is a civic institution, so "Washington Post" or "Boston Dynamics" put no pin down;
//! - a well-known place (a country, state, continent, named region, or a city of a million)
//!   written with a capital where the tagger saw nothing ("Iran-backed");
//! - a town the tagger took for a person ("Rock Hill"), when no other person of the text
//!   shares a word with it;
//! - the place in a part of it the gazetteer does not name ("Northeast Georgia" → Georgia),
//!   while a bare direction ("the West") is never a place;
//! - a seat of power named for the government inside it ("the White House said", "Kremlin
//!   officials") is no place at all.
//!
//! Resolution scores every gazetteer candidate of every mention: its kind (a country or state
//! before a same-named city), its population, and how it fits the document's other places —
//! the same country, the same state or province, nearby. The best choices are refined a few
//! times, each pass scoring against the others' current choices, and one name keeps one
//! meaning throughout a document. Names the gazetteer lacks stay mentions with no entry: the
//! caller keeps them as unplaced tags.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use dossier_core::analysis::{is_stop_word, tokenize};

use crate::gazetteer::{name_key, EntryId, Gazetteer, PlaceEntry, PlaceKind};

/// What the named-entity tagger said a span of the text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpanKind {
    Place,
    Organisation,
    Person,
    /// Anything else (CoNLL's MISC: nationalities, events, works).
    Other,
}

/// A tagged span, offsets in Unicode code points.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaggedSpan {
    pub kind: SpanKind,
    pub start: usize,
    pub end: usize,
}

/// How a mention was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MentionSource {
    /// The tagger's place span.
    Tagger,
    /// A demonym, counted toward its country.
    Demonym,
    /// The leading place of an institution's name.
    Institution,
    /// A well-known place the tagger missed.
    WellKnown,
}

/// A place mentioned in the text, with what it was resolved to.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceMention {
    /// Code point offsets of the mention in the text.
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub source: MentionSource,
    /// The gazetteer entry it is, or `None` when no candidate exists.
    pub entry: Option<EntryId>,
    /// Whether it is written after "the", and how (see [`AfterThe`]).
    pub after_the: AfterThe,
    /// The words around it call it a state or province ("Washington state", "the state of
    /// Washington"): where the name is a state and no country, it is the state, not the
    /// same-named city, capital or not.
    pub called_a_state: bool,
    /// The enumeration of three or more places it is an item of ("Utah, Washington and
    /// Wisconsin"), named by the offset of the first item's start.
    pub listed_in: Option<usize>,
}

/// A name after "the" may not be the town of that name: "fans filled the Rock Hill" is in a
/// hall, and "the Vistula river" is no alternate name of Toledo. Ordered from the fewest
/// towns excluded to the most.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum AfterThe {
    /// Not after "the": any town by its own name, or a big city by an alternate one.
    No,
    /// "The" and the name qualify what follows ("the Toowong restaurant", "the Etoumbi and
    /// Mbomo districts"): a town by its own name, whatever its size, but no alternate name.
    HeadingAPhrase,
    /// "The" and the name alone ("the Rock Hill"): a building or a body unless a big city
    /// has the name as its own ("the Baghdad government" heads a phrase anyway) or carries
    /// the article ("the Hague").
    Alone,
}

/// Words that make an organisation's name an institution of the place it begins with
/// ("Ohio Supreme Court", "Wamego Seniors Center"). Newspapers, companies and parties are
/// not among them: "Washington Post", "Boston Dynamics" and "United Russia" stay whole.
#[rustfmt::skip]
const INSTITUTION_HEADS: &[&str] = &[
    "academy", "administration", "agency", "airport", "archdiocese", "army", "association",
    "attorney", "authority", "board", "borough", "bureau", "cabinet", "centre", "centres",
    "center", "centers", "chamber", "city", "clerk", "clinic", "club", "college",
    "commission", "commissioners", "committee", "community", "consulate", "council",
    "county", "court", "courts", "department", "diocese", "district", "division",
    "elementary", "embassy", "emergency", "fair", "festival", "fire", "foundation",
    "government", "guard", "hall", "harbor", "harbour", "health", "high", "highway",
    "historical", "hospital", "housing", "jail", "legislature", "library", "medical",
    "metropolitan", "ministry", "municipal", "museum", "navy", "office", "parish", "park",
    "parks", "patrol", "police", "port", "prison", "province", "provincial", "public",
    "regional", "rescue", "school", "schools", "senate", "service", "services", "sheriff",
    "sheriffs", "society", "squad", "state", "station", "supreme", "town", "township",
    "transit", "trooper", "troopers", "university", "village", "visitors", "water", "zoo",
];

/// Words after which a place name ends an institution's name ("University of Iowa").
#[rustfmt::skip]
const INSTITUTION_OF: &[&str] = &[
    "archdiocese", "bank", "city", "college", "county", "diocese", "government", "governor",
    "mayor", "museum", "people", "port", "province", "republic", "state", "university",
];

/// Lower-case words after which a capitalised known place name is a place mention even
/// when the tagger missed it ("in Columbus,", "from Concord").
#[rustfmt::skip]
const PLACE_PREPOSITIONS: &[&str] = &[
    "in", "from", "near", "outside", "across", "throughout", "toward", "towards", "around",
    "into", "between", "via",
];

/// Capitalised words that name times, not places, after "in" ("in March", "in Spring").
#[rustfmt::skip]
const TIME_WORDS: &[&str] = &[
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "spring", "summer", "autumn", "fall", "winter", "christmas", "easter",
    "passover", "ramadan", "hanukkah", "thanksgiving", "halloween",
];

/// The most words a demonym has ("Central African", "Heard and McDonald Islander").
const DEMONYM_WORDS: usize = 4;

/// The most words of a known place name found without the tagger ("United Arab Emirates" has
/// three).
const PLACE_NAME_WORDS: usize = 4;

/// A city must be this populous to be found by one of its alternate names.
pub const ALTERNATE_NAME_CITY_POPULATION: u64 = 100_000;

/// A city must be this populous before an organisation that is exactly its name is taken for
/// the city.
const ORGANISATION_CITY_POPULATION: u64 = 50_000;

/// Bare compass points ("the West") are directions or ideas, not places on a map.
#[rustfmt::skip]
const COMPASS_POINTS: &[&str] = &[
    "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
];

/// Words that place a part of a place ("Northeast Georgia", "Southern California"): the
/// mention is the place after them unless the whole is a name of its own ("North Carolina",
/// "South Sudan"). Alone, none of them is a place, whatever province abroad is called so
/// ("West", "Western", "Central").
#[rustfmt::skip]
const PART_OF: &[&str] = &[
    "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
    "northern", "southern", "eastern", "western", "central", "upstate", "downstate",
];

/// A state or province this populous is named in parts ("Southern California"); below it,
/// "Plateau" or "Midlands" are as likely words of a longer name.
const PART_OF_STATE_POPULATION: u64 = 2_000_000;

/// A town must be this populous before a "person" of its name is taken for it: hamlets are
/// named like landmarks and people ("Capitol Hill" is a village in the Northern Marianas).
const PERSON_NAMED_TOWN_POPULATION: u64 = 5_000;

/// A city this populous is well known enough to be found without the tagger.
const WELL_KNOWN_CITY_POPULATION: u64 = 1_000_000;

/// Finds and resolves the places of `text`, given the tagger's spans (code point offsets).
/// For a whole corpus, [`recognise_places`] every text, then [`resolve_places`] each with the
/// corpus's [`CountryPrior`].
pub fn geoparse(gazetteer: &Gazetteer, text: &str, spans: &[TaggedSpan]) -> Vec<PlaceMention> {
    let mut mentions = recognise_places(gazetteer, text, spans);
    resolve_places(gazetteer, &mut mentions, &CountryPrior::default());
    mentions
}

/// The place mentions of `text`, not yet resolved (every `entry` is `None`).
pub fn recognise_places(
    gazetteer: &Gazetteer,
    text: &str,
    spans: &[TaggedSpan],
) -> Vec<PlaceMention> {
    let chars: Vec<char> = text.chars().collect();
    let mut mentions = recognise(gazetteer, text, &chars, spans);
    mentions.retain(|m| !is_seat_of_power(&m.text));
    mentions
}

/// Buildings and streets whose names English news uses for the government inside them ("the
/// White House said", "Kremlin officials", "Downing Street denied"): an institution acting,
/// not a place on a map. The gold standards annotate none of them (LGL has 12 "White House",
/// 6 "Kremlin" and 2 "Pentagon", none a toponym), and read as places they resolve to a
/// namesake: "White House" is also an English name of Casablanca, where Reuters-21578's 124
/// mentions of it had gone. Not "Whitehall": towns in Pennsylvania and Ohio have the name.
#[rustfmt::skip]
const SEATS_OF_POWER: &[&str] = &[
    "white house", "kremlin", "pentagon", "downing street", "elysee", "elysee palace",
    "blue house", "zhongnanhai",
];

/// Whether `name`, with or without "the", is a seat of power named for the institution in it.
pub fn is_seat_of_power(name: &str) -> bool {
    let key = name_key(name);
    let key = key.strip_prefix("the ").unwrap_or(&key);
    SEATS_OF_POWER.contains(&key)
}

/// How much of a corpus is about each country: the corpus-level half of coherence, so that
/// in a collection of American local news "Dublin" is the one in Ohio, while the same word in
/// an Irish collection is the capital.
#[derive(Debug, Default, Clone)]
pub struct CountryPrior {
    /// Country code → share of the documents that mention a place in it.
    shares: HashMap<String, f64>,
}

impl CountryPrior {
    /// The prior of a corpus from a first, prior-free resolution of each document's places.
    pub fn from_documents(gazetteer: &Gazetteer, documents: &[Vec<PlaceMention>]) -> Self {
        let mut counts: HashMap<String, usize> = HashMap::new();
        for mentions in documents {
            let countries: BTreeSet<&str> = mentions
                .iter()
                .filter_map(|m| m.entry)
                .map(|id| gazetteer.entry(id).country.as_str())
                .filter(|country| !country.is_empty())
                .collect();
            for country in countries {
                *counts.entry(country.to_owned()).or_default() += 1;
            }
        }
        let total = documents.len().max(1) as f64;
        CountryPrior {
            shares: counts
                .into_iter()
                .map(|(country, count)| (country, count as f64 / total))
                .collect(),
        }
    }

    fn bonus(&self, entry: &PlaceEntry) -> f64 {
        weights::CORPUS_COUNTRY * self.shares.get(&entry.country).copied().unwrap_or(0.0)
    }
}

fn slice(chars: &[char], start: usize, end: usize) -> String {
    chars[start.min(chars.len())..end.min(chars.len())]
        .iter()
        .collect()
}

/// A word of the text: code point offsets, its folded form, whether it starts with a capital.
struct Word {
    start: usize,
    end: usize,
    term: String,
    capitalised: bool,
}

fn words(text: &str) -> Vec<Word> {
    // Tokens carry byte offsets; walk the text once to turn them into code points.
    let mut words = Vec::new();
    let mut byte = 0usize;
    let mut char_index = 0usize;
    let mut to_chars = |target: usize| {
        char_index += text[byte..target].chars().count();
        byte = target;
        char_index
    };
    for token in tokenize(text) {
        let start = to_chars(token.start);
        let end = to_chars(token.end);
        let capitalised = text[token.start..token.end]
            .chars()
            .next()
            .is_some_and(char::is_uppercase);
        words.push(Word {
            start,
            end,
            term: token.term,
            capitalised,
        });
    }
    words
}

/// Whether the name ending at `end` qualifies the lower-case word right after it, or is
/// joined to a next item ("the Toowong restaurant", "the Temryuk and Anapa"): then "the"
/// belongs to that phrase, not to the name.
fn heads_a_phrase(chars: &[char], words: &[Word], end: usize) -> bool {
    let next = words.partition_point(|w| w.start < end);
    words.get(next).is_some_and(|word| {
        let joined = chars
            .get(end..word.start)
            .is_some_and(|gap| !gap.is_empty() && gap.iter().all(|c| c.is_whitespace()));
        joined
            && !word.capitalised
            && word.term.chars().all(char::is_alphabetic)
            && (!is_stop_word(&word.term) || matches!(word.term.as_str(), "and" | "or"))
    })
}

/// Whether two half-open code point ranges share a code point.
fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// The words wholly inside `start..end` (words are in text order).
fn words_in(words: &[Word], start: usize, end: usize) -> &[Word] {
    let first = words.partition_point(|w| w.start < start);
    let past = first + words[first..].partition_point(|w| w.end <= end);
    &words[first..past]
}

fn key_of(run: &[&Word]) -> String {
    run.iter()
        .map(|w| w.term.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

fn recognise(
    gazetteer: &Gazetteer,
    text: &str,
    chars: &[char],
    spans: &[TaggedSpan],
) -> Vec<PlaceMention> {
    let words = words(text);
    let mut mentions = Vec::new();
    let mention = |start: usize, end: usize, source: MentionSource| PlaceMention {
        start,
        end,
        text: slice(chars, start, end),
        source,
        entry: None,
        after_the: AfterThe::No,
        called_a_state: false,
        listed_in: None,
    };

    // "X County" and "X Parish" are places wherever they stand, inside an organisation's name
    // ("Licking County Genealogy Society") or a person's the tagger got wrong.
    for (index, word) in words.iter().enumerate() {
        if !matches!(word.term.as_str(), "county" | "parish") || !word.capitalised {
            continue;
        }
        for length in (2..=4.min(index + 1)).rev() {
            let run: Vec<&Word> = words[index + 1 - length..=index].iter().collect();
            if !run.iter().all(|w| w.capitalised) || !consecutive(chars, &run) {
                continue;
            }
            let key = key_of(&run);
            let county = gazetteer
                .lookup_key(&key)
                .iter()
                .any(|&id| gazetteer.entry(id).kind == PlaceKind::County);
            let (start, end) = (run[0].start, word.end);
            let in_place = spans
                .iter()
                .any(|s| s.kind == SpanKind::Place && overlaps((s.start, s.end), (start, end)));
            if county && !in_place {
                if let Some((start, end)) = trim_place_span(chars, start, end) {
                    mentions.push(mention(start, end, MentionSource::Institution));
                }
                break;
            }
        }
    }

    let connected = connected_names(gazetteer, chars, &words);
    for &(start, end) in &connected {
        mentions.push(mention(start, end, MentionSource::WellKnown));
    }

    let spans = &joined_compass_splits(chars, spans);
    // Each person's words, for telling a person named again from a town the tagger misread.
    let people: Vec<(String, BTreeSet<&str>)> = spans
        .iter()
        .filter(|s| s.kind == SpanKind::Person)
        .map(|s| {
            let inside = words_in(&words, s.start, s.end);
            (
                key_of(&inside.iter().collect::<Vec<_>>()),
                inside.iter().map(|w| w.term.as_str()).collect(),
            )
        })
        .collect();
    let placed: BTreeSet<String> = spans
        .iter()
        .filter(|s| s.kind == SpanKind::Place)
        .map(|s| key_of(&words_in(&words, s.start, s.end).iter().collect::<Vec<_>>()))
        .collect();
    for span in spans {
        if connected
            .iter()
            .any(|&found| overlaps(found, (span.start, span.end)))
        {
            continue;
        }
        let inside: Vec<&Word> = words_in(&words, span.start, span.end).iter().collect();
        match span.kind {
            SpanKind::Place => {
                if continues_as_a_name(&words, spans, span.end) {
                    continue;
                }
                let Some((start, end)) = trim_place_span(chars, span.start, span.end) else {
                    continue;
                };
                // Words starting in the span: a token may run past its end ("Korea's").
                let first = words.partition_point(|w| w.start < start);
                let past = words.partition_point(|w| w.start < end);
                let inside: Vec<&Word> = words[first..past].iter().collect();
                // A bare direction ("the West") or a time the tagger took for a place.
                if let [only] = inside[..] {
                    let term = only.term.as_str();
                    if PART_OF.contains(&term) || TIME_WORDS.contains(&term) {
                        continue;
                    }
                }
                let (start, end) = match without_part_of(gazetteer, &inside) {
                    // Not past the trimmed end ("West Germany's").
                    Some((part, part_end)) => (part, part_end.min(end)),
                    None => (start, end),
                };
                // Only the tagger's own places: an institution's place is usually after "the"
                // ("the Dublin Singers").
                let before = words.partition_point(|w| w.end <= start);
                let after_the = words[..before]
                    .last()
                    .is_some_and(|w| w.term == "the" && w.end + 1 == start);
                let after_the = match (after_the, heads_a_phrase(chars, &words, end)) {
                    (false, _) => AfterThe::No,
                    (true, false) => AfterThe::Alone,
                    (true, true) => AfterThe::HeadingAPhrase,
                };
                // A people the tagger took for a place ("New Zealanders") counts toward it.
                // Keyed as resolution keys it: a token may run past the span ("Arabia's").
                let key = name_key(&slice(chars, start, end));
                let source = if gazetteer.lookup_key(&key).is_empty()
                    && !gazetteer.lookup_demonym(&key).is_empty()
                {
                    MentionSource::Demonym
                } else {
                    MentionSource::Tagger
                };
                mentions.push(PlaceMention {
                    after_the,
                    ..mention(start, end, source)
                });
            }
            SpanKind::Organisation => {
                let counted = mentions
                    .iter()
                    .any(|m| overlaps((m.start, m.end), (span.start, span.end)));
                if counted {
                    continue;
                }
                let found = place_named_as_organisation(gazetteer, chars, &inside, &placed)
                    .or_else(|| institution_place(gazetteer, &inside, &placed));
                if let Some((start, end)) = found {
                    let end = with_abbreviation_stop(chars, start, end);
                    mentions.push(mention(start, end, MentionSource::Institution));
                }
            }
            SpanKind::Person => {
                if person_named_as_place(gazetteer, chars, &inside, &words, &people, &placed) {
                    mentions.push(mention(span.start, span.end, MentionSource::Tagger));
                }
            }
            SpanKind::Other => {}
        }
    }

    // Demonyms anywhere but inside a person's name ("Mr English"), a place's or a mention
    // already found (the "Soviet" of a wrapped "Soviet\nUnion"), the longest first: "South
    // African" is South Africa's, not Africa's.
    let mut index = 0;
    while index < words.len() {
        let found = longest_run(&words, chars, index, DEMONYM_WORDS, |run| {
            let (start, end) = (run[0].start, run[run.len() - 1].end);
            let covered = spans.iter().any(|s| {
                matches!(s.kind, SpanKind::Person | SpanKind::Place)
                    && overlaps((s.start, s.end), (start, end))
            }) || mentions
                .iter()
                .any(|m| overlaps((m.start, m.end), (start, end)));
            (!covered && !gazetteer.lookup_demonym(&key_of(run)).is_empty()).then_some((start, end))
        });
        match found {
            Some((length, (start, end))) => {
                mentions.push(mention(start, end, MentionSource::Demonym));
                index += length;
            }
            None => index += 1,
        }
    }

    // Known places in text the tagger left untagged (or called MISC): well-known ones
    // anywhere, others where a preposition says a place follows.
    // Free text: no tagged span over it, or only a person's name that is exactly it (a tagger
    // reads "from Barton" or "Monroe Mayor" as a person), and no mention yet.
    let free = |start: usize, end: usize, mentions: &[PlaceMention], allow_person: bool| {
        !spans.iter().any(|s| {
            s.kind != SpanKind::Other
                && overlaps((s.start, s.end), (start, end))
                && !(allow_person && s.kind == SpanKind::Person && (s.start, s.end) == (start, end))
        }) && !mentions
            .iter()
            .any(|m| overlaps((m.start, m.end), (start, end)))
    };
    let mut index = 0;
    while index < words.len() {
        let matched = longest_run(&words, chars, index, PLACE_NAME_WORDS, |run| {
            let length = run.len();
            if (length == 1 && is_stop_word(&run[0].term) && !is_abbreviation(chars, run[0]))
                || (length == 1 && PART_OF.contains(&run[0].term.as_str()))
            {
                return None;
            }
            let (start, mut end) = (run[0].start, run[length - 1].end);
            let key = key_of(run);
            let candidates = gazetteer.lookup_key(&key);
            if candidates.is_empty() {
                return None;
            }
            // A name known only as an abbreviation with a full stop ("Pa.", "W.Va.",
            // "N.S.W.") must be written so, and the mention ends with the stop: "Act." ending a
            // sentence is no "A.C.T.".
            if candidates
                .iter()
                .all(|&id| known_only_dotted(gazetteer.entry(id), &key))
            {
                let written = slice(chars, start, (end + 1).min(chars.len()));
                let as_written = candidates
                    .iter()
                    .flat_map(|&id| gazetteer.entry(id).names())
                    .any(|name| name.eq_ignore_ascii_case(&written));
                if !as_written {
                    return None;
                }
                end += 1;
            }
            let well_known = candidates
                .iter()
                .any(|&id| is_well_known(gazetteer.entry(id), &key));
            let primary = || {
                candidates
                    .iter()
                    .any(|&id| name_key(&gazetteer.entry(id).name) == key)
            };
            let after_preposition = index > 0
                && PLACE_PREPOSITIONS.contains(&words[index - 1].term.as_str())
                && !TIME_WORDS.contains(&run[0].term.as_str())
                && !words[index - 1].capitalised
                && primary();
            let dateline = is_dateline(chars, run) && primary();
            let found = (well_known && free(start, end, &mentions, false))
                || ((after_preposition || dateline) && free(start, end, &mentions, true));
            found.then_some((start, end))
        });
        match matched {
            Some((length, (start, end))) => {
                let end = with_abbreviation_stop(chars, start, end);
                mentions.push(mention(start, end, MentionSource::WellKnown));
                index += length;
            }
            None => index += 1,
        }
    }
    mentions.sort_by_key(|m| (m.start, m.end));
    mentions.dedup_by(|a, b| overlaps((a.start, a.end), (b.start, b.end)));
    for mention in &mut mentions {
        mention.called_a_state = called_a_state(&words, mention.start, mention.end);
    }
    mark_enumerations(chars, &mut mentions);
    mentions
}

/// The longest run of at most `max` capitalised, adjacent words from `index` that `accept`
/// takes, with its length and what `accept` returned. Names are matched longest first: "New
/// York" before "York", "South African" before "African".
fn longest_run<'w, T>(
    words: &'w [Word],
    chars: &[char],
    index: usize,
    max: usize,
    mut accept: impl FnMut(&[&'w Word]) -> Option<T>,
) -> Option<(usize, T)> {
    (1..=max.min(words.len() - index)).rev().find_map(|length| {
        let run: Vec<&Word> = words[index..index + length].iter().collect();
        if !run.iter().all(|w| w.capitalised) || !consecutive(chars, &run) {
            return None;
        }
        accept(&run).map(|found| (length, found))
    })
}

/// Lower-case words inside a place's name ("Democratic Republic of the Congo", "Bosnia and
/// Herzegovina", "Rio de Janeiro").
const NAME_CONNECTORS: &[&str] = &["of", "the", "and", "de", "del", "da", "do", "du", "la"];

/// The most words of a known name with lower-case words inside ("Democratic Republic of the
/// Congo" has six).
const CONNECTED_NAME_WORDS: usize = 7;

/// Where well-known places are named with lower-case words inside, or across the line break
/// of hard-wrapped text ("New\nYork"). The tagger splits such a name ("Democratic Republic of
/// the" and "Congo"; "York" alone) or buries it in an organisation's ("the Ministry of Health
/// of the People's Republic of China"), so these are found first, longest first, and stand
/// over the tagger's spans.
fn connected_names(gazetteer: &Gazetteer, chars: &[char], words: &[Word]) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    let mut index = 0;
    while index < words.len() {
        // Most words start no name: skip them before trying runs of every length.
        if !words[index].capitalised {
            index += 1;
            continue;
        }
        let longest = CONNECTED_NAME_WORDS.min(words.len() - index);
        let matched = (2..=longest).rev().find(|&length| {
            let run: Vec<&Word> = words[index..index + length].iter().collect();
            let inner = &run[1..length - 1];
            let wrapped = run
                .windows(2)
                .any(|pair| chars[pair[0].end..pair[1].start].contains(&'\n'));
            if !run[length - 1].capitalised
                || !(wrapped || inner.iter().any(|w| !w.capitalised))
                || !inner
                    .iter()
                    .all(|w| w.capitalised || NAME_CONNECTORS.contains(&w.term.as_str()))
                || !within_a_line_break(chars, &run)
            {
                return false;
            }
            let key = key_of(&run);
            gazetteer
                .lookup_key(&key)
                .iter()
                .any(|&id| is_well_known(gazetteer.entry(id), &key))
        });
        match matched {
            Some(length) => {
                found.push((words[index].start, words[index + length - 1].end));
                index += length;
            }
            None => index += 1,
        }
    }
    found
}

/// Words separated by one space, or by one line break and the spaces around it: a name
/// wrapped onto the next line, not one across a paragraph or punctuation.
fn within_a_line_break(chars: &[char], run: &[&Word]) -> bool {
    run.windows(2).all(|pair| {
        let gap = &chars[pair[0].end..pair[1].start];
        gap == [' ']
            || (gap.iter().all(|c| *c == ' ' || *c == '\n')
                && gap.iter().filter(|c| **c == '\n').count() == 1)
    })
}

/// What may stand between the items of an enumeration.
const ENUMERATION_SEPARATORS: &[&str] = &[",", "and", ", and", "or", ", or", "&"];

/// An enumeration has at least this many items: two places with a comma between are as often
/// a town and its state ("Buffalo, New York").
const ENUMERATION_ITEMS: usize = 3;

/// Marks the runs of mentions that only separators part as one enumeration each.
fn mark_enumerations(chars: &[char], mentions: &mut [PlaceMention]) {
    let separated = |a: &PlaceMention, b: &PlaceMention| {
        let between = slice(chars, a.end, b.start);
        let between = between.split_whitespace().collect::<Vec<_>>().join(" ");
        ENUMERATION_SEPARATORS.contains(&between.as_str())
    };
    let mut first = 0;
    while first < mentions.len() {
        let mut past = first + 1;
        while past < mentions.len() && separated(&mentions[past - 1], &mentions[past]) {
            past += 1;
        }
        if past - first >= ENUMERATION_ITEMS {
            let id = mentions[first].start;
            for mention in &mut mentions[first..past] {
                mention.listed_in = Some(id);
            }
        }
        first = past;
    }
}

/// Lower-case words that say the place next to them is a state or province.
const STATE_WORDS: &[&str] = &["state", "province"];

/// Whether the words around `start..end` call it a state or province: "Washington state",
/// "Nyanza province", "the state of Washington". Capitalised, the word is part of a name
/// ("Washington State University", "Islamic State").
fn called_a_state(words: &[Word], start: usize, end: usize) -> bool {
    let next = words.partition_point(|w| w.start < end);
    let before = words.partition_point(|w| w.end <= start);
    let is_state_word =
        |word: &Word| !word.capitalised && STATE_WORDS.contains(&word.term.as_str());
    let followed = words.get(next).is_some_and(is_state_word);
    let preceded = before >= 2
        && words[before - 1].term == "of"
        && !words[before - 1].capitalised
        && is_state_word(&words[before - 2]);
    followed || preceded
}

/// The tagger sometimes splits a place that begins with a compass point ("North" | "Kansas
/// City"); the two spans are joined, so the whole name is looked up before its parts.
fn joined_compass_splits(chars: &[char], spans: &[TaggedSpan]) -> Vec<TaggedSpan> {
    let mut joined: Vec<TaggedSpan> = Vec::with_capacity(spans.len());
    for span in spans {
        if let Some(previous) = joined.last_mut() {
            let word = slice(chars, previous.start, previous.end).to_lowercase();
            if previous.kind == SpanKind::Place
                && span.kind == SpanKind::Place
                && span.start == previous.end + 1
                && chars.get(previous.end) == Some(&' ')
                && COMPASS_POINTS.contains(&word.as_str())
            {
                previous.end = span.end;
                continue;
            }
        }
        joined.push(span.clone());
    }
    joined
}

/// "Northeast Georgia" → the span of "Georgia", when the gazetteer lacks the whole and the
/// rest is, by its own name, a country, a big state or province, or a city. Smaller places
/// and regions keep the whole name: "West Africa" and "West Midlands" are regions of their
/// own, not parts of Africa or of a Zimbabwean province called Midlands.
fn without_part_of(gazetteer: &Gazetteer, words: &[&Word]) -> Option<(usize, usize)> {
    let (first, rest) = words.split_first()?;
    if rest.is_empty()
        || !PART_OF.contains(&first.term.as_str())
        || !gazetteer.lookup_key(&key_of(words)).is_empty()
    {
        return None;
    }
    let key = key_of(rest);
    let whole_place = gazetteer
        .lookup_key(&key)
        .iter()
        .map(|&id| gazetteer.entry(id))
        .filter(|entry| name_key(&entry.name) == key)
        .any(|entry| match entry.kind {
            // "Southern Italy" is a part of Italy; "West Germany" or "North Yemen" was a
            // country of its own, and stays one (unplaced) rather than merge with today's.
            PlaceKind::Country => !COMPASS_POINTS.contains(&first.term.as_str()),
            PlaceKind::State => entry.population >= PART_OF_STATE_POPULATION,
            PlaceKind::City => entry.population >= ALTERNATE_NAME_CITY_POPULATION,
            _ => false,
        });
    whole_place.then(|| (rest[0].start, rest[rest.len() - 1].end))
}

/// A news dateline: a place in capitals opening a line, before a dash or an agency
/// ("COLUMBUS --", "CHATTANOOGA (AP) —").
fn is_dateline(chars: &[char], run: &[&Word]) -> bool {
    let (Some(first), Some(last)) = (run.first(), run.last()) else {
        return false;
    };
    let opens_line = chars[..first.start]
        .iter()
        .rev()
        .take_while(|c| **c != '\n')
        .all(|c| c.is_whitespace() || matches!(c, '.' | '"' | '\''))
        || first.start == 0;
    let capitals = run
        .iter()
        .all(|w| in_capitals(chars, w) || w.end - w.start == 1);
    let after: String = chars[last.end.min(chars.len())..].iter().take(4).collect();
    let marked = ["--", "—", "–", "(", ", ", " -", " —", " –", " ("]
        .iter()
        .any(|mark| after.trim_start_matches(',').starts_with(mark) || after.starts_with(mark));
    opens_line && capitals && marked
}

/// A span the tagger ended just before another capitalised word it left untagged ("Quds" of
/// "Quds Force") is the start of a longer name, not a place of its own. Times ("Iraq Monday")
/// do not count.
fn continues_as_a_name(words: &[Word], spans: &[TaggedSpan], end: usize) -> bool {
    let Some(next) = words.iter().find(|w| w.start >= end) else {
        return false;
    };
    let tagged = spans
        .iter()
        .any(|s| overlaps((s.start, s.end), (next.start, next.end)));
    next.start == end + 1
        && next.capitalised
        && !tagged
        && !INSTITUTION_HEADS.contains(&next.term.as_str())
        && !TIME_WORDS.contains(&next.term.as_str())
        && !is_stop_word(&next.term)
}

/// "U.S." ends with its full stop, which the word tokenizer leaves out as punctuation.
fn with_abbreviation_stop(chars: &[char], start: usize, end: usize) -> usize {
    let dotted = chars[start..end].contains(&'.');
    if dotted && chars.get(end) == Some(&'.') {
        end + 1
    } else {
        end
    }
}

/// The most letters of an abbreviation written in capitals without full stops ("US", "UAE"):
/// a longer word in capitals is a headline's word ("MORE"), not an abbreviation.
const ABBREVIATION_LETTERS: usize = 3;

/// Written in capitals ("US", "U.S.", "PINEVILLE").
fn in_capitals(chars: &[char], word: &Word) -> bool {
    let letters: Vec<char> = chars[word.start..word.end]
        .iter()
        .copied()
        .filter(|c| c.is_alphabetic())
        .collect();
    letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
}

/// An abbreviation ("US", "U.S."), not a capitalised stop word ("She") or a headline's word.
fn is_abbreviation(chars: &[char], word: &Word) -> bool {
    let written = &chars[word.start..word.end];
    in_capitals(chars, word)
        && (written.iter().filter(|c| c.is_alphabetic()).count() <= ABBREVIATION_LETTERS
            || written.contains(&'.'))
}

/// Whether every name of `entry` that folds to `key` is an abbreviation with full stops
/// ("Pa.", "N.S.W."): text must write the stops for the name to be that place.
fn known_only_dotted(entry: &PlaceEntry, key: &str) -> bool {
    entry
        .names()
        .filter(|name| name_key(name) == key)
        .all(|name| name.ends_with('.'))
}

/// Words separated only by single spaces (not across a line break or punctuation).
fn consecutive(chars: &[char], run: &[&Word]) -> bool {
    run.windows(2)
        .all(|pair| pair[1].start == pair[0].end + 1 && chars.get(pair[0].end) == Some(&' '))
}

/// Known to any reader by this name: a country, state, continent or region by any of its
/// names, or a big city by its own name (not by one of its many alternates).
fn is_well_known(entry: &PlaceEntry, key: &str) -> bool {
    match entry.kind {
        PlaceKind::Continent | PlaceKind::Country | PlaceKind::State | PlaceKind::Region => true,
        PlaceKind::City => {
            entry.population >= WELL_KNOWN_CITY_POPULATION && name_key(&entry.name) == key
        }
        _ => false,
    }
}

/// The tagger's span without a leading "the" or a trailing possessive, which gold standards
/// and readers leave out of the name.
fn trim_place_span(chars: &[char], mut start: usize, mut end: usize) -> Option<(usize, usize)> {
    let text = slice(chars, start, end);
    for article in ["the ", "The "] {
        if text.starts_with(article) && text.len() > article.len() {
            start += article.chars().count();
        }
    }
    for possessive in ["'s", "’s", "'", "’"] {
        let suffix: Vec<char> = possessive.chars().collect();
        if end > start + suffix.len() && chars[end - suffix.len()..end] == suffix[..] {
            end -= suffix.len();
            break;
        }
    }
    (start < end).then_some((start, end))
}

/// An "organisation" that is exactly a place's name: a county the tagger took for a body
/// ("Henry County"), or a country acting ("Egypt attempts"). Cities count only by their own
/// name, not an alternate, so an organisation sharing a city's nickname stays one. A
/// division's initials written without their stops ("NSW" for "N.S.W.") are as often a
/// company's ("ACT" for Applied Circuit Technology), so they count only where the tagger
/// places something in that country; a country's ("UK") always count. `placed`: the keys of
/// the tagger's places.
fn place_named_as_organisation(
    gazetteer: &Gazetteer,
    chars: &[char],
    words: &[&Word],
    placed: &BTreeSet<String>,
) -> Option<(usize, usize)> {
    let first = words.first()?;
    let last = words.last()?;
    if !words.iter().all(|w| w.capitalised) {
        return None;
    }
    // "West said": a person the tagger called a body, not Cameroon's West Region.
    if let [only] = words {
        if PART_OF.contains(&only.term.as_str()) {
            return None;
        }
    }
    let key = key_of(words);
    let undotted = !chars[first.start..last.end].contains(&'.');
    let placed_in = |country: &str| {
        placed.iter().any(|other| {
            gazetteer
                .lookup_key(other)
                .iter()
                .any(|&id| gazetteer.entry(id).country == country)
        })
    };
    gazetteer
        .lookup_key(&key)
        .iter()
        .map(|&id| gazetteer.entry(id))
        .any(|entry| match entry.kind {
            // A small town named like a body ("Marines", "Congress") is not worth the risk.
            PlaceKind::City => {
                entry.population >= ORGANISATION_CITY_POPULATION && name_key(&entry.name) == key
            }
            PlaceKind::Airport => name_key(&entry.name) == key,
            PlaceKind::Other => false,
            PlaceKind::State | PlaceKind::County => {
                !(undotted && known_only_dotted(entry, &key)) || placed_in(&entry.country)
            }
            _ => true,
        })
        .then_some((first.start, last.end))
}

/// A "person" that is a place's own name and shares no word with any other person of the
/// text (a real person is named again: "Glen Allen" … "Allen said"; a town the tagger
/// misread is not). Two or more words suffice ("Rock Hill", "Sioux Falls"); one word
/// ("Monroe", "Tbilisi") also needs the text to say it is a place: a country, a named region
/// or continent ("Darfur"), a big state, the same name tagged a place elsewhere, or a state
/// or country after a comma ("Surprise, Ariz."). `people`: each person's key and words;
/// `placed`: the keys of the tagger's places.
fn person_named_as_place(
    gazetteer: &Gazetteer,
    chars: &[char],
    inside: &[&Word],
    words: &[Word],
    people: &[(String, BTreeSet<&str>)],
    placed: &BTreeSet<String>,
) -> bool {
    let Some(last) = inside.last() else {
        return false;
    };
    if !inside.iter().all(|w| w.capitalised) {
        return false;
    }
    let key = key_of(inside);
    // The places of this very name (not one of their alternates).
    let named: Vec<&PlaceEntry> = gazetteer
        .lookup_key(&key)
        .iter()
        .map(|&id| gazetteer.entry(id))
        .filter(|entry| name_key(&entry.name) == key)
        .collect();
    let is_place = if inside.len() >= 2 {
        named.iter().any(|entry| match entry.kind {
            PlaceKind::City => entry.population >= PERSON_NAMED_TOWN_POPULATION,
            PlaceKind::County | PlaceKind::State | PlaceKind::Country => true,
            _ => false,
        })
    } else {
        let region = named.iter().any(|entry| match entry.kind {
            PlaceKind::Country | PlaceKind::Region | PlaceKind::Continent => true,
            PlaceKind::State => entry.population >= PART_OF_STATE_POPULATION,
            _ => false,
        });
        let region_after = || {
            let next = words.partition_point(|w| w.start < last.end);
            chars.get(last.end) == Some(&',')
                && next < words.len()
                && words[next].start == last.end + 2
                && words[next].capitalised
                && (1..=2).any(|length| {
                    let Some(run) = words.get(next..next + length) else {
                        return false;
                    };
                    let run: Vec<&Word> = run.iter().collect();
                    consecutive(chars, &run)
                        && gazetteer.lookup_key(&key_of(&run)).iter().any(|&id| {
                            matches!(
                                gazetteer.entry(id).kind,
                                PlaceKind::State | PlaceKind::Country
                            )
                        })
                })
        };
        !named.is_empty() && (region || placed.contains(&key) || region_after())
    };
    if !is_place {
        return false;
    }
    !people.iter().any(|(other, theirs)| {
        *other != key && inside.iter().any(|w| theirs.contains(w.term.as_str()))
    })
}

/// "Baghdad Police" → the span of "Baghdad"; "University of Iowa" → "Iowa".
/// `placed`: the names the tagger calls places anywhere in the text (as for
/// [`person_named_as_place`]).
fn institution_place(
    gazetteer: &Gazetteer,
    words: &[&Word],
    placed: &BTreeSet<String>,
) -> Option<(usize, usize)> {
    // By a city's own name, not one of its many alternates ("Quds" of "Quds Force"), and a
    // city big enough to name bodies after or one the text names as a place elsewhere:
    // "Moody's Investors Service" or "Federal Reserve Board" are not about towns called
    // Moody or Federal. A run ending in "City" must be a city's own name ("Kansas City"):
    // "Dublin City Council" is Dublin's council, not the Irish division called Dublin City.
    let known = |run: &[&Word]| {
        let key = key_of(run);
        let ends_in_city = run.len() > 1 && run.last().is_some_and(|w| w.term == "city");
        gazetteer
            .lookup_key(&key)
            .iter()
            .map(|&id| gazetteer.entry(id))
            .any(|entry| match entry.kind {
                PlaceKind::City => {
                    name_key(&entry.name) == key
                        && (entry.population >= ALTERNATE_NAME_CITY_POPULATION
                            || placed.contains(&key))
                }
                PlaceKind::Airport | PlaceKind::Other => name_key(&entry.name) == key,
                _ => !ends_in_city,
            })
    };
    // Leading place: the longest run of capitalised words that is a place, with an
    // institution's word somewhere after it.
    for length in (1..words.len()).rev() {
        let (place, rest) = words.split_at(length);
        if place.iter().all(|w| w.capitalised)
            && !(length == 1 && PART_OF.contains(&place[0].term.as_str()))
            && rest
                .iter()
                .any(|w| INSTITUTION_HEADS.contains(&w.term.as_str()))
            && known(place)
        {
            return Some((place[0].start, place[length - 1].end));
        }
    }
    // Trailing place after "of".
    let of = words.iter().position(|w| w.term == "of")?;
    if of == 0 || !INSTITUTION_OF.contains(&words[of - 1].term.as_str()) {
        return None;
    }
    let place = &words[of + 1..];
    (!place.is_empty() && place.iter().all(|w| w.capitalised) && known(place))
        .then(|| (place[0].start, place[place.len() - 1].end))
}

/// Scoring weights, in log-population units (one unit = ten times the population).
mod weights {
    /// Prior for each kind, so "Kuwait" is the country and "Georgia" in a US story the state.
    pub fn kind(kind: super::PlaceKind) -> f64 {
        use super::PlaceKind::*;
        match kind {
            Continent => 4.0,
            Country => 4.0,
            Region => 3.5,
            // Low for a kind: provinces abroad share many a town's name ("Gaza", "Alexandria"),
            // and a state the document is about gets the corpus and context bonuses anyway.
            State => 1.5,
            County => 0.5,
            City => 0.0,
            Airport => -1.0,
            Other => -1.0,
        }
    }
    /// Per decade of population.
    pub const POPULATION: f64 = 1.0;
    /// In a country another place of the document is in.
    pub const SAME_COUNTRY: f64 = 2.0;
    /// In a state or province another place of the document names or is in.
    pub const SAME_ADMIN1: f64 = 3.0;
    /// Near another place of the document: this much at distance 0, halving every
    /// `NEAR_HALF_KM`.
    pub const NEAR: f64 = 2.0;
    pub const NEAR_HALF_KM: f64 = 150.0;
    /// At most this many candidates of a name are scored (the most likely by prior).
    pub const MAX_CANDIDATES: usize = 40;
    pub const PASSES: usize = 3;
    /// For the first choice, another name's readings within this much of its likeliest one
    /// (one decade of population) count as what it could be.
    pub const FIRST_MARGIN: f64 = 1.0;
    /// A country's capital: news names it for its government ("Washington said").
    pub const CAPITAL: f64 = 3.0;
    /// In a country this share of the corpus's documents mention, times the share.
    pub const CORPUS_COUNTRY: f64 = 2.0;
    /// Of the kind two thirds of the other items of its enumeration are ("Utah, Washington
    /// and Wisconsin" are states, so Washington is not the capital here).
    pub const LISTED_KIND: f64 = 2.0;
}

/// Resolves recognised mentions to gazetteer entries (see the module documentation).
pub fn resolve_places(gazetteer: &Gazetteer, mentions: &mut [PlaceMention], corpus: &CountryPrior) {
    // One meaning per name per document: resolve distinct names, then copy back.
    let mut names: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (index, mention) in mentions.iter().enumerate() {
        names.entry(mention_key(mention)).or_default().push(index);
    }
    // Per distinct name: its candidates with their scores before context, best first.
    let groups: Vec<(Vec<(EntryId, f64)>, usize)> = names
        .iter()
        .map(|(key, indexes)| {
            let source = mentions[indexes[0]].source;
            // The least telling way the name is written decides ("Rock Hill" once without
            // "the" may be the town).
            let after_the = indexes
                .iter()
                .map(|&index| mentions[index].after_the)
                .min()
                .unwrap_or(AfterThe::No);
            let called_a_state = indexes.iter().any(|&index| mentions[index].called_a_state);
            let ids: &[EntryId] = if PART_OF.contains(&key.as_str()) {
                &[]
            } else if source == MentionSource::Demonym {
                gazetteer.lookup_demonym(key)
            } else {
                gazetteer.lookup_key(key)
            };
            let divisions;
            let ids = if ids.is_empty() && source != MentionSource::Demonym {
                divisions = division_before_its_kind(gazetteer, key);
                &divisions
            } else {
                ids
            };
            let mut candidates: Vec<(EntryId, f64)> = ids
                .iter()
                // A small town known by this name only as one of its many alternates ("White
                // House", a former name of a Maryland village) is not what a text means.
                .filter(|&&id| {
                    let entry = gazetteer.entry(id);
                    if source == MentionSource::Demonym || entry.kind != PlaceKind::City {
                        return true;
                    }
                    let own_name = name_key(&entry.name) == *key;
                    let big = entry.population >= ALTERNATE_NAME_CITY_POPULATION;
                    // "Fans filled the Rock Hill": a hall, not the town of 66,000. After "the"
                    // and alone, a city needs its own name and to be big, or to carry the
                    // article ("the Hague"); qualifying what follows ("the Toowong
                    // restaurant"), its own name of any size but no alternate ("the Vistula
                    // river" is no part of Toledo). (Seats of power such as "the White House"
                    // never get here: recognition drops them.)
                    match after_the {
                        AfterThe::Alone => (own_name && big) || entry.name.starts_with("The "),
                        AfterThe::HeadingAPhrase => own_name || entry.name.starts_with("The "),
                        AfterThe::No => big || own_name,
                    }
                })
                .map(|&id| {
                    let entry = gazetteer.entry(id);
                    let score = prior(entry)
                        + corpus.bonus(entry)
                        + if entry.capital { weights::CAPITAL } else { 0.0 };
                    (id, score)
                })
                .collect();
            // Called a state or province, a name that is one (a first- or second-level
            // division) is that division: "Washington state" is not the capital, "the
            // province of Leon" not the Mexican city. A country, region or continent of the
            // name keeps its reading: "Iran state media", "a Gulf state".
            let division = |&(id, _): &(EntryId, f64)| {
                matches!(
                    gazetteer.entry(id).kind,
                    PlaceKind::State | PlaceKind::County
                )
            };
            let wider = |&(id, _): &(EntryId, f64)| {
                matches!(
                    gazetteer.entry(id).kind,
                    PlaceKind::Country | PlaceKind::Region | PlaceKind::Continent
                )
            };
            if called_a_state && candidates.iter().any(division) && !candidates.iter().any(wider) {
                candidates.retain(division);
            }
            // An ocean, sea or strait (kind `Other`) by its short name ("the Pacific side",
            // "Atlantic flyways") is the water, not a town of under 100,000 named after it
            // (Pacific, Missouri, has 7,000).
            let sea = |&(id, _): &(EntryId, f64)| gazetteer.entry(id).kind == PlaceKind::Other;
            if candidates.iter().any(sea) {
                candidates.retain(|candidate| {
                    let entry = gazetteer.entry(candidate.0);
                    entry.kind != PlaceKind::City
                        || entry.population >= ALTERNATE_NAME_CITY_POPULATION
                });
            }
            candidates.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            candidates.truncate(weights::MAX_CANDIDATES);
            (candidates, indexes.len())
        })
        .collect();

    // The first choice of each name already looks at what the other names could be, not only
    // at their likeliest reading: "Paris" next to "Henry County" starts in Tennessee when both
    // have a reading there, instead of each name pinning the other to its likeliest reading.
    let chosen_first: Vec<Option<EntryId>> = groups
        .iter()
        .enumerate()
        .map(|(group, (candidates, _))| {
            if candidates.len() < 2 {
                return candidates.first().map(|&(id, _)| id);
            }
            candidates
                .iter()
                .map(|&(id, base)| {
                    let entry = gazetteer.entry(id);
                    let context: Vec<(&PlaceEntry, usize)> = groups
                        .iter()
                        .enumerate()
                        .filter(|&(other, _)| other != group)
                        .filter_map(|(_, (others, count))| {
                            let best = others.first()?.1;
                            others
                                .iter()
                                .take_while(|&&(_, score)| score >= best - weights::FIRST_MARGIN)
                                .map(|&(other, _)| gazetteer.entry(other))
                                .max_by(|a, b| {
                                    fit(entry, &[(a, 1)]).total_cmp(&fit(entry, &[(b, 1)]))
                                })
                                .map(|other| (other, *count))
                        })
                        .collect();
                    (id, base + fit(entry, &context))
                })
                .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
                .map(|(id, _)| id)
        })
        .collect();
    // Each name's fellow items in the enumerations it is listed in.
    let mut lists: BTreeMap<usize, BTreeSet<usize>> = BTreeMap::new();
    for (group, indexes) in names.values().enumerate() {
        for list in indexes
            .iter()
            .filter_map(|&index| mentions[index].listed_in)
        {
            lists.entry(list).or_default().insert(group);
        }
    }
    let mut fellows: Vec<BTreeSet<usize>> = vec![BTreeSet::new(); groups.len()];
    for members in lists.values() {
        for &group in members {
            fellows[group].extend(members.iter().filter(|&&other| other != group));
        }
    }

    // Each name is rescored against the others' latest choices, in place: scoring all names
    // against the previous pass at once lets two names swap readings forever ("Paris" picks
    // France for the Henry County in Ohio while that county picks Tennessee for a Paris there).
    let mut chosen = chosen_first;
    for _ in 0..weights::PASSES {
        let before = chosen.clone();
        for (group, (candidates, _)) in groups.iter().enumerate() {
            if candidates.len() < 2 {
                continue;
            }
            let context: Vec<(&PlaceEntry, usize)> = chosen
                .iter()
                .enumerate()
                .filter(|&(other, _)| other != group)
                .filter_map(|(other, id)| id.map(|id| (gazetteer.entry(id), groups[other].1)))
                .collect();
            let listed_kind = listed_kind(gazetteer, &fellows[group], &chosen);
            chosen[group] = candidates
                .iter()
                .map(|&(id, base)| {
                    let entry = gazetteer.entry(id);
                    let listed = if Some(entry.kind) == listed_kind {
                        weights::LISTED_KIND
                    } else {
                        0.0
                    };
                    (id, base + fit(entry, &context) + listed)
                })
                .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
                .map(|(id, _)| id);
        }
        if chosen == before {
            break;
        }
    }

    for (indexes, entry) in names.values().zip(&chosen) {
        for &index in indexes {
            mentions[index].entry = *entry;
        }
    }
}

/// The kind at least two thirds of the other items of a name's enumerations currently are
/// (two at least): "Utah, Washington and Wisconsin" lists states.
fn listed_kind(
    gazetteer: &Gazetteer,
    fellows: &BTreeSet<usize>,
    chosen: &[Option<EntryId>],
) -> Option<PlaceKind> {
    if fellows.len() + 1 < ENUMERATION_ITEMS {
        return None;
    }
    let mut counts: BTreeMap<PlaceKind, usize> = BTreeMap::new();
    for id in fellows.iter().filter_map(|&other| chosen[other]) {
        *counts.entry(gazetteer.entry(id).kind).or_default() += 1;
    }
    // Two thirds, not all: in a list of thirty states, the capital and a Michigan town
    // that "Washington" and "Wyoming" could be must not stop each other from being states.
    counts
        .into_iter()
        .find(|&(_, count)| count * 3 >= fellows.len() * 2)
        .map(|(kind, _)| kind)
}

fn mention_key(mention: &PlaceMention) -> String {
    name_key(&mention.text)
}

/// Words for a kind of division that news writes after a division's name ("Bas Congo
/// Province", "Wedza District").
const DIVISION_KINDS: &[&str] = &[
    "canton",
    "county",
    "department",
    "district",
    "governorate",
    "municipality",
    "oblast",
    "parish",
    "prefecture",
    "province",
    "region",
    "state",
    "territory",
];

/// A name the gazetteer lacks that is a division's name and then its kind is that division
/// or a named region of the name (scored as any candidates are: "the Gulf region" is the
/// Persian Gulf, which outranks Papua New Guinea's Gulf Province), never a place of another
/// kind: "Kisumu District" is not the city.
fn division_before_its_kind(gazetteer: &Gazetteer, key: &str) -> Vec<EntryId> {
    let Some((name, kind)) = key.rsplit_once(' ') else {
        return Vec::new();
    };
    if !DIVISION_KINDS.contains(&kind) {
        return Vec::new();
    }
    gazetteer
        .lookup_key(name)
        .iter()
        .copied()
        .filter(|&id| {
            matches!(
                gazetteer.entry(id).kind,
                PlaceKind::State | PlaceKind::County | PlaceKind::Region
            )
        })
        .collect()
}

fn prior(entry: &PlaceEntry) -> f64 {
    weights::kind(entry.kind) + weights::POPULATION * ((entry.population as f64) + 1.0).log10()
}

/// How well a candidate fits the document's other places (each weighted by its mentions,
/// with diminishing returns).
fn fit(candidate: &PlaceEntry, context: &[(&PlaceEntry, usize)]) -> f64 {
    let mut same_country = 0usize;
    let mut same_admin1 = 0usize;
    let mut nearest_km = f64::INFINITY;
    for &(other, count) in context {
        if std::ptr::eq(other, candidate) {
            continue;
        }
        if !candidate.country.is_empty() && other.country == candidate.country {
            same_country += count;
        }
        // A state's own division is itself: its `admin1`, which keeps the name the cities
        // use where the state's own name adds its kind ("Centre" of "Centre Region").
        let admin1_of_other = match other.kind {
            PlaceKind::State if !other.admin1.is_empty() => other.admin1.as_str(),
            PlaceKind::State => other.name.as_str(),
            _ => other.admin1.as_str(),
        };
        if !candidate.admin1.is_empty()
            && other.country == candidate.country
            && name_key(admin1_of_other) == name_key(&candidate.admin1)
        {
            same_admin1 += count;
        }
        if !matches!(
            other.kind,
            PlaceKind::Continent | PlaceKind::Region | PlaceKind::Country
        ) {
            nearest_km = nearest_km.min(distance_km(
                candidate.lat,
                candidate.lon,
                other.lat,
                other.lon,
            ));
        }
    }
    let saturate = |n: usize| 1.0 - 0.5f64.powi(n.min(16) as i32);
    let near = if nearest_km.is_finite() {
        weights::NEAR * 0.5f64.powf(nearest_km / weights::NEAR_HALF_KM)
    } else {
        0.0
    };
    weights::SAME_COUNTRY * saturate(same_country)
        + weights::SAME_ADMIN1 * saturate(same_admin1)
        + near
}

/// Great-circle distance in kilometres (haversine on a sphere of the Earth's mean radius).
pub fn distance_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * 6371.0088 * a.sqrt().min(1.0).asin()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(
        kind: PlaceKind,
        name: &str,
        country: &str,
        admin1: &str,
        population: u64,
        lat: f64,
        lon: f64,
    ) -> PlaceEntry {
        PlaceEntry {
            geonameid: None,
            kind,
            name: name.into(),
            country: country.into(),
            admin1: admin1.into(),
            population,
            lat,
            lon,
            alternates: Vec::new(),
            demonyms: Vec::new(),
            capital: false,
        }
    }

    fn gazetteer() -> Gazetteer {
        let mut iraq = place(PlaceKind::Country, "Iraq", "IQ", "", 29_000_000, 33.0, 44.0);
        iraq.demonyms = vec!["Iraqi".into(), "Iraqis".into()];
        let mut us = place(
            PlaceKind::Country,
            "United States",
            "US",
            "",
            310_000_000,
            39.8,
            -98.6,
        );
        us.alternates = vec!["U.S.".into()];
        let mut africa = place(
            PlaceKind::Continent,
            "Africa",
            "",
            "",
            1_000_000_000,
            7.2,
            21.1,
        );
        africa.demonyms = vec!["African".into(), "Africans".into()];
        let mut south_africa = place(
            PlaceKind::Country,
            "South Africa",
            "ZA",
            "",
            57_000_000,
            -29.0,
            24.0,
        );
        south_africa.demonyms = vec!["South African".into(), "South Africans".into()];
        let mut russia = place(
            PlaceKind::Country,
            "Russia",
            "RU",
            "",
            144_000_000,
            60.0,
            96.0,
        );
        russia.alternates = vec!["Soviet Union".into()];
        russia.demonyms = vec!["Soviet".into(), "Soviets".into()];
        Gazetteer::from_entries(vec![
            africa,
            south_africa,
            russia,
            iraq,
            us,
            place(
                PlaceKind::City,
                "Kuwait",
                "KW",
                "Al Asimah",
                60_000,
                29.37,
                47.98,
            ),
            place(
                PlaceKind::Country,
                "Kuwait",
                "KW",
                "",
                2_700_000,
                29.5,
                47.75,
            ),
            place(
                PlaceKind::City,
                "Baghdad",
                "IQ",
                "Baghdad",
                5_600_000,
                33.34,
                44.40,
            ),
            place(
                PlaceKind::City,
                "Alexandria",
                "EG",
                "Alexandria",
                3_800_000,
                31.20,
                29.92,
            ),
            place(
                PlaceKind::City,
                "Alexandria",
                "US",
                "Louisiana",
                47_000,
                31.31,
                -92.45,
            ),
            place(
                PlaceKind::City,
                "Alexandria",
                "US",
                "Virginia",
                140_000,
                38.80,
                -77.05,
            ),
            place(
                PlaceKind::County,
                "Rapides Parish",
                "US",
                "Louisiana",
                0,
                31.2,
                -92.5,
            ),
            {
                let mut state = place(
                    PlaceKind::State,
                    "Louisiana",
                    "US",
                    "",
                    4_500_000,
                    31.0,
                    -92.0,
                );
                state.alternates = vec!["La.".into()];
                state
            },
            place(
                PlaceKind::City,
                "Pineville",
                "US",
                "Louisiana",
                14_000,
                31.32,
                -92.43,
            ),
            {
                let mut capital = place(
                    PlaceKind::City,
                    "Washington",
                    "US",
                    "District of Columbia",
                    690_000,
                    38.9,
                    -77.04,
                );
                capital.capital = true;
                capital
            },
            place(
                PlaceKind::State,
                "Washington",
                "US",
                "Washington",
                7_600_000,
                47.4,
                -120.5,
            ),
            place(
                PlaceKind::State,
                "Utah",
                "US",
                "Utah",
                3_200_000,
                39.3,
                -111.7,
            ),
            place(
                PlaceKind::State,
                "Wisconsin",
                "US",
                "Wisconsin",
                5_900_000,
                44.6,
                -89.9,
            ),
            place(
                PlaceKind::City,
                "Madison",
                "US",
                "Wisconsin",
                270_000,
                43.07,
                -89.4,
            ),
            place(
                PlaceKind::City,
                "White House",
                "US",
                "Tennessee",
                10_000,
                36.47,
                -86.65,
            ),
            place(PlaceKind::State, "West", "CM", "West", 990_000, 5.4, 10.6),
            place(
                PlaceKind::City,
                "Federal",
                "AR",
                "Entre Rios",
                17_000,
                -30.95,
                -58.78,
            ),
            {
                let mut city = place(
                    PlaceKind::City,
                    "Casablanca",
                    "MA",
                    "Casablanca-Settat",
                    3_100_000,
                    33.59,
                    -7.61,
                );
                city.alternates = vec!["White House".into()];
                city
            },
            place(
                PlaceKind::City,
                "Rock Hill",
                "US",
                "South Carolina",
                66_000,
                34.92,
                -81.03,
            ),
            {
                let mut city = place(
                    PlaceKind::City,
                    "Toledo",
                    "US",
                    "Ohio",
                    270_000,
                    41.66,
                    -83.56,
                );
                city.alternates = vec!["Vistula".into()];
                city
            },
            {
                let mut ocean = place(PlaceKind::Other, "Pacific Ocean", "", "", 0, 0.0, -160.0);
                ocean.alternates = vec!["Pacific".into()];
                ocean
            },
            place(
                PlaceKind::City,
                "Pacific",
                "US",
                "Missouri",
                7_000,
                38.48,
                -90.74,
            ),
            place(
                PlaceKind::State,
                "Michigan",
                "US",
                "Michigan",
                10_000_000,
                43.5,
                -84.6,
            ),
            place(
                PlaceKind::State,
                "Wyoming",
                "US",
                "Wyoming",
                580_000,
                43.0,
                -107.5,
            ),
            place(
                PlaceKind::City,
                "Wyoming",
                "US",
                "Michigan",
                76_000,
                42.91,
                -85.71,
            ),
            place(
                PlaceKind::City,
                "Glen Allen",
                "US",
                "Virginia",
                15_000,
                37.67,
                -77.51,
            ),
            {
                let mut congo = place(
                    PlaceKind::Country,
                    "Democratic Republic of the Congo",
                    "CD",
                    "",
                    84_000_000,
                    -2.85,
                    23.6,
                );
                congo.alternates = vec!["Congo".into(), "DRC".into()];
                congo
            },
            place(PlaceKind::Region, "Darfur", "SD", "", 0, 13.5, 24.5),
            place(
                PlaceKind::Country,
                "Australia",
                "AU",
                "",
                25_000_000,
                -25.2,
                133.9,
            ),
            {
                let mut state = place(
                    PlaceKind::State,
                    "New South Wales",
                    "AU",
                    "New South Wales",
                    8_000_000,
                    -32.5,
                    146.8,
                );
                state.alternates = vec!["N.S.W.".into()];
                state
            },
            {
                let mut state = place(
                    PlaceKind::State,
                    "Australian Capital Territory",
                    "AU",
                    "Australian Capital Territory",
                    450_000,
                    -35.5,
                    149.0,
                );
                state.alternates = vec!["A.C.T.".into()];
                state
            },
            {
                let mut state = place(
                    PlaceKind::State,
                    "More og Romsdal",
                    "NO",
                    "More og Romsdal",
                    270_000,
                    62.5,
                    8.3,
                );
                state.alternates = vec!["Møre".into()];
                state
            },
            place(
                PlaceKind::State,
                "Bas-Congo",
                "CD",
                "Bas-Congo",
                5_500_000,
                -5.3,
                14.2,
            ),
            place(
                PlaceKind::City,
                "Kisumu",
                "KE",
                "Kisumu",
                400_000,
                -0.1,
                34.75,
            ),
        ])
    }

    fn span(kind: SpanKind, text: &str, needle: &str) -> TaggedSpan {
        let byte = text.find(needle).expect("needle in text");
        let start = text[..byte].chars().count();
        TaggedSpan {
            kind,
            start,
            end: start + needle.chars().count(),
        }
    }

    fn resolved<'g>(
        g: &'g Gazetteer,
        mentions: &[PlaceMention],
    ) -> Vec<(String, Option<&'g PlaceEntry>)> {
        mentions
            .iter()
            .map(|m| (m.text.clone(), m.entry.map(|id| g.entry(id))))
            .collect()
    }

    #[test]
    fn a_country_outranks_a_smaller_city_of_the_same_name() {
        let g = gazetteer();
        let text = "Troops left Kuwait.";
        let found = geoparse(&g, text, &[span(SpanKind::Place, text, "Kuwait")]);
        let (_, entry) = &resolved(&g, &found)[0];
        assert_eq!(entry.map(|e| e.kind), Some(PlaceKind::Country));
    }

    #[test]
    fn a_state_in_the_document_pulls_a_city_to_it() {
        let g = gazetteer();
        let text = "An Alexandria woman was charged. Louisiana police said so.";
        let spans = [
            span(SpanKind::Place, text, "Alexandria"),
            span(SpanKind::Place, text, "Louisiana"),
        ];
        let found = geoparse(&g, text, &spans);
        let alexandria = found
            .iter()
            .find(|m| m.text == "Alexandria")
            .and_then(|m| m.entry);
        assert_eq!(
            alexandria.map(|id| g.entry(id).admin1.as_str()),
            Some("Louisiana")
        );
    }

    #[test]
    fn two_names_settle_where_both_have_a_reading_not_where_each_is_likeliest() {
        // Each name's likeliest reading is in another state; one step at a time from those,
        // neither would move. Looking at what the other name could be finds Tennessee.
        let g = Gazetteer::from_entries(vec![
            place(
                PlaceKind::County,
                "Henry County",
                "US",
                "Georgia",
                200_000,
                33.45,
                -84.15,
            ),
            place(
                PlaceKind::County,
                "Henry County",
                "US",
                "Tennessee",
                32_000,
                36.3,
                -88.3,
            ),
            place(
                PlaceKind::City,
                "Paris",
                "US",
                "Texas",
                25_000,
                33.66,
                -95.55,
            ),
            place(
                PlaceKind::City,
                "Paris",
                "US",
                "Tennessee",
                10_000,
                36.3,
                -88.32,
            ),
        ]);
        let text = "Paris is the seat of Henry County.";
        let states = states_found(&g, text, &["Paris", "Henry County"]);
        assert_eq!(states, ["Tennessee", "Tennessee"]);
    }

    #[test]
    fn two_names_do_not_swap_readings_between_passes() {
        // Counties of no known population tie until a Paris picks one; the capital is the
        // likeliest Paris until a county picks Tennessee. Scored against each other's last
        // choices at once, each would take the reading that fits the other's old one, forever.
        let mut capital = place(
            PlaceKind::City,
            "Paris",
            "FR",
            "Ile-de-France",
            2_100_000,
            48.85,
            2.35,
        );
        capital.capital = true;
        let county = |admin1: &str, lat: f64, lon: f64| {
            place(PlaceKind::County, "Henry County", "US", admin1, 0, lat, lon)
        };
        let g = Gazetteer::from_entries(vec![
            county("Ohio", 41.33, -84.07),
            county("Tennessee", 36.33, -88.3),
            capital,
            place(
                PlaceKind::City,
                "Paris",
                "US",
                "Tennessee",
                10_000,
                36.3,
                -88.33,
            ),
        ]);
        let text = "Paris and Henry County are rich in history. Henry County leads.";
        let states = states_found(&g, text, &["Paris", "Henry County"]);
        assert_eq!(states, ["Tennessee"; 3]);
    }

    #[test]
    fn without_context_the_most_populous_city_wins() {
        let g = gazetteer();
        let text = "Alexandria is old.";
        let found = geoparse(&g, text, &[span(SpanKind::Place, text, "Alexandria")]);
        assert_eq!(
            found[0].entry.map(|id| g.entry(id).country.as_str()),
            Some("EG")
        );
    }

    #[test]
    fn demonyms_count_toward_their_country_with_exact_offsets() {
        let g = gazetteer();
        let text = "Qāsem met Iraqi officials.";
        let found = geoparse(&g, text, &[]);
        assert_eq!(found.len(), 1);
        assert_eq!(
            (found[0].start, found[0].end, found[0].text.as_str()),
            (10, 15, "Iraqi")
        );
        assert_eq!(found[0].source, MentionSource::Demonym);
        assert_eq!(
            found[0].entry.map(|id| g.entry(id).name.as_str()),
            Some("Iraq")
        );
    }

    #[test]
    fn a_demonym_of_two_words_is_its_countrys_not_the_continents() {
        let g = gazetteer();
        let text = "South African police and African leaders met.";
        let found = geoparse(&g, text, &[]);
        let names: Vec<(&str, Option<&str>)> = found
            .iter()
            .map(|m| (m.text.as_str(), m.entry.map(|id| g.entry(id).name.as_str())))
            .collect();
        assert_eq!(
            names,
            [
                ("South African", Some("South Africa")),
                ("African", Some("Africa"))
            ]
        );
    }

    #[test]
    fn a_people_the_tagger_took_for_a_place_counts_toward_its_country() {
        let g = gazetteer();
        let text = "South Africans voted.";
        let found = geoparse(&g, text, &[span(SpanKind::Place, text, "South Africans")]);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].source, MentionSource::Demonym);
        assert_eq!(
            found[0].entry.map(|id| g.entry(id).name.as_str()),
            Some("South Africa")
        );
    }

    #[test]
    fn a_newspaper_named_after_a_city_is_not_that_city() {
        let g = gazetteer();
        let text = "The Washington Post reported it.";
        let found = geoparse(
            &g,
            text,
            &[span(SpanKind::Organisation, text, "Washington Post")],
        );
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn a_civic_institution_mentions_its_place() {
        let g = gazetteer();
        let text = "Baghdad Police Command said, and the University of Louisiana agreed.";
        let spans = [
            span(SpanKind::Organisation, text, "Baghdad Police Command"),
            span(SpanKind::Organisation, text, "University of Louisiana"),
        ];
        let found: Vec<String> = geoparse(&g, text, &spans)
            .into_iter()
            .map(|m| m.text)
            .collect();
        assert_eq!(found, ["Baghdad", "Louisiana"]);
    }

    #[test]
    fn well_known_places_the_tagger_missed_are_found() {
        let g = gazetteer();
        let text = "An Iraq-based group and the U.S. military.";
        let found: Vec<String> = geoparse(&g, text, &[])
            .into_iter()
            .map(|m| m.text)
            .collect();
        assert_eq!(found, ["Iraq", "U.S."]);
    }

    #[test]
    fn unknown_places_are_kept_without_an_entry() {
        let g = gazetteer();
        let text = "They met in Atlantis.";
        let found = geoparse(&g, text, &[span(SpanKind::Place, text, "Atlantis")]);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].entry, None);
    }

    #[test]
    fn articles_and_possessives_are_not_part_of_the_place() {
        let g = gazetteer();
        let text = "Kuwait's emir.";
        let found = geoparse(&g, text, &[span(SpanKind::Place, text, "Kuwait's")]);
        assert_eq!(found[0].text, "Kuwait");
    }

    #[test]
    fn a_county_inside_an_organisations_name_is_a_place() {
        let g = gazetteer();
        let text = "The Rapides Parish Fire District 2 investigated.";
        let spans = [span(
            SpanKind::Organisation,
            text,
            "Rapides Parish Fire District 2",
        )];
        let found: Vec<String> = geoparse(&g, text, &spans)
            .into_iter()
            .map(|m| m.text)
            .collect();
        assert_eq!(found, ["Rapides Parish"]);
    }

    #[test]
    fn a_state_abbreviation_needs_its_full_stop_and_keeps_it() {
        let g = gazetteer();
        let text = "She lives in Pineville, La. and La Paz.";
        let found: Vec<String> = geoparse(&g, text, &[])
            .into_iter()
            .map(|m| m.text)
            .collect();
        assert_eq!(found, ["Pineville", "La."]);
    }

    #[test]
    fn a_dateline_in_capitals_is_a_place_even_when_tagged_a_person() {
        let g = gazetteer();
        let text = "Fire in town\nPINEVILLE (AP) — A fire broke out.";
        let found = geoparse(&g, text, &[span(SpanKind::Person, text, "PINEVILLE")]);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].text, "PINEVILLE");
        assert_eq!(
            found[0].entry.map(|id| g.entry(id).name.as_str()),
            Some("Pineville")
        );
    }

    #[test]
    fn a_compass_word_before_a_big_state_is_a_part_of_that_state() {
        let g = gazetteer();
        let text = "Storms hit Northern Louisiana's coast and North Pineville.";
        let spans = [
            span(SpanKind::Place, text, "Northern Louisiana's"),
            span(SpanKind::Place, text, "North Pineville"),
        ];
        let found: Vec<String> = geoparse(&g, text, &spans)
            .into_iter()
            .map(|m| m.text)
            .collect();
        // Pineville is too small to be named in parts: the whole stays an unplaced name.
        assert_eq!(found, ["Louisiana", "North Pineville"]);
    }

    #[test]
    fn a_bare_direction_is_no_place_even_where_a_province_has_its_name() {
        let g = gazetteer();
        let text = "West said the West was won.";
        let spans = [
            span(SpanKind::Organisation, text, "West"),
            span(SpanKind::Place, text, "the West"),
        ];
        assert!(geoparse(&g, text, &spans).is_empty());
    }

    #[test]
    fn a_town_after_the_that_qualifies_what_follows_is_the_town() {
        let g = gazetteer();
        let name_of = |text: &str, needle: &str| {
            let found = geoparse(&g, text, &[span(SpanKind::Place, text, needle)]);
            found[0].entry.map(|id| g.entry(id).name.clone())
        };
        assert_eq!(
            name_of("Diners at the Rock Hill restaurant fell ill.", "Rock Hill").as_deref(),
            Some("Rock Hill")
        );
        assert_eq!(
            name_of(
                "Ducks from the Rock Hill and Charlotte flocks.",
                "Rock Hill"
            )
            .as_deref(),
            Some("Rock Hill")
        );
        // Still no alternate name: the river is not the Toledo district once called Vistula.
        assert_eq!(name_of("Swans on the Vistula river.", "Vistula"), None);
        // Followed by a verb or a clause, it may be the hall again.
        assert_eq!(
            name_of("Fans filled the Rock Hill, which...", "Rock Hill"),
            None
        );
    }

    #[test]
    fn a_division_named_with_its_kind_is_the_division_and_never_the_city() {
        let g = gazetteer();
        let text = "Cases rose in Bas Congo Province and in Kisumu District.";
        let spans = [
            span(SpanKind::Place, text, "Bas Congo Province"),
            span(SpanKind::Place, text, "Kisumu District"),
        ];
        let found = geoparse(&g, text, &spans);
        let names: Vec<(String, Option<&str>)> = resolved(&g, &found)
            .into_iter()
            .map(|(text, entry)| (text, entry.map(|e| e.name.as_str())))
            .collect();
        assert_eq!(
            names,
            vec![
                ("Bas Congo Province".to_string(), Some("Bas-Congo")),
                // A district the gazetteer lacks stays unplaced rather than be the city.
                ("Kisumu District".to_string(), None),
            ]
        );
    }

    #[test]
    fn an_ocean_by_its_short_name_is_the_water_not_a_small_town() {
        let g = gazetteer();
        for (text, needle) in [
            ("Flyways on the Pacific side of the Americas.", "Pacific"),
            ("Warming of the tropical Pacific region.", "Pacific"),
        ] {
            let found = geoparse(&g, text, &[span(SpanKind::Place, text, needle)]);
            assert_eq!(
                found[0].entry.map(|id| g.entry(id).name.as_str()),
                Some("Pacific Ocean"),
                "{text}"
            );
        }
    }

    #[test]
    fn a_small_town_after_the_is_a_building_not_the_town() {
        let g = gazetteer();
        let text = "Fans filled the Rock Hill.";
        let found = geoparse(&g, text, &[span(SpanKind::Place, text, "Rock Hill")]);
        // Not the town of 66,000: a hall or an arena.
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].entry, None, "{found:?}");
        // A big city by its own name is still itself after "the".
        let text = "Sources in the Baghdad government.";
        let found = geoparse(&g, text, &[span(SpanKind::Place, text, "Baghdad")]);
        assert_eq!(
            found[0].entry.map(|id| g.entry(id).name.as_str()),
            Some("Baghdad")
        );
        // Written once without "the", the name may be the town (one meaning per text).
        let text = "Rock Hill fans. The team from the Rock Hill.";
        let first = span(SpanKind::Place, text, "Rock Hill");
        let second = TaggedSpan {
            start: text.rfind("Rock Hill").expect("second mention"),
            end: text.rfind("Rock Hill").expect("second mention") + 9,
            ..first.clone()
        };
        let found = geoparse(&g, text, &[first, second]);
        assert_eq!(found.len(), 2);
        assert!(found.iter().all(|m| m.entry.is_some()), "{found:?}");
    }

    #[test]
    fn a_town_taken_for_a_person_is_a_place_unless_the_person_is_named_again() {
        let g = gazetteer();
        let text = "Rock Hill schools closed. Glen Allen spoke, and Allen left.";
        let spans = [
            span(SpanKind::Person, text, "Rock Hill"),
            span(SpanKind::Person, text, "Glen Allen"),
            span(SpanKind::Person, text, "Allen left"),
        ];
        let spans = [
            spans[0].clone(),
            spans[1].clone(),
            TaggedSpan {
                end: spans[2].start + 5,
                ..spans[2].clone()
            },
        ];
        let found: Vec<String> = geoparse(&g, text, &spans)
            .into_iter()
            .map(|m| m.text)
            .collect();
        assert_eq!(found, ["Rock Hill"]);
    }

    #[test]
    fn one_word_taken_for_a_person_needs_the_text_to_say_it_is_a_place() {
        let g = gazetteer();
        let text = "Pineville, La. and Baghdad; Pineville said nothing.";
        let spans = [
            span(SpanKind::Person, text, "Pineville, La"),
            span(SpanKind::Person, text, "Baghdad"),
        ];
        let spans = [
            TaggedSpan {
                end: spans[0].start + 9,
                ..spans[0].clone()
            },
            spans[1].clone(),
        ];
        let found: Vec<String> = geoparse(&g, text, &spans)
            .into_iter()
            .map(|m| m.text)
            .collect();
        // A state after a comma says Pineville is a place; nothing says so of Baghdad here.
        assert_eq!(found, ["Pineville", "La."]);
    }

    #[test]
    fn a_body_named_after_a_small_town_is_not_about_it_unless_the_text_places_it() {
        let g = gazetteer();
        let text = "The Federal Reserve Board met.";
        let spans = [span(SpanKind::Organisation, text, "Federal Reserve Board")];
        assert!(geoparse(&g, text, &spans).is_empty());
        let text = "Pineville Police Department said a fire in Pineville spread.";
        let spans = [
            span(SpanKind::Organisation, text, "Pineville Police Department"),
            span(SpanKind::Place, text, "Pineville spread"),
        ];
        let spans = [
            spans[0].clone(),
            TaggedSpan {
                end: spans[1].start + 9,
                ..spans[1].clone()
            },
        ];
        let found: Vec<String> = geoparse(&g, text, &spans)
            .into_iter()
            .map(|m| m.text)
            .collect();
        assert_eq!(found, ["Pineville", "Pineville"]);
    }

    #[test]
    fn an_institution_keeps_the_full_stop_of_its_abbreviated_place() {
        let g = gazetteer();
        let text = "The U.S. Department of Education said so.";
        let spans = [span(
            SpanKind::Organisation,
            text,
            "U.S. Department of Education",
        )];
        let found: Vec<String> = geoparse(&g, text, &spans)
            .into_iter()
            .map(|m| m.text)
            .collect();
        assert_eq!(found, ["U.S."]);
    }

    /// What `text`'s mentions resolve to, with `places` tagged as places; unresolved ones are
    /// left out.
    fn entries_found<'g>(
        g: &'g Gazetteer,
        text: &str,
        places: &[&str],
    ) -> Vec<(String, &'g PlaceEntry)> {
        let spans: Vec<TaggedSpan> = places
            .iter()
            .map(|place| span(SpanKind::Place, text, place))
            .collect();
        geoparse(g, text, &spans)
            .into_iter()
            .filter_map(|m| Some((m.text, g.entry(m.entry?))))
            .collect()
    }

    fn resolved_kind(g: &Gazetteer, text: &str, places: &[&str], name: &str) -> Option<PlaceKind> {
        entries_found(g, text, places)
            .into_iter()
            .find(|(text, _)| text == name)
            .map(|(_, entry)| entry.kind)
    }

    fn states_found<'g>(g: &'g Gazetteer, text: &str, places: &[&str]) -> Vec<&'g str> {
        entries_found(g, text, places)
            .into_iter()
            .map(|(_, entry)| entry.admin1.as_str())
            .collect()
    }

    #[test]
    fn without_a_cue_washington_is_the_capital() {
        let g = gazetteer();
        let text = "Officials in Washington said so.";
        let kind = resolved_kind(&g, text, &["Washington"], "Washington");
        assert_eq!(kind, Some(PlaceKind::City));
    }

    #[test]
    fn a_place_called_a_state_is_the_state_not_the_same_named_capital() {
        let g = gazetteer();
        for text in [
            "A cow from a Washington state farm tested positive.",
            "It was found in the state of Washington last year.",
        ] {
            let kind = resolved_kind(&g, text, &["Washington"], "Washington");
            assert_eq!(kind, Some(PlaceKind::State), "{text}");
        }
    }

    #[test]
    fn state_media_of_a_country_still_names_the_country() {
        let g = gazetteer();
        let text = "Kuwait state media reported it.";
        let kind = resolved_kind(&g, text, &["Kuwait"], "Kuwait");
        assert_eq!(kind, Some(PlaceKind::Country));
    }

    #[test]
    fn an_item_of_a_list_of_states_is_a_state() {
        let g = gazetteer();
        let text = "Cases were found in Utah, Washington and Wisconsin.";
        let kind = resolved_kind(&g, text, &["Utah", "Washington", "Wisconsin"], "Washington");
        assert_eq!(kind, Some(PlaceKind::State));
    }

    #[test]
    fn two_items_that_could_be_towns_do_not_keep_each_other_from_a_list_of_states() {
        let g = gazetteer();
        // Washington could be the capital and Wyoming a town in Michigan; each alone is not
        // enough to make the list anything but states.
        let text = "Cases in Michigan, Utah, Wisconsin, Washington and Wyoming.";
        let spans = ["Michigan", "Utah", "Wisconsin", "Washington", "Wyoming"];
        for name in ["Washington", "Wyoming"] {
            let kind = resolved_kind(&g, text, &spans, name);
            assert_eq!(kind, Some(PlaceKind::State), "{name}");
        }
    }

    #[test]
    fn a_town_and_its_state_are_no_list() {
        let g = gazetteer();
        let text = "Flights from Madison, Wisconsin, and Washington resumed.";
        let spans = ["Madison", "Wisconsin", "Washington"];
        let kind = resolved_kind(&g, text, &spans, "Washington");
        assert_eq!(kind, Some(PlaceKind::City));
    }

    fn texts(found: &[PlaceMention]) -> Vec<&str> {
        found.iter().map(|m| m.text.as_str()).collect()
    }

    #[test]
    fn a_name_with_lower_case_words_inside_is_one_place_over_the_taggers_pieces() {
        let g = gazetteer();
        let text = "Cases rose in the Democratic Republic of the Congo last week.";
        let spans = [
            span(SpanKind::Place, text, "Democratic Republic of the"),
            span(SpanKind::Place, text, "Congo"),
        ];
        let found = geoparse(&g, text, &spans);
        assert_eq!(texts(&found), ["Democratic Republic of the Congo"]);
        assert_eq!(
            found[0].entry.map(|id| g.entry(id).country.as_str()),
            Some("CD")
        );
    }

    #[test]
    fn a_name_wrapped_onto_the_next_line_is_one_place() {
        let g = gazetteer();
        let text = "Exports from South\nAfrica rose, but South\n\nAfrica is two paragraphs.";
        // The tagger's piece: the first "Africa", after the line break.
        let found = geoparse(&g, text, &[span(SpanKind::Place, text, "Africa")]);
        assert_eq!(texts(&found)[0], "South\nAfrica");
        assert_eq!(
            found[0].entry.map(|id| g.entry(id).country.as_str()),
            Some("ZA")
        );
        assert!(!texts(&found).contains(&"South\n\nAfrica"), "{found:?}");
    }

    #[test]
    fn a_seat_of_power_is_an_institution_not_a_place() {
        let mut casablanca = place(
            PlaceKind::City,
            "Casablanca",
            "MA",
            "",
            3_600_000,
            33.6,
            -7.6,
        );
        casablanca.alternates = vec!["White House".into()];
        let g = Gazetteer::from_entries(vec![casablanca]);
        let text = "The White House said Casablanca and the\nKremlin agreed.";
        let spans = [
            span(SpanKind::Place, text, "The White House"),
            span(SpanKind::Place, text, "Casablanca"),
            span(SpanKind::Place, text, "Kremlin"),
        ];
        assert_eq!(texts(&geoparse(&g, text, &spans)), ["Casablanca"]);
        assert!(is_seat_of_power("the\nKremlin"));
        assert!(!is_seat_of_power("Casablanca"));
    }

    #[test]
    fn a_demonym_that_starts_a_wrapped_name_is_not_counted_alone() {
        let g = gazetteer();
        let text = "Wheat for the Soviet\nUnion, and Soviet grain imports.";
        // The tagger reads the first line's "Soviet" as a nationality, so no place span.
        let found = geoparse(&g, text, &[span(SpanKind::Other, text, "Soviet")]);
        assert_eq!(texts(&found), ["Soviet\nUnion", "Soviet"]);
        assert!(found.iter().all(|m| m.entry.is_some()), "{found:?}");
    }

    #[test]
    fn a_name_inside_an_organisations_name_of_several_words_is_found() {
        let g = gazetteer();
        let text = "the Ministry of Health of the Democratic Republic of the Congo said";
        let spans = [span(
            SpanKind::Organisation,
            text,
            "Ministry of Health of the Democratic Republic of the Congo",
        )];
        let found = geoparse(&g, text, &spans);
        assert_eq!(texts(&found), ["Democratic Republic of the Congo"]);
    }

    #[test]
    fn a_countrys_agencies_embassy_and_army_mention_the_country() {
        let g = gazetteer();
        let text = "The U.S. Centers for Disease Control, the U.S. Embassy and the U.S. Army.";
        let spans = [
            span(
                SpanKind::Organisation,
                text,
                "U.S. Centers for Disease Control",
            ),
            span(SpanKind::Organisation, text, "U.S. Embassy"),
            span(SpanKind::Organisation, text, "U.S. Army"),
        ];
        let found = geoparse(&g, text, &spans);
        assert_eq!(texts(&found), ["U.S.", "U.S.", "U.S."]);
    }

    #[test]
    fn a_named_region_taken_for_a_person_is_a_place() {
        let g = gazetteer();
        let text = "Flights to Darfur are not as regular as before.";
        let found = geoparse(&g, text, &[span(SpanKind::Person, text, "Darfur")]);
        assert_eq!(
            found
                .first()
                .and_then(|m| m.entry)
                .map(|id| g.entry(id).name.as_str()),
            Some("Darfur")
        );
    }

    #[test]
    fn a_divisions_initials_without_stops_need_the_text_to_place_its_country() {
        let g = gazetteer();
        let text = "Horses in NSW were infected, officials in Australia said.";
        let spans = [
            span(SpanKind::Organisation, text, "NSW"),
            span(SpanKind::Place, text, "Australia"),
        ];
        let found = geoparse(&g, text, &spans);
        assert_eq!(texts(&found), ["NSW", "Australia"]);
        assert_eq!(
            found[0].entry.map(|id| g.entry(id).name.as_str()),
            Some("New South Wales")
        );

        let text = "Applied Circuit Technology Inc (ACT) agreed to merge.";
        let spans = [
            span(
                SpanKind::Organisation,
                text,
                "Applied Circuit Technology Inc",
            ),
            span(SpanKind::Organisation, text, "ACT"),
        ];
        assert!(geoparse(&g, text, &spans).is_empty());
    }

    #[test]
    fn an_abbreviation_with_stops_is_found_only_as_written() {
        let g = gazetteer();
        let text = "Wheat from N.S.W. rose under the Canada Deposit Insurance Act.";
        let found = geoparse(&g, text, &[]);
        assert_eq!(texts(&found), ["N.S.W."]);
    }

    #[test]
    fn a_headlines_word_in_capitals_is_no_abbreviation() {
        let g = gazetteer();
        let text = "CERTS MORE COSTLY THAN CASH IN IRAQ";
        let found = geoparse(&g, text, &[]);
        assert_eq!(texts(&found), ["IRAQ"]);
    }

    #[test]
    fn distances_are_great_circle_kilometres() {
        // Baghdad to Tehran is about 690 km.
        let km = distance_km(33.34, 44.40, 35.69, 51.39);
        assert!((680.0..700.0).contains(&km), "{km}");
    }
}
