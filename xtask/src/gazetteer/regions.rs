//! Named regions no package supplies ("the Middle East", "the Gulf", "the Sahel"), defined by
//! hand by their member countries; `data/geo/ATTRIBUTION.md` lists each one's source.

use std::collections::HashMap;

use anyhow::{bail, Result};
use dossier_geo::basemap::{Outline, OutlineKind};
use dossier_geo::projection::project;
use dossier_geo::{PlaceEntry, PlaceKind};

use super::inputs::Inputs;
use super::names::distinct;
use super::outlines::Basemap;

/// A named region as ATTRIBUTION.md lists it.
pub struct RegionRow {
    pub name: &'static str,
    pub members: Vec<String>,
    pub source: &'static str,
}

/// The regions' entries, each marker checked against the basemap (inside a member, or at sea
/// for a body of water), and their rows for ATTRIBUTION.md.
pub fn regions(
    inputs: &Inputs,
    basemap: &Basemap,
    countries: &[PlaceEntry],
) -> Result<(Vec<PlaceEntry>, Vec<RegionRow>)> {
    let population: HashMap<&str, u64> = countries
        .iter()
        .map(|country| (country.country.as_str(), country.population))
        .collect();
    let mut entries = Vec::new();
    let mut rows = Vec::new();
    for region in REGIONS {
        let members: Vec<String> = match &region.members {
            Members::Countries(codes) => codes.iter().map(|c| c.to_string()).collect(),
            Members::Continents(continents) => inputs
                .countries
                .values()
                .filter(|c| continents.contains(&c.continentcode.as_str()))
                .filter(|c| population.contains_key(c.iso.as_str()))
                .map(|c| c.iso.clone())
                .collect(),
            Members::PartOf(code) => vec![code.to_string()],
            Members::ContinentExcept(continent, except) => inputs
                .countries
                .values()
                .filter(|c| c.continentcode == *continent && !except.contains(&c.iso.as_str()))
                .filter(|c| population.contains_key(c.iso.as_str()))
                .map(|c| c.iso.clone())
                .collect(),
        };
        for code in &members {
            if !population.contains_key(code.as_str()) {
                bail!("region {}: no country {code}", region.name);
            }
        }
        let point = project(region.lat, region.lon);
        let inside = |outline: &Outline| {
            outline.kind == OutlineKind::Country && outline.contains(point.x as f32, point.y as f32)
        };
        let in_member = basemap
            .outlines
            .iter()
            .any(|o| inside(o) && members.contains(&o.code));
        let on_land = basemap.outlines.iter().any(inside);
        if region.at_sea && on_land {
            bail!(
                "region {}: its marker is meant to be at sea but is on land",
                region.name
            );
        }
        if !region.at_sea && !in_member {
            bail!(
                "region {}: its marker is not inside any member's outline",
                region.name
            );
        }
        let part_of = match region.members {
            Members::PartOf(code) => Some(code),
            _ => None,
        };
        entries.push(PlaceEntry {
            geonameid: None,
            kind: region.kind,
            name: region.name.to_string(),
            // A part of one country is in it, for coherence with the country's other places.
            country: part_of.unwrap_or_default().to_string(),
            admin1: String::new(),
            // A sea has no people; a region around water ("the Gulf", the Caribbean) has its
            // members', which is what lets it outrank a small province called Gulf. A part of
            // a country has no count of its own: its country's would overstate it.
            population: if region.kind == PlaceKind::Other || part_of.is_some() {
                0
            } else {
                members.iter().map(|c| population[c.as_str()]).sum()
            },
            lat: region.lat,
            lon: region.lon,
            alternates: distinct(
                region.alternates.iter().map(|a| a.to_string()),
                &[region.name],
            ),
            demonyms: region.demonyms.iter().map(|d| d.to_string()).collect(),
            capital: false,
        });
        rows.push(RegionRow {
            name: region.name,
            members,
            source: region.source,
        });
    }
    Ok((entries, rows))
}

