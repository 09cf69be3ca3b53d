//! The map: one inline SVG of the world (outlines compiled into the page, see `basemap.rs`)
//! with a marker per place of the current results, linked both ways with the page — results
//! and filters change the markers, a marker toggles its place as a filter.
//!
//! The geometry (view, clusters, labels) is `dossier_geo`'s; this file draws it, and
//! `gestures.rs` turns input into views. Outlines are built into path data once and placed by
//! a single transform; markers are placed in screen pixels from the projected origin, in a
//! group whose translation is the pan, because clustering depends on the scale alone.

mod gestures;

use std::collections::HashSet;
use std::rc::Rc;

use dossier_core::link::MapView;
use dossier_core::{DocId, FacetKind, Filter, SearchResults};
use dossier_geo::basemap::OutlineKind;
use dossier_geo::labels::{place_labels, text_width, Circle, LabelBox};
use dossier_geo::markers::{cluster, unclustered, Cluster, MapPlace};
use dossier_geo::outline_path::PATH_UNITS;
use dossier_geo::project;
use dossier_geo::projection::unproject;
use dossier_geo::viewport::{Padding, ScreenPoint, Viewport};
use web_sys::{KeyboardEvent, MouseEvent, PointerEvent};
use yew::prelude::*;

use gestures::{Motion, MotionHandle, OVERSCAN, STEP_ZOOM};

use super::places_table::PlacesTable;
use super::result_count::documents_label;
use crate::basemap;
use crate::corpus;

/// Pixels kept clear around the places when the view fits them: room for the largest marker.
const FIT_PADDING: f64 = 36.0;
/// Label font size in CSS pixels (matches `.map-label` in style.css).
const LABEL_FONT: f64 = 12.0;
/// At most this many markers are offered a label, the most mentioned first.
const LABEL_CANDIDATES: usize = 60;
/// Clusters this big or bigger show their sum inside the circle.
const COUNT_TEXT_RADIUS: f64 = 9.0;
/// The corner the zoom and reset buttons take (top right, in CSS pixels; see `.map-controls`
/// in style.css): no label is placed under them.
const CONTROLS_SIZE: (f64, f64) = (44.0, 116.0);
/// A cluster's accessible name lists up to this many of its places.
const NAMED_MEMBERS: usize = 12;
/// Above this zoom only the outlines reaching the drawn area are drawn (see `drawn_area`).
const CULL_FROM_ZOOM: f64 = 4.0;
/// The size assumed before the map has been measured.
const INITIAL_SIZE: (f64, f64) = (480.0, 300.0);

#[derive(Properties, PartialEq)]
pub struct MapProps {
    /// The current results, whose place counts the markers show.
    pub results: Rc<SearchResults>,
    pub filters: Rc<Vec<Filter>>,
    /// A result the reader points at or focuses: its places are highlighted.
    pub highlighted: Option<DocId>,
    /// (kind, value, negated): toggles that selection, as the facet panel does.
    pub on_toggle: Callback<(FacetKind, String, bool)>,
    /// The region's accessible name: the reading view's map of one document's places has its
    /// own, so that the page's two maps can be told apart.
    #[prop_or(AttrValue::Static("Map"))]
    pub label: AttrValue,
    /// The view the page's link names; `None` fits the results.
    #[prop_or_default]
    pub view: Option<MapView>,
    /// Told where the reader has taken the map once it is drawn there (`None` when it fits
    /// the results again), for the page's link; a map without it keeps its view to itself.
    #[prop_or_default]
    pub on_view: Option<Callback<Option<MapView>>>,
}

