//! Where a place facet value is: what the geoparser resolved it to, carried in the bundle so
//! that the map needs nothing else.
//!
//! The kinds live here rather than in `dossier-geo` because the bundle stores them.

use std::fmt;

/// What sort of place an entry is; it orders candidates (a country before a same-named city).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PlaceKind {
    Continent,
    Region,
    Country,
    State,
    County,
    City,
    Airport,
    Other,
}

impl PlaceKind {
    pub const ALL: [PlaceKind; 8] = [
        PlaceKind::Continent,
        PlaceKind::Region,
        PlaceKind::Country,
        PlaceKind::State,
        PlaceKind::County,
        PlaceKind::City,
        PlaceKind::Airport,
        PlaceKind::Other,
    ];

    /// The name used in the gazetteer file and in the CLI's JSON.
    pub fn name(self) -> &'static str {
        match self {
            PlaceKind::Continent => "continent",
            PlaceKind::Region => "region",
            PlaceKind::Country => "country",
            PlaceKind::State => "state",
            PlaceKind::County => "county",
            PlaceKind::City => "city",
            PlaceKind::Airport => "airport",
            PlaceKind::Other => "other",
        }
    }

    pub fn from_name(name: &str) -> Option<PlaceKind> {
        PlaceKind::ALL.into_iter().find(|kind| kind.name() == name)
    }

    /// A stable small integer for binary formats (the bundle's GEOS section).
    pub fn code(self) -> u8 {
        self as u8
    }

    pub fn from_code(code: u8) -> Option<PlaceKind> {
        PlaceKind::ALL.get(usize::from(code)).copied()
    }

    /// Places drawn as an area (their outline shaded) rather than only a point.
    pub fn is_area(self) -> bool {
        matches!(
            self,
            PlaceKind::Continent | PlaceKind::Region | PlaceKind::Country | PlaceKind::State
        )
    }
}

impl fmt::Display for PlaceKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The resolved position of a place value.
#[derive(Debug, Clone, PartialEq)]
pub struct Location {
    pub lat: f32,
    pub lon: f32,
    pub kind: PlaceKind,
    /// ISO 3166-1 alpha-2, empty for continents and regions.
    pub country: String,
    pub geonameid: Option<u32>,
}