/// Which countries a named region takes in.
pub enum Members {
    Countries(&'static [&'static str]),
    /// Every country of a GeoNames continent except these.
    ContinentExcept(&'static str, &'static [&'static str]),
    /// Every country of these GeoNames continents.
    Continents(&'static [&'static str]),
    /// A part of one country ("Darfur"), with no borders of its own on the map.
    PartOf(&'static str),
}

/// A named region that no package supplies.
pub struct Region {
    pub name: &'static str,
    pub alternates: &'static [&'static str],
    /// What its people are called ("South Ossetian"), counted toward it as a country's are.
    pub demonyms: &'static [&'static str],
    /// `Region` for land; `Other` for a sea or strait (the Persian Gulf stays a region: "the
    /// Gulf" names the states around it as often as the water).
    pub kind: PlaceKind,
    pub members: Members,
    /// Where its marker goes: inside one of its members' outlines, checked at build time,
    /// unless `at_sea`.
    pub lat: f64,
    pub lon: f64,
    pub at_sea: bool,
    /// Where the membership comes from.
    pub source: &'static str,
}

const MIDDLE_EAST: &[&str] = &[
    "AE", "BH", "CY", "EG", "IL", "IQ", "IR", "JO", "KW", "LB", "OM", "PS", "QA", "SA", "SY", "TR",
    "YE",
];
const GULF_STATES: &[&str] = &["AE", "BH", "KW", "OM", "QA", "SA"];
const CARIBBEAN: &[&str] = &[
    "AG", "AI", "AW", "BB", "BL", "BQ", "BS", "CU", "CW", "DM", "DO", "GD", "GP", "HT", "JM", "KN",
    "KY", "LC", "MF", "MQ", "MS", "PR", "SX", "TC", "TT", "VC", "VG", "VI",
];