#[function_component(Map)]
pub fn map(props: &MapProps) -> Html {
    let motion = use_mut_ref(|| Motion::new(INITIAL_SIZE.0, INITIAL_SIZE.1));
    let handle = MotionHandle {
        motion: motion.clone(),
        rerender: use_force_update(),
        frame: use_node_ref(),
        svg: use_node_ref(),
    };
    let hovered = use_state(|| None::<u32>);

    let places: Rc<Vec<MapPlace>> = use_memo(props.results.clone(), |results| map_places(results));
    // A view the link names is shown as it says, and results no longer refit it; a link
    // that names none (back to such a state) fits them again. New results refit the view,
    // unless the reader has moved it. This render draws the view, so any gesture's preview
    // transform ends with it.
    let view = {
        let mut motion = motion.borrow_mut();
        let (width, height) = (motion.view.width, motion.view.height);
        let changed = props.view != motion.link_prop;
        motion.link_prop = props.view;
        match props.view {
            // A link's view, unless it is the one this map reported (and shows); or the
            // link's view again on a resized screen.
            Some(linked)
                if (changed && motion.linked.is_none_or(|(shown, ..)| shown != linked))
                    || motion.linked.is_some_and(|(shown, w, h)| {
                        shown == linked && (w, h) != (width, height)
                    }) =>
            {
                let center = project(linked.lat, linked.lon);
                motion.view = Viewport::looking_at(width, height, center, linked.zoom);
                motion.moved = true;
                motion.linked = Some((linked, width, height));
            }
            None if changed => {
                motion.linked = None;
                motion.moved = false;
                motion.fitted = None;
            }
            _ => {}
        }
        if !motion
            .fitted
            .as_ref()
            .is_some_and(|f| Rc::ptr_eq(f, &places))
        {
            motion.fitted = Some(places.clone());
            if !motion.moved {
                motion.fit(&places);
            }
        }
        motion.shown = motion.view;
        motion.view
    };
    {
        let handle = handle.clone();
        use_effect(move || handle.clear_preview());
    }
    {
        let (motion, on_view, linked) = (motion.clone(), props.on_view.clone(), props.view);
        use_effect(move || {
            if let Some(on_view) = on_view {
                if let Some(report) = view_to_report(&mut motion.borrow_mut(), linked) {
                    on_view.emit(report);
                }
            }
        });
    }
    gestures::use_size_observer(&handle);
    gestures::use_wheel_zoom(&handle);

    let clusters: Rc<Vec<Cluster>> = use_memo(
        (places.clone(), view.scale, view.at_max_zoom()),
        |(places, scale, deepest)| {
            if *deepest {
                unclustered(places)
            } else {
                cluster(places, *scale)
            }
        },
    );
    let highlighted_places: Rc<HashSet<u32>> = use_memo(props.highlighted, |doc| {
        doc.map(places_of_document).unwrap_or_default()
    });
    let selected: HashSet<&str> = props
        .filters
        .iter()
        .filter(|f| f.kind == FacetKind::Place && !f.negated)
        .map(|f| f.value.as_str())
        .collect();

    // Markers in the markers group are placed relative to the projected origin; the group's
    // translation is the pan. Those in the overscan are drawn too, for a pan to reveal.
    let (k, tx, ty) = view.path_transform(PATH_UNITS);
    let (ox, oy) = (view.width * OVERSCAN, view.height * OVERSCAN);
    let offset = |c: &Cluster| (c.at.x * view.scale, -c.at.y * view.scale);
    let visible: Vec<&Cluster> = clusters
        .iter()
        .filter(|c| {
            let (x, y) = offset(c);
            let (x, y) = (x + tx, y + ty);
            let (reach_x, reach_y) = (ox + c.radius, oy + c.radius);
            x > -reach_x && y > -reach_y && x < view.width + reach_x && y < view.height + reach_y
        })
        .collect();

    // In a fixed order, not by count: when counts change, reordering would move elements,
    // and a moved element loses the keyboard focus. Clusters never overlap, so the order
    // draws nothing over anything else (but at the deepest zoom, which does not cluster).
    let mut drawn = visible.clone();
    drawn.sort_by_key(|c| c.members[0]);
    let markers = drawn.iter().map(|c| {
        let (x, y) = offset(c);
        marker(
            c,
            (x, y),
            &selected,
            &highlighted_places,
            &handle,
            &props.on_toggle,
            &hovered,
        )
    });
    let labels = labels(&visible, &view, (tx, ty))
        .into_iter()
        .map(|(text, x, y)| {
            html! { <text class="map-label" x={fmt(x)} y={fmt(y)}>{ text }</text> }
        });
    let tooltip = (*hovered)
        .and_then(|id| visible.iter().find(|c| c.members[0] == id))
        .map(|c| {
            let (x, y) = offset(c);
            tooltip(c, (x + tx, y + ty), &view)
        });

    let paths = basemap::paths();
    // Zoomed in, only the outlines that reach the drawn area are drawn: rasterising the whole
    // world's outlines hundreds of times enlarged took seconds a frame.
    let drawn_area = (view.zoom() > CULL_FROM_ZOOM).then(|| {
        let corner = |x: f64, y: f64| view.to_projected(ScreenPoint { x, y });
        let (top_left, bottom_right) =
            (corner(-ox, -oy), corner(view.width + ox, view.height + oy));
        [top_left.x, bottom_right.y, bottom_right.x, top_left.y]
    });
    let land = outline_layer(OutlineKind::Country, "land", &paths.countries, drawn_area);
    let states = outline_layer(OutlineKind::State, "states", &paths.states, drawn_area);
    let shading = area_shading(&places, drawn_area);
    let world_label = "World map: drag or use the arrow keys to move, + and − to zoom";
    html! {
        <section class="map-panel" aria-label={props.label.clone()}>
            <div class="map-frame" ref={handle.frame.clone()}>
                <svg
                    class="map"
                    ref={handle.svg.clone()}
                    tabindex="0"
                    role="group"
                    aria-label={world_label}
                    onpointerdown={gestures::on_pointer_down(&handle)}
                    onpointermove={gestures::on_pointer_move(&handle)}
                    onpointerup={gestures::on_pointer_up(&handle)}
                    onpointercancel={gestures::on_pointer_up(&handle)}
                    ondblclick={gestures::on_double_click(&handle)}
                    onkeydown={gestures::on_key(&handle, &places)}
                >
                  // The drawing reaches OVERSCAN beyond the visible box on every side.
                  <g transform={format!("translate({} {})", fmt(ox), fmt(oy))}>
                    <g class="basemap" transform={format!("matrix({} 0 0 {} {} {})", k, k, fmt(tx), fmt(ty))}>
                        <path class="sea" d={AttrValue::Static(paths.sea.as_str())} />
                        { land }
                        { for shading }
                        { states }
                    </g>
                    <g class="markers" transform={format!("translate({} {})", fmt(tx), fmt(ty))}>
                        { for markers }
                    </g>
                    <g class="labels" aria-hidden="true">{ for labels }</g>
                    { tooltip.unwrap_or_default() }
                  </g>
                </svg>
                <div class="map-controls">
                    <button type="button" aria-label="Zoom in" title="Zoom in"
                        onclick={gestures::zoom_button(&handle, STEP_ZOOM)}>{ "+" }</button>
                    <button type="button" aria-label="Zoom out" title="Zoom out"
                        onclick={gestures::zoom_button(&handle, 1.0 / STEP_ZOOM)}>{ "−" }</button>
                    <button type="button" aria-label="Reset view" title="Reset view"
                        onclick={gestures::reset_button(&handle, &places)}>{ "⟲" }</button>
                </div>
            </div>
            <PlacesTable places={places.clone()} />
        </section>
    }
}

/// The places of the current results that have a location, as the map draws them.
fn map_places(results: &SearchResults) -> Vec<MapPlace> {
    let Ok(bundle) = corpus::bundle() else {
        return Vec::new();
    };
    let values = bundle.facets();
    results
        .facets
        .get(&FacetKind::Place)
        .into_iter()
        .flatten()
        .filter(|c| c.count > 0)
        .filter_map(|c| {
            let location = values.get(c.value as usize)?.location.as_ref()?;
            Some(MapPlace {
                id: c.value,
                at: project(f64::from(location.lat), f64::from(location.lon)),
                count: c.count,
            })
        })
        .collect()
}

/// The place values (facet value indexes) that document `doc` carries.
fn places_of_document(doc: DocId) -> HashSet<u32> {
    let Ok(bundle) = corpus::bundle() else {
        return HashSet::new();
    };
    bundle
        .facets()
        .iter()
        .enumerate()
        .filter(|(_, v)| v.kind == FacetKind::Place && v.location.is_some())
        .filter(|(_, v)| v.docs.binary_search(&doc).is_ok())
        .map(|(i, _)| i as u32)
        .collect()
}

/// The name of place value `id`, borrowed from the bundle compiled into the page.
pub fn place_name(id: u32) -> &'static str {
    corpus::bundle()
        .ok()
        .and_then(|bundle| bundle.facets().get(id as usize))
        .map_or("", |value| value.name.as_str())
}