pub const REGIONS: &[Region] = &[
    Region {
        name: "Middle East",
        alternates: &["Mideast"],
        kind: PlaceKind::Region,
        members: Members::Countries(MIDDLE_EAST),
        lat: 29.0,
        lon: 41.0,
        at_sea: false,
        demonyms: &[],
        source: "the countries Wikipedia's \"Middle East\" article lists",
    },
    Region {
        name: "Middle East and North Africa",
        alternates: &["MENA"],
        kind: PlaceKind::Region,
        members: Members::Countries(&[
            "AE", "BH", "DJ", "DZ", "EG", "IL", "IQ", "IR", "JO", "KW", "LB", "LY", "MA", "MT",
            "OM", "PS", "QA", "SA", "SY", "TN", "YE",
        ]),
        lat: 28.0,
        lon: 28.0,
        at_sea: false,
        demonyms: &[],
        source: "the World Bank's Middle East and North Africa region",
    },
    Region {
        name: "Persian Gulf",
        alternates: &["Gulf", "The Gulf", "Arabian Gulf"],
        kind: PlaceKind::Region,
        members: Members::Countries(&["AE", "BH", "IQ", "IR", "KW", "OM", "QA", "SA"]),
        lat: 26.5,
        lon: 52.0,
        at_sea: true,
        demonyms: &[],
        source: "the states on its shores (Wikipedia, \"Persian Gulf\")",
    },
    Region {
        name: "Gulf states",
        alternates: &["Gulf Arab states", "Arab Gulf states", "Gulf countries"],
        kind: PlaceKind::Region,
        members: Members::Countries(GULF_STATES),
        lat: 23.5,
        lon: 49.5,
        at_sea: false,
        demonyms: &[],
        source: "the members of the Gulf Cooperation Council",
    },
    Region {
        name: "Arabian Peninsula",
        alternates: &["Arabia"],
        kind: PlaceKind::Region,
        members: Members::Countries(&["AE", "BH", "KW", "OM", "QA", "SA", "YE"]),
        lat: 23.0,
        lon: 46.0,
        at_sea: false,
        demonyms: &[],
        source: "Wikipedia, \"Arabian Peninsula\"",
    },
    Region {
        name: "Levant",
        alternates: &["The Levant"],
        kind: PlaceKind::Region,
        members: Members::Countries(&["CY", "IL", "JO", "LB", "PS", "SY"]),
        lat: 34.0,
        lon: 37.0,
        at_sea: false,
        demonyms: &[],
        source: "the modern usage in Wikipedia's \"Levant\" article",
    },
    Region {
        name: "Kurdistan",
        alternates: &[],
        kind: PlaceKind::Region,
        members: Members::Countries(&["IQ", "IR", "SY", "TR"]),
        lat: 36.5,
        lon: 44.0,
        at_sea: false,
        demonyms: &[],
        source: "the four states Wikipedia's \"Kurdistan\" article spans; the marker is in \
                 Iraq's Kurdistan Region",
    },
    Region {
        name: "North Africa",
        alternates: &["Northern Africa"],
        kind: PlaceKind::Region,
        members: Members::Countries(&["DZ", "EG", "EH", "LY", "MA", "SD", "TN"]),
        lat: 26.0,
        lon: 15.0,
        at_sea: false,
        demonyms: &[],
        source: "the UN M49 region \"Northern Africa\"",
    },
    Region {
        name: "West Africa",
        alternates: &["Western Africa"],
        kind: PlaceKind::Region,
        members: Members::Countries(&[
            "BF", "BJ", "CI", "CV", "GH", "GM", "GN", "GW", "LR", "ML", "MR", "NE", "NG", "SL",
            "SN", "TG",
        ]),
        lat: 12.0,
        lon: -2.0,
        at_sea: false,
        demonyms: &[],
        source: "the UN M49 region \"Western Africa\" (Saint Helena left out)",
    },
    Region {
        name: "East Africa",
        alternates: &["Eastern Africa"],
        kind: PlaceKind::Region,
        members: Members::Countries(&[
            "BI", "DJ", "ER", "ET", "KE", "KM", "MG", "MU", "MW", "MZ", "RW", "SC", "SO", "SS",
            "TZ", "UG", "ZM", "ZW",
        ]),
        lat: -2.0,
        lon: 36.0,
        at_sea: false,
        demonyms: &[],
        source: "the UN M49 region \"Eastern Africa\" (its French overseas departments left out)",
    },
    Region {
        name: "Central Africa",
        alternates: &["Middle Africa"],
        kind: PlaceKind::Region,
        members: Members::Countries(&["AO", "CD", "CF", "CG", "CM", "GA", "GQ", "ST", "TD"]),
        lat: 4.0,
        lon: 20.0,
        at_sea: false,
        demonyms: &[],
        source: "the UN M49 region \"Middle Africa\"",
    },
    Region {
        name: "Southern Africa",
        alternates: &[],
        kind: PlaceKind::Region,
        members: Members::Countries(&["BW", "LS", "NA", "SZ", "ZA"]),
        lat: -24.0,
        lon: 24.0,
        at_sea: false,
        demonyms: &[],
        source: "the UN M49 region \"Southern Africa\"",
    },
    Region {
        name: "Maghreb",
        alternates: &["The Maghreb", "Greater Maghreb"],
        kind: PlaceKind::Region,
        members: Members::Countries(&["DZ", "EH", "LY", "MA", "MR", "TN"]),
        lat: 29.0,
        lon: 3.0,
        at_sea: false,
        demonyms: &[],
        source: "the Greater Maghreb of Wikipedia's \"Maghreb\" article",
    },
    Region {
        name: "Sahel",
        alternates: &["The Sahel"],
        kind: PlaceKind::Region,
        members: Members::Countries(&["BF", "ER", "GM", "ML", "MR", "NE", "NG", "SD", "SN", "TD"]),
        lat: 16.0,
        lon: 1.0,
        at_sea: false,
        demonyms: &[],
        source: "the countries the Sahel belt crosses in Wikipedia's \"Sahel\" article",
    },
    Region {
        name: "Horn of Africa",
        alternates: &[],
        kind: PlaceKind::Region,
        members: Members::Countries(&["DJ", "ER", "ET", "SO"]),
        lat: 8.0,
        lon: 42.0,
        at_sea: false,
        demonyms: &[],
        source: "Wikipedia, \"Horn of Africa\"",
    },
    Region {
        name: "Sub-Saharan Africa",
        alternates: &["Subsaharan Africa"],
        kind: PlaceKind::Region,
        members: Members::ContinentExcept("AF", &["DZ", "EG", "EH", "LY", "MA", "SD", "TN"]),
        lat: 0.0,
        lon: 22.0,
        at_sea: false,
        demonyms: &[],
        source: "the UN M49 region \"Sub-Saharan Africa\": GeoNames' Africa without Northern \
                 Africa",
    },
    Region {
        name: "Southeast Asia",
        alternates: &["South-East Asia", "South East Asia"],
        kind: PlaceKind::Region,
        members: Members::Countries(&[
            "BN", "ID", "KH", "LA", "MM", "MY", "PH", "SG", "TH", "TL", "VN",
        ]),
        lat: 12.5,
        lon: 104.5,
        at_sea: false,
        demonyms: &[],
        source: "the UN M49 region \"South-eastern Asia\"",
    },
    Region {
        name: "South Asia",
        alternates: &["Indian subcontinent"],
        kind: PlaceKind::Region,
        members: Members::Countries(&["AF", "BD", "BT", "IN", "LK", "MV", "NP", "PK"]),
        lat: 23.0,
        lon: 79.0,
        at_sea: false,
        demonyms: &[],
        source: "the members of SAARC (Wikipedia, \"South Asia\")",
    },
    Region {
        name: "East Asia",
        alternates: &[],
        kind: PlaceKind::Region,
        members: Members::Countries(&["CN", "HK", "JP", "KP", "KR", "MN", "MO", "TW"]),
        lat: 36.0,
        lon: 110.0,
        at_sea: false,
        demonyms: &[],
        source: "the UN M49 region \"Eastern Asia\"",
    },
    Region {
        name: "Central Asia",
        alternates: &[],
        kind: PlaceKind::Region,
        members: Members::Countries(&["KG", "KZ", "TJ", "TM", "UZ"]),
        lat: 42.0,
        lon: 64.0,
        at_sea: false,
        demonyms: &[],
        source: "the UN M49 region \"Central Asia\"",
    },
    Region {
        name: "Korean Peninsula",
        alternates: &["Korea"],
        kind: PlaceKind::Region,
        members: Members::Countries(&["KP", "KR"]),
        lat: 37.5,
        lon: 127.5,
        at_sea: false,
        demonyms: &[],
        source: "North and South Korea",
    },
    Region {
        name: "Caucasus",
        alternates: &["The Caucasus", "Caucasia"],
        kind: PlaceKind::Region,
        members: Members::Countries(&["AM", "AZ", "GE", "RU"]),
        lat: 42.0,
        lon: 44.5,
        at_sea: false,
        demonyms: &[],
        source: "Wikipedia, \"Caucasus\" (with Russia's North Caucasus)",
    },
    Region {
        name: "South Caucasus",
        alternates: &["Transcaucasia"],
        kind: PlaceKind::Region,
        members: Members::Countries(&["AM", "AZ", "GE"]),
        lat: 40.5,
        lon: 45.0,
        at_sea: false,
        demonyms: &[],
        source: "Wikipedia, \"South Caucasus\"",
    },
    Region {
        name: "Balkans",
        alternates: &["The Balkans", "Balkan Peninsula"],
        kind: PlaceKind::Region,
        members: Members::Countries(&[
            "AL", "BA", "BG", "GR", "HR", "ME", "MK", "RO", "RS", "SI", "XK",
        ]),
        lat: 43.5,
        lon: 21.0,
        at_sea: false,
        demonyms: &[],
        source: "the states wholly or partly on the peninsula in Wikipedia's \"Balkans\" \
                 article, Turkey and Italy left out",
    },
    Region {
        name: "Baltic states",
        alternates: &["Baltics", "The Baltics", "Baltic countries"],
        kind: PlaceKind::Region,
        members: Members::Countries(&["EE", "LT", "LV"]),
        lat: 57.0,
        lon: 25.0,
        at_sea: false,
        demonyms: &[],
        source: "Wikipedia, \"Baltic states\"",
    },
    Region {
        name: "Scandinavia",
        alternates: &[],
        kind: PlaceKind::Region,
        members: Members::Countries(&["DK", "NO", "SE"]),
        lat: 62.0,
        lon: 15.0,
        at_sea: false,
        demonyms: &[],
        source: "the three kingdoms of Wikipedia's \"Scandinavia\" article",
    },
    Region {
        name: "Nordic countries",
        alternates: &["Nordics", "Nordic region"],
        kind: PlaceKind::Region,
        members: Members::Countries(&["AX", "DK", "FI", "FO", "GL", "IS", "NO", "SE"]),
        lat: 63.0,
        lon: 16.0,
        at_sea: false,
        demonyms: &[],
        source: "the members of the Nordic Council with their autonomous territories",
    },
    Region {
        name: "Eastern Europe",
        alternates: &[],
        kind: PlaceKind::Region,
        members: Members::Countries(&["BG", "BY", "CZ", "HU", "MD", "PL", "RO", "RU", "SK", "UA"]),
        lat: 49.0,
        lon: 31.0,
        at_sea: false,
        demonyms: &[],
        source: "the UN M49 region \"Eastern Europe\"",
    },
    Region {
        name: "Western Europe",
        alternates: &[],
        kind: PlaceKind::Region,
        members: Members::Countries(&["AT", "BE", "CH", "DE", "FR", "LI", "LU", "MC", "NL"]),
        lat: 49.0,
        lon: 5.5,
        at_sea: false,
        demonyms: &[],
        source: "the UN M49 region \"Western Europe\"",
    },
    Region {
        name: "Iberian Peninsula",
        alternates: &["Iberia"],
        kind: PlaceKind::Region,
        members: Members::Countries(&["AD", "ES", "GI", "PT"]),
        lat: 40.0,
        lon: -4.0,
        at_sea: false,
        demonyms: &[],
        source: "Wikipedia, \"Iberian Peninsula\"",
    },
    Region {
        name: "Latin America",
        alternates: &[],
        kind: PlaceKind::Region,
        members: Members::Countries(&[
            "AR", "BO", "BR", "CL", "CO", "CR", "CU", "DO", "EC", "GT", "HN", "HT", "MX", "NI",
            "PA", "PE", "PY", "SV", "UY", "VE",
        ]),
        lat: -10.0,
        lon: -55.0,
        at_sea: false,
        demonyms: &["Latin American", "Latin Americans"],
        source: "the twenty sovereign states of Wikipedia's \"Latin America\" article",
    },
    Region {
        name: "Central America",
        alternates: &[],
        kind: PlaceKind::Region,
        members: Members::Countries(&["BZ", "CR", "GT", "HN", "NI", "PA", "SV"]),
        lat: 14.5,
        lon: -86.5,
        at_sea: false,
        demonyms: &[],
        source: "the UN M49 region \"Central America\" without Mexico, as English usage has it",
    },
    Region {
        name: "Americas",
        alternates: &["The Americas"],
        demonyms: &[],
        kind: PlaceKind::Region,
        members: Members::Continents(&["NA", "SA"]),
        lat: 19.0,
        lon: -96.0,
        at_sea: false,
        source: "GeoNames' North and South America; the marker at the coordinates of Wikipedia's \
                 \"Americas\" article",
    },
    Region {
        name: "Far East",
        alternates: &["The Far East"],
        kind: PlaceKind::Region,
        members: Members::Countries(&[
            "CN", "HK", "JP", "KP", "KR", "MN", "MO", "TW", "BN", "ID", "KH", "LA", "MM", "MY",
            "PH", "SG", "TH", "TL", "VN",
        ]),
        lat: 28.0,
        lon: 113.0,
        at_sea: false,
        demonyms: &[],
        source: "Wikipedia, \"Far East\": East and Southeast Asia (the Russian Far East, a part \
                 of Russia, left out); the marker in China, between the two",
    },
    Region {
        name: "New England",
        alternates: &[],
        demonyms: &["New Englander", "New Englanders"],
        kind: PlaceKind::Region,
        members: Members::PartOf("US"),
        lat: 43.9,
        lon: -71.6,
        at_sea: false,
        source: "Wikipedia, \"New England\": the six north-eastern US states; the marker in New \
                 Hampshire, near their middle",
    },
    Region {
        name: "Midwest",
        alternates: &["Middle West", "American Midwest"],
        demonyms: &["Midwesterner", "Midwesterners"],
        kind: PlaceKind::Region,
        members: Members::PartOf("US"),
        lat: 42.0,
        lon: -91.5,
        at_sea: false,
        source: "Wikipedia, \"Midwestern United States\": the Census Bureau's twelve states; the \
                 marker in eastern Iowa, near their middle",
    },
    Region {
        name: "Darfur",
        alternates: &[],
        demonyms: &[],
        kind: PlaceKind::Region,
        members: Members::PartOf("SD"),
        lat: 13.5,
        lon: 24.5,
        at_sea: false,
        source: "Wikipedia, \"Darfur\": the west of Sudan; the marker in the middle of its five \
                 states",
    },
    Region {
        name: "South Ossetia",
        alternates: &["S. Ossetia"],
        demonyms: &["South Ossetian", "South Ossetians"],
        kind: PlaceKind::Region,
        members: Members::PartOf("GE"),
        lat: 42.3,
        lon: 44.0,
        at_sea: false,
        source: "Wikipedia, \"South Ossetia\": a breakaway region of Georgia; the marker near its \
                 capital, Tskhinvali",
    },
    Region {
        name: "Abkhazia",
        alternates: &[],
        demonyms: &["Abkhaz", "Abkhazian", "Abkhazians"],
        kind: PlaceKind::Region,
        members: Members::PartOf("GE"),
        lat: 43.0,
        lon: 41.0,
        at_sea: false,
        source: "Wikipedia, \"Abkhazia\": a breakaway region of Georgia; the marker near its \
                 capital, Sukhumi",
    },
    Region {
        name: "Caribbean",
        alternates: &["The Caribbean", "West Indies"],
        kind: PlaceKind::Region,
        members: Members::Countries(CARIBBEAN),
        lat: 15.0,
        lon: -75.0,
        at_sea: true,
        demonyms: &[],
        source: "the sovereign states and dependencies of Wikipedia's \"Caribbean\" article",
    },
    Region {
        name: "Strait of Hormuz",
        alternates: &["Hormuz Strait"],
        kind: PlaceKind::Other,
        members: Members::Countries(&["IR", "OM"]),
        lat: 26.57,
        lon: 56.25,
        at_sea: true,
        demonyms: &[],
        source: "the two states on its shores",
    },
    Region {
        name: "Red Sea",
        alternates: &[],
        kind: PlaceKind::Other,
        members: Members::Countries(&["DJ", "EG", "ER", "IL", "JO", "SA", "SD", "YE"]),
        lat: 20.0,
        lon: 38.5,
        at_sea: true,
        demonyms: &[],
        source: "the states on its shores (Wikipedia, \"Red Sea\")",
    },
    Region {
        name: "Mediterranean",
        alternates: &["Mediterranean Sea", "The Mediterranean"],
        kind: PlaceKind::Other,
        members: Members::Countries(&[
            "AL", "BA", "CY", "DZ", "EG", "ES", "FR", "GR", "HR", "IL", "IT", "LB", "LY", "MA",
            "MC", "ME", "MT", "PS", "SI", "SY", "TN", "TR",
        ]),
        lat: 35.0,
        lon: 18.0,
        at_sea: true,
        demonyms: &[],
        source: "the states on its shores (Wikipedia, \"Mediterranean Sea\")",
    },
    Region {
        name: "Black Sea",
        alternates: &[],
        kind: PlaceKind::Other,
        members: Members::Countries(&["BG", "GE", "RO", "RU", "TR", "UA"]),
        lat: 43.0,
        lon: 34.0,
        at_sea: true,
        demonyms: &[],
        source: "the states on its shores (Wikipedia, \"Black Sea\")",
    },
    Region {
        name: "South China Sea",
        alternates: &[],
        kind: PlaceKind::Other,
        members: Members::Countries(&["BN", "CN", "ID", "MY", "PH", "TW", "VN"]),
        lat: 12.0,
        lon: 114.0,
        at_sea: true,
        demonyms: &[],
        source: "the states on its shores (Wikipedia, \"South China Sea\")",
    },
    Region {
        name: "Pacific Ocean",
        // Bare "the Pacific" is the ocean; after "the", the geoparser passes over small towns.
        alternates: &["Pacific"],
        kind: PlaceKind::Other,
        members: Members::Countries(&[]),
        lat: 0.0,
        lon: -160.0,
        at_sea: true,
        demonyms: &[],
        source:
            "its coordinates (Wikipedia, \"Pacific Ocean\"); an ocean is not listed by its shores",
    },
    Region {
        name: "Atlantic Ocean",
        // Bare "the Atlantic" is the ocean; after "the", the geoparser passes over small towns.
        alternates: &["Atlantic"],
        kind: PlaceKind::Other,
        members: Members::Countries(&[]),
        lat: 0.0,
        lon: -25.0,
        at_sea: true,
        demonyms: &[],
        source:
            "its coordinates (Wikipedia, \"Atlantic Ocean\"); an ocean is not listed by its shores",
    },
    Region {
        name: "Indian Ocean",
        alternates: &[],
        kind: PlaceKind::Other,
        members: Members::Countries(&[]),
        lat: -20.0,
        lon: 80.0,
        at_sea: true,
        demonyms: &[],
        source:
            "its coordinates (Wikipedia, \"Indian Ocean\"); an ocean is not listed by its shores",
    },
    Region {
        name: "Arctic Ocean",
        alternates: &[],
        kind: PlaceKind::Other,
        members: Members::Countries(&[]),
        lat: 88.0,
        lon: 0.0,
        at_sea: true,
        demonyms: &[],
        source:
            "its coordinates (Wikipedia, \"Arctic Ocean\"); an ocean is not listed by its shores",
    },
    Region {
        name: "Southern Ocean",
        alternates: &[],
        kind: PlaceKind::Other,
        members: Members::Countries(&[]),
        lat: -65.0,
        lon: 0.0,
        at_sea: true,
        demonyms: &[],
        source:
            "its coordinates (Wikipedia, \"Southern Ocean\"); an ocean is not listed by its shores",
    },
    Region {
        name: "Baltic Sea",
        alternates: &[],
        kind: PlaceKind::Other,
        members: Members::Countries(&["DE", "DK", "EE", "FI", "LT", "LV", "PL", "RU", "SE"]),
        lat: 58.0,
        lon: 20.0,
        at_sea: true,
        demonyms: &[],
        source: "the states on its shores (Wikipedia, \"Baltic Sea\")",
    },
    Region {
        name: "North Sea",
        alternates: &[],
        kind: PlaceKind::Other,
        members: Members::Countries(&["BE", "DE", "DK", "FR", "GB", "NL", "NO"]),
        lat: 56.0,
        lon: 3.0,
        at_sea: true,
        demonyms: &[],
        source: "the states on its shores (Wikipedia, \"North Sea\")",
    },
    Region {
        name: "Caspian Sea",
        alternates: &["Caspian"],
        kind: PlaceKind::Other,
        members: Members::Countries(&["AZ", "IR", "KZ", "RU", "TM"]),
        lat: 41.7,
        lon: 50.6,
        at_sea: true,
        demonyms: &[],
        source: "the states on its shores (Wikipedia, \"Caspian Sea\")",
    },
    Region {
        name: "Arabian Sea",
        alternates: &[],
        kind: PlaceKind::Other,
        members: Members::Countries(&["IN", "IR", "MV", "OM", "PK", "SO", "YE"]),
        lat: 14.0,
        lon: 65.0,
        at_sea: true,
        demonyms: &[],
        source: "the states on its shores (Wikipedia, \"Arabian Sea\")",
    },
    Region {
        name: "Gulf of Oman",
        alternates: &[],
        kind: PlaceKind::Other,
        members: Members::Countries(&["AE", "IR", "OM"]),
        lat: 24.5,
        lon: 58.5,
        at_sea: true,
        demonyms: &[],
        source: "the states on its shores (Wikipedia, \"Gulf of Oman\")",
    },
    Region {
        name: "Gulf of Aden",
        alternates: &[],
        kind: PlaceKind::Other,
        members: Members::Countries(&["DJ", "SO", "YE"]),
        lat: 12.5,
        lon: 48.0,
        at_sea: true,
        demonyms: &[],
        source: "the states on its shores (Wikipedia, \"Gulf of Aden\")",
    },
    Region {
        name: "Bay of Bengal",
        alternates: &[],
        kind: PlaceKind::Other,
        members: Members::Countries(&["BD", "IN", "LK", "MM"]),
        lat: 15.0,
        lon: 88.0,
        at_sea: true,
        demonyms: &[],
        source: "the states on its shores (Wikipedia, \"Bay of Bengal\")",
    },
    Region {
        name: "Gulf of Mexico",
        alternates: &[],
        kind: PlaceKind::Other,
        members: Members::Countries(&["CU", "MX", "US"]),
        lat: 25.0,
        lon: -90.0,
        at_sea: true,
        demonyms: &[],
        source: "the states on its shores (Wikipedia, \"Gulf of Mexico\")",
    },
    Region {
        name: "Caribbean Sea",
        alternates: &[],
        kind: PlaceKind::Other,
        members: Members::Countries(&["CO", "CU", "DO", "HT", "JM", "MX", "NI", "PA", "VE"]),
        lat: 15.0,
        lon: -75.0,
        at_sea: true,
        demonyms: &[],
        source: "the states on its shores (Wikipedia, \"Caribbean Sea\")",
    },
    Region {
        name: "Sea of Japan",
        alternates: &["East Sea"],
        kind: PlaceKind::Other,
        members: Members::Countries(&["JP", "KP", "KR", "RU"]),
        lat: 40.0,
        lon: 135.0,
        at_sea: true,
        demonyms: &[],
        source: "the states on its shores (Wikipedia, \"Sea of Japan\")",
    },
    Region {
        name: "East China Sea",
        alternates: &[],
        kind: PlaceKind::Other,
        members: Members::Countries(&["CN", "JP", "KR", "TW"]),
        lat: 30.0,
        lon: 125.0,
        at_sea: true,
        demonyms: &[],
        source: "the states on its shores (Wikipedia, \"East China Sea\")",
    },
    Region {
        name: "Aegean Sea",
        alternates: &["Aegean"],
        kind: PlaceKind::Other,
        members: Members::Countries(&["GR", "TR"]),
        lat: 38.5,
        lon: 25.3,
        at_sea: true,
        demonyms: &[],
        source: "the states on its shores (Wikipedia, \"Aegean Sea\")",
    },
    Region {
        name: "Adriatic Sea",
        alternates: &["Adriatic"],
        kind: PlaceKind::Other,
        members: Members::Countries(&["AL", "BA", "HR", "IT", "ME", "SI"]),
        lat: 43.0,
        lon: 15.0,
        at_sea: true,
        demonyms: &[],
        source: "the states on its shores (Wikipedia, \"Adriatic Sea\")",
    },
];