/// What the page's link should now say about the view, if it should change: where the reader
/// has moved the map (as a link writes it), or `None` once the map fits the results again.
/// Records the reported view as shown, so that it comes back from the link as no change.
fn view_to_report(motion: &mut Motion, linked: Option<MapView>) -> Option<Option<MapView>> {
    if !motion.measured {
        return None;
    }
    if !motion.moved {
        motion.linked = None;
        return linked.is_some().then_some(None);
    }
    let (lat, lon) = unproject(motion.view.center);
    let now = MapView {
        lat,
        lon,
        zoom: motion.view.zoom(),
    }
    .as_written();
    motion.linked = Some((now, motion.view.width, motion.view.height));
    (linked != Some(now)).then_some(Some(now))
}

/// The accessible name of a marker: "PLACE: N documents" for one place; the places, and
/// what a click does, for a cluster.
fn marker_name(c: &Cluster) -> String {
    match c.members.as_slice() {
        [one] => format!(
            "{}: {}",
            place_name(*one),
            documents_label(c.count as usize)
        ),
        // The count drawn in the circle (each place counted once per result naming it) is
        // part of the name, so that a speech-input user can say what they see (WCAG 2.5.3,
        // axe's label-content-name-mismatch, which ignores parenthesised text).
        members => format!(
            "{} places, {} mentions, {}: zoom in",
            members.len(),
            c.count,
            first_names(members, NAMED_MEMBERS)
        ),
    }
}

/// "A, B, C and 4 more".
fn first_names(members: &[u32], shown: usize) -> String {
    let names: Vec<&str> = members
        .iter()
        .take(shown)
        .map(|&id| place_name(id))
        .collect();
    let rest = members.len().saturating_sub(shown);
    if rest > 0 {
        format!("{} and {rest} more", names.join(", "))
    } else {
        names.join(", ")
    }
}

fn marker(
    c: &Cluster,
    (x, y): (f64, f64),
    selected: &HashSet<&str>,
    highlighted: &HashSet<u32>,
    handle: &MotionHandle,
    on_toggle: &Callback<(FacetKind, String, bool)>,
    hovered: &UseStateHandle<Option<u32>>,
) -> Html {
    let is_cluster = c.members.len() > 1;
    let is_selected = c
        .members
        .iter()
        .any(|&id| selected.contains(place_name(id)));
    let is_highlighted = c.members.iter().any(|id| highlighted.contains(id));
    let activate = {
        let (handle, on_toggle) = (handle.clone(), on_toggle.clone());
        let members = c.members.clone();
        move || {
            if let [one] = members.as_slice() {
                on_toggle.emit((FacetKind::Place, place_name(*one).to_owned(), false));
            } else {
                // A cluster opens up: fit its members, which then stand apart.
                handle.move_view(|view| {
                    let points: Vec<_> = members_points(&members);
                    Viewport::fit(
                        view.width,
                        view.height,
                        &points,
                        fit_padding(),
                        f64::INFINITY,
                    )
                });
            }
        }
    };
    let onclick = {
        let (activate, handle) = (activate.clone(), handle.clone());
        Callback::from(move |_: MouseEvent| {
            if !handle.motion.borrow().was_drag() {
                activate();
            }
        })
    };
    let onkeydown = Callback::from(move |event: KeyboardEvent| {
        if event.key() == "Enter" || event.key() == " " {
            event.prevent_default();
            event.stop_propagation();
            activate();
        }
    });
    let id = c.members[0];
    html! {
        <g
            key={id}
            class={classes!(
                "marker",
                is_cluster.then_some("cluster"),
                is_selected.then_some("selected"),
                is_highlighted.then_some("highlighted"),
            )}
            transform={format!("translate({} {})", fmt(x), fmt(y))}
            role="button"
            tabindex="0"
            aria-label={marker_name(c)}
            aria-pressed={(!is_cluster).then(|| is_selected.to_string())}
            {onclick}
            {onkeydown}
            onpointerenter={set_hovered::<PointerEvent>(hovered, handle, Some(id))}
            onpointerleave={set_hovered::<PointerEvent>(hovered, handle, None)}
            onfocus={set_hovered::<FocusEvent>(hovered, handle, Some(id))}
            onblur={set_hovered::<FocusEvent>(hovered, handle, None)}
        >
            <circle r={fmt(c.radius)} />
            if is_cluster && c.radius >= COUNT_TEXT_RADIUS {
                <text class="marker-count" dy="0.35em" aria-hidden="true">{ c.count }</text>
            }
        </g>
    }
}

/// Shows the tooltip of marker `id`, or hides it; not while the map is dragged, when a
/// tooltip would cost a redraw mid-gesture.
fn set_hovered<E: 'static>(
    hovered: &UseStateHandle<Option<u32>>,
    handle: &MotionHandle,
    id: Option<u32>,
) -> Callback<E> {
    let (hovered, handle) = (hovered.clone(), handle.clone());
    Callback::from(move |_: E| {
        if !handle.motion.borrow().dragging() {
            hovered.set(id);
        }
    })
}

/// Room for the largest marker at every edge, and for the buttons on the right.
pub fn fit_padding() -> Padding {
    Padding {
        right: FIT_PADDING + CONTROLS_SIZE.0,
        ..Padding::all(FIT_PADDING)
    }
}

/// Where the members of a cluster are.
fn members_points(members: &[u32]) -> Vec<dossier_geo::Point> {
    let Ok(bundle) = corpus::bundle() else {
        return Vec::new();
    };
    members
        .iter()
        .filter_map(|&id| bundle.facets().get(id as usize)?.location.as_ref())
        .map(|l| project(f64::from(l.lat), f64::from(l.lon)))
        .collect()
}

/// Labels for the larger visible markers: (text, x, baseline y) on the screen.
fn labels(visible: &[&Cluster], view: &Viewport, (tx, ty): (f64, f64)) -> Vec<(String, f64, f64)> {
    let circles: Vec<Circle> = visible
        .iter()
        .map(|c| Circle {
            center: ScreenPoint {
                x: c.at.x * view.scale + tx,
                y: -c.at.y * view.scale + ty,
            },
            radius: c.radius,
        })
        .collect();
    let texts: Vec<String> = visible
        .iter()
        .take(LABEL_CANDIDATES)
        .map(|c| match c.members.as_slice() {
            [one] => place_name(*one).to_owned(),
            members => format!("{} +{}", place_name(members[0]), members.len() - 1),
        })
        .collect();
    let wanted: Vec<(usize, f64)> = texts
        .iter()
        .enumerate()
        .map(|(i, text)| (i, text_width(text, LABEL_FONT)))
        .collect();
    // Roughly one label per 100 × 100 px, so that a phone's map is not all words.
    let limit = ((view.width * view.height) / 10_000.0).clamp(3.0, 30.0) as usize;
    let controls = LabelBox {
        left: view.width - CONTROLS_SIZE.0,
        top: 0.0,
        width: CONTROLS_SIZE.0,
        height: CONTROLS_SIZE.1,
    };
    let screen = (view.width, view.height);
    place_labels(&circles, &wanted, LABEL_FONT, screen, &[controls], limit)
        .into_iter()
        .map(|(i, spot)| (texts[i].clone(), spot.left, spot.top + spot.height * 0.78))
        .collect()
}

/// The tooltip of the marker under the pointer or focused: its place and count, or a
/// cluster's places. Decorative: the marker's own name says the same.
fn tooltip(c: &Cluster, (x, y): (f64, f64), view: &Viewport) -> Html {
    let (title, detail) = match c.members.as_slice() {
        [one] => (
            place_name(*one).to_owned(),
            documents_label(c.count as usize),
        ),
        members => (
            first_names(members, 3),
            format!("{} places · click to zoom in", members.len()),
        ),
    };
    let width = text_width(&title, 13.0).max(text_width(&detail, 12.0)) + 16.0;
    let height = 42.0;
    let left = (x - width / 2.0).clamp(4.0, (view.width - width - 4.0).max(4.0));
    let above = y - c.radius - 8.0 - height;
    let top = if above >= 4.0 {
        above
    } else {
        y + c.radius + 8.0
    };
    html! {
        <g class="map-tooltip" aria-hidden="true" transform={format!("translate({} {})", fmt(left), fmt(top))}>
            <rect width={fmt(width)} height={fmt(height)} rx="6" />
            <text class="tooltip-title" x="8" y="17">{ title }</text>
            <text class="tooltip-detail" x="8" y="34">{ detail }</text>
        </g>
    }
}

/// One layer of outlines: the whole layer's path, or, zoomed in, one path per outline that
/// meets `drawn_area`.
fn outline_layer(
    kind: OutlineKind,
    class: &'static str,
    whole: &'static str,
    drawn_area: Option<[f64; 4]>,
) -> Html {
    let paths = basemap::paths();
    let Some(area) = drawn_area else {
        return html! { <path {class} d={AttrValue::Static(whole)} /> };
    };
    paths
        .outlines_meeting(kind, area)
        .into_iter()
        .filter_map(|i| paths.outlines.get(i))
        .map(|(code, d)| {
            html! { <path key={code.as_str()} {class} d={AttrValue::Static(d.as_str())} /> }
        })
        .collect()
}

/// Country and state outlines of the results' places, shaded by how many results mention
/// them.
fn area_shading(places: &[MapPlace], drawn_area: Option<[f64; 4]>) -> Vec<Html> {
    let Ok(bundle) = corpus::bundle() else {
        return Vec::new();
    };
    let areas = basemap::area_outlines(bundle.facets());
    let outlines = &basemap::paths().outlines;
    let shaded: Vec<(&MapPlace, usize)> = places
        .iter()
        .filter_map(|p| Some((p, *areas.get(&p.id)?)))
        .collect();
    let most = shaded
        .iter()
        .map(|(p, _)| p.count)
        .max()
        .unwrap_or(1)
        .max(1);
    let boxes = &basemap::paths().boxes;
    let meets = |outline: usize| match (drawn_area, boxes.get(outline)) {
        (Some(area), Some(b)) => basemap::box_meets(*b, area),
        _ => true,
    };
    shaded
        .into_iter()
        .filter(|(_, outline)| meets(*outline))
        .filter_map(|(place, outline)| {
            let (_, d) = outlines.get(outline)?;
            let opacity = 0.12 + 0.38 * (f64::from(place.count) / f64::from(most)).sqrt();
            Some(html! {
                <path key={place.id} class="area" d={AttrValue::Static(d.as_str())} fill-opacity={format!("{opacity:.2}")} />
            })
        })
        .collect()
}

/// A coordinate for an SVG attribute: a tenth of a pixel is finer than anyone sees.
fn fmt(value: f64) -> String {
    format!("{value:.1}")
}
