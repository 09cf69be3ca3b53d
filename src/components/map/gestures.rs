//! How the reader moves the map: drag, wheel, pinch, double-click, keys and buttons.
//!
//! Redrawing the map costs more than a frame on a large collection (thousands of markers and
//! the world's outlines, rasterised again), so a continuous gesture — a drag, wheel turns, a
//! pinch — does not redraw: it moves the last drawing with a CSS transform, which the browser
//! composites without painting, and the map is drawn at its new view once the gesture stops
//! (the pointer is released, or [`SETTLE_MS`] pass without input). The drawing reaches
//! [`OVERSCAN`] beyond each edge, so that a pan reveals map rather than nothing. Discrete
//! moves (keys, buttons, double-click) are drawn on the next frame.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use dossier_core::link::MapView;
use dossier_geo::markers::MapPlace;
use dossier_geo::viewport::{ScreenPoint, Viewport};
use gloo::render::{request_animation_frame, AnimationFrame};
use gloo::timers::callback::Timeout;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{
    Element, HtmlElement, KeyboardEvent, MouseEvent, PointerEvent, SvgElement, WheelEvent,
};
use yew::functional::UseForceUpdateHandle;
use yew::prelude::*;

use super::fit_padding;

/// Share of the visible width and height the drawing reaches beyond each edge. Must match
/// `.map`'s size and offset in style.css (150 %, −25 %).
pub const OVERSCAN: f64 = 0.25;
/// A gesture previews by scaling the last drawing at most this much (or its inverse); past
/// that the map is drawn anew.
const MAX_PREVIEW_ZOOM: f64 = 4.0;
/// Milliseconds without wheel or pinch input after which the map is drawn at its new view.
const SETTLE_MS: u32 = 150;
/// How far in fitting the results may zoom (× the world): one city should not fill the map.
const FIT_MAX_ZOOM: f64 = 24.0;
/// Pixels an arrow key pans by.
const KEY_PAN: f64 = 80.0;
/// Zoom factor of a button, a key or a double-click.
pub const STEP_ZOOM: f64 = 2.0;
/// Zoom factor of one wheel notch (100 pixels of `deltaY`).
const WHEEL_NOTCH_ZOOM: f64 = 1.25;
/// Pixels a pointer must travel before a press becomes a drag (and no longer a click).
pub const DRAG_THRESHOLD: f64 = 4.0;

/// The view and the gesture in progress, kept outside Yew's state so that input costs no
/// render until one is wanted.
pub struct Motion {
    /// Where the reader has taken the map.
    pub view: Viewport,
    /// The view the DOM was last drawn at; between draws the drawing is moved from it to
    /// `view` by a CSS transform.
    pub shown: Viewport,
    /// Whether the reader has moved the map since it last fitted the results.
    pub moved: bool,
    /// The places the view last fitted.
    pub fitted: Option<Rc<Vec<MapPlace>>>,
    /// Whether the map has been measured: before, its size is a guess, and its view is not
    /// worth reporting.
    pub measured: bool,
    /// The view the page's link holds that this map shows (or reported), and the screen
    /// size it was shown at: a different one from the link (back, forward, a link followed)
    /// or a resized screen shows it again.
    pub linked: Option<(MapView, f64, f64)>,
    /// The `view` property of the last render: a change is the link moving the map.
    pub link_prop: Option<MapView>,
    /// Pointers pressed on the map: (pointer id, position on the map).
    pointers: Vec<(i32, ScreenPoint)>,
    /// Pixels the pointer has travelled since it was pressed.
    travelled: f64,
    frame: Option<AnimationFrame>,
    settle: Option<Timeout>,
}

impl Motion {
    pub fn new(width: f64, height: f64) -> Motion {
        let view = Viewport::world(width, height);
        Motion {
            view,
            shown: view,
            moved: false,
            fitted: None,
            measured: false,
            linked: None,
            link_prop: None,
            pointers: Vec::new(),
            travelled: 0.0,
            frame: None,
            settle: None,
        }
    }

    pub fn fit(&mut self, places: &[MapPlace]) {
        let points: Vec<_> = places.iter().map(|p| p.at).collect();
        self.view = Viewport::fit(
            self.view.width,
            self.view.height,
            &points,
            fit_padding(),
            FIT_MAX_ZOOM,
        );
    }

    /// Whether the last press travelled far enough to be a drag: its release is no click.
    pub fn was_drag(&self) -> bool {
        self.travelled > DRAG_THRESHOLD
    }

    /// Whether a drag is in progress: markers it passes over show no tooltip.
    pub fn dragging(&self) -> bool {
        !self.pointers.is_empty() && self.was_drag()
    }
}

/// What event handlers share: the motion, the map's elements and a way to redraw.
#[derive(Clone)]
pub struct MotionHandle {
    pub motion: Rc<RefCell<Motion>>,
    pub rerender: UseForceUpdateHandle,
    /// The visible box: positions are measured against it.
    pub frame: NodeRef,
    /// The drawing, which a gesture moves.
    pub svg: NodeRef,
}

impl MotionHandle {
    /// Applies `change` and draws the map on the next frame.
    pub fn update(&self, change: impl FnOnce(&mut Motion)) {
        let mut motion = self.motion.borrow_mut();
        change(&mut motion);
        motion.settle = None;
        if motion.frame.is_none() {
            // A weak reference: the frame is stored in the motion it would otherwise keep alive.
            let weak = self.downgrade();
            motion.frame = Some(request_animation_frame(move |_| {
                if let Some(handle) = weak.upgrade() {
                    // Dropping the frame inside its own callback is safe: wasm-bindgen frees
                    // a closure only once its last call has returned.
                    drop(handle.motion.borrow_mut().frame.take());
                    handle.clear_preview();
                    handle.rerender.force_update();
                }
            }));
        }
    }

    /// Moves the view as the reader asked, drawn on the next frame; results no longer refit it.
    pub fn move_view(&self, change: impl FnOnce(&Viewport) -> Viewport) {
        self.update(|motion| {
            motion.view = change(&motion.view);
            motion.moved = true;
        });
    }

    /// Moves the view as the reader asked without drawing it: the last drawing is moved into
    /// place by a transform, and the map is drawn when input stops for [`SETTLE_MS`].
    pub fn preview(&self, change: impl FnOnce(&Viewport) -> Viewport) {
        let mut motion = self.motion.borrow_mut();
        motion.view = change(&motion.view);
        motion.moved = true;
        let (a, tx, ty) = motion.view.transform_from(&motion.shown);
        if !(1.0 / MAX_PREVIEW_ZOOM..=MAX_PREVIEW_ZOOM).contains(&a) {
            // Enlarged further, the old drawing costs the browser more to rasterise than
            // drawing the new view: draw it on the next frame.
            drop(motion);
            self.update(|_| {});
            return;
        }
        // The transform applies to the whole drawing, whose origin is OVERSCAN outside the
        // visible box: shift the visible-box transform accordingly.
        let (ox, oy) = (
            motion.shown.width * OVERSCAN,
            motion.shown.height * OVERSCAN,
        );
        let (tx, ty) = (tx + ox * (1.0 - a), ty + oy * (1.0 - a));
        if let Some(svg) = self.svg.cast::<SvgElement>() {
            let _ = svg
                .style()
                .set_property("transform", &format!("matrix({a},0,0,{a},{tx},{ty})"));
        }
        let weak = self.downgrade();
        motion.settle = Some(Timeout::new(SETTLE_MS, move || {
            if let Some(handle) = weak.upgrade() {
                handle.update(|_| {});
            }
        }));
    }

    /// Draws the map at its view now if a gesture left it moved but not drawn.
    fn settle_now(&self) {
        if self.motion.borrow().settle.is_some() {
            self.update(|_| {});
        }
    }

    /// Removes a gesture's transform: called as the map is drawn at the view it previewed.
    pub fn clear_preview(&self) {
        if let Some(svg) = self.svg.cast::<SvgElement>() {
            let _ = svg.style().remove_property("transform");
        }
    }

    pub fn view(&self) -> Viewport {
        self.motion.borrow().view
    }

    fn downgrade(&self) -> WeakHandle {
        WeakHandle {
            motion: Rc::downgrade(&self.motion),
            rerender: self.rerender.clone(),
            frame: self.frame.clone(),
            svg: self.svg.clone(),
        }
    }

    /// Where a pointer event is on the map, in CSS pixels from the visible box's corner.
    fn local_point(&self, event: &MouseEvent) -> Option<ScreenPoint> {
        let rect = self.frame.cast::<Element>()?.get_bounding_client_rect();
        Some(ScreenPoint {
            x: f64::from(event.client_x()) - rect.left(),
            y: f64::from(event.client_y()) - rect.top(),
        })
    }
}

/// A [`MotionHandle`] that does not keep the motion alive.
struct WeakHandle {
    motion: Weak<RefCell<Motion>>,
    rerender: UseForceUpdateHandle,
    frame: NodeRef,
    svg: NodeRef,
}

impl WeakHandle {
    fn upgrade(&self) -> Option<MotionHandle> {
        Some(MotionHandle {
            motion: self.motion.upgrade()?,
            rerender: self.rerender.clone(),
            frame: self.frame.clone(),
            svg: self.svg.clone(),
        })
    }
}

pub fn on_pointer_down(handle: &MotionHandle) -> Callback<PointerEvent> {
    let handle = handle.clone();
    Callback::from(move |event: PointerEvent| {
        if event.pointer_type() == "mouse" && event.button() != 0 {
            return;
        }
        let Some(at) = handle.local_point(&event) else {
            return;
        };
        let mut motion = handle.motion.borrow_mut();
        if motion.pointers.is_empty() {
            motion.travelled = 0.0;
        }
        motion.pointers.retain(|(id, _)| *id != event.pointer_id());
        motion.pointers.push((event.pointer_id(), at));
    })
}

pub fn on_pointer_move(handle: &MotionHandle) -> Callback<PointerEvent> {
    let handle = handle.clone();
    Callback::from(move |event: PointerEvent| {
        let Some(at) = handle.local_point(&event) else {
            return;
        };
        let id = event.pointer_id();
        let (before, others, was_dragging) = {
            let mut motion = handle.motion.borrow_mut();
            let was_dragging = motion.dragging();
            let Some(entry) = motion.pointers.iter_mut().find(|(p, _)| *p == id) else {
                return;
            };
            let before = std::mem::replace(&mut entry.1, at);
            motion.travelled += (at.x - before.x).hypot(at.y - before.y);
            let others: Vec<ScreenPoint> = motion
                .pointers
                .iter()
                .filter(|(p, _)| *p != id)
                .map(|(_, point)| *point)
                .collect();
            (before, others, was_dragging)
        };
        if !handle.motion.borrow().dragging() {
            return;
        }
        if !was_dragging {
            // Now a drag: keep receiving moves outside the map. Not earlier, or a click on a
            // marker would be delivered to the map instead.
            if let Some(svg) = handle.svg.cast::<Element>() {
                let _ = svg.set_pointer_capture(id);
            }
        }
        let (dx, dy) = (at.x - before.x, at.y - before.y);
        match others.as_slice() {
            [] => handle.preview(|view| view.pan(dx, dy)),
            [other, ..] => {
                // Pinch: the midpoint pans, the spread zooms about it.
                let spread_before = (before.x - other.x).hypot(before.y - other.y);
                let spread = (at.x - other.x).hypot(at.y - other.y);
                let middle = ScreenPoint {
                    x: (at.x + other.x) / 2.0,
                    y: (at.y + other.y) / 2.0,
                };
                let factor = if spread_before > 1.0 {
                    spread / spread_before
                } else {
                    1.0
                };
                handle.preview(|view| view.pan(dx / 2.0, dy / 2.0).zoom_about(factor, middle));
            }
        }
    })
}

pub fn on_pointer_up(handle: &MotionHandle) -> Callback<PointerEvent> {
    let handle = handle.clone();
    Callback::from(move |event: PointerEvent| {
        let released = {
            let mut motion = handle.motion.borrow_mut();
            motion.pointers.retain(|(id, _)| *id != event.pointer_id());
            motion.pointers.is_empty()
        };
        if released {
            handle.settle_now();
        }
    })
}

pub fn on_double_click(handle: &MotionHandle) -> Callback<MouseEvent> {
    let handle = handle.clone();
    Callback::from(move |event: MouseEvent| {
        let on_marker = event
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .and_then(|e| e.closest(".marker").ok().flatten())
            .is_some();
        let Some(at) = handle.local_point(&event) else {
            return;
        };
        if on_marker {
            return;
        }
        let factor = if event.shift_key() {
            1.0 / STEP_ZOOM
        } else {
            STEP_ZOOM
        };
        event.prevent_default();
        handle.move_view(|view| view.zoom_about(factor, at));
    })
}

pub fn on_key(handle: &MotionHandle, places: &Rc<Vec<MapPlace>>) -> Callback<KeyboardEvent> {
    let (handle, places) = (handle.clone(), places.clone());
    Callback::from(move |event: KeyboardEvent| {
        if event.ctrl_key() || event.meta_key() || event.alt_key() {
            return;
        }
        let view = handle.view();
        let middle = ScreenPoint {
            x: view.width / 2.0,
            y: view.height / 2.0,
        };
        let change: Box<dyn FnOnce(&Viewport) -> Viewport> = match event.key().as_str() {
            // The arrow shows more of that side: the content moves the other way.
            "ArrowLeft" => Box::new(|v| v.pan(KEY_PAN, 0.0)),
            "ArrowRight" => Box::new(|v| v.pan(-KEY_PAN, 0.0)),
            "ArrowUp" => Box::new(|v| v.pan(0.0, KEY_PAN)),
            "ArrowDown" => Box::new(|v| v.pan(0.0, -KEY_PAN)),
            "+" | "=" => Box::new(move |v| v.zoom_about(STEP_ZOOM, middle)),
            "-" | "_" => Box::new(move |v| v.zoom_about(1.0 / STEP_ZOOM, middle)),
            "0" => {
                event.prevent_default();
                reset(&handle, &places);
                return;
            }
            _ => return,
        };
        event.prevent_default();
        handle.move_view(change);
    })
}

pub fn zoom_button(handle: &MotionHandle, factor: f64) -> Callback<MouseEvent> {
    let handle = handle.clone();
    Callback::from(move |_| {
        handle.move_view(|view| {
            let middle = ScreenPoint {
                x: view.width / 2.0,
                y: view.height / 2.0,
            };
            view.zoom_about(factor, middle)
        })
    })
}

pub fn reset_button(handle: &MotionHandle, places: &Rc<Vec<MapPlace>>) -> Callback<MouseEvent> {
    let (handle, places) = (handle.clone(), places.clone());
    Callback::from(move |_| reset(&handle, &places))
}

/// Back to fitting the results, as on load.
fn reset(handle: &MotionHandle, places: &[MapPlace]) {
    handle.update(|motion| {
        motion.moved = false;
        motion.fit(places);
    });
}

/// Zooms with the wheel about the pointer. Registered by hand, not through Yew, to be sure the
/// listener is not passive: the page must not scroll while the wheel zooms the map.
#[hook]
pub fn use_wheel_zoom(handle: &MotionHandle) {
    let handle = handle.clone();
    use_effect_with((), move |()| {
        let listener = handle.svg.cast::<Element>().map(|svg| {
            let options = gloo::events::EventListenerOptions::enable_prevent_default();
            gloo::events::EventListener::new_with_options(&svg, "wheel", options, move |event| {
                let Some(event) = event.dyn_ref::<WheelEvent>() else {
                    return;
                };
                event.prevent_default();
                let Some(at) = handle.local_point(event) else {
                    return;
                };
                let pixels = match event.delta_mode() {
                    WheelEvent::DOM_DELTA_LINE => event.delta_y() * 40.0,
                    WheelEvent::DOM_DELTA_PAGE => event.delta_y() * 800.0,
                    _ => event.delta_y(),
                };
                let factor = WHEEL_NOTCH_ZOOM.powf(-pixels / 100.0);
                handle.preview(|view| view.zoom_about(factor, at));
            })
        });
        move || drop(listener)
    });
}

/// Keeps the view's size equal to the map's visible box: on first layout and whenever it
/// changes, refitting the results unless the reader has moved the map.
#[hook]
pub fn use_size_observer(handle: &MotionHandle) {
    let handle = handle.clone();
    use_effect_with((), move |()| {
        let weak = handle.downgrade();
        let observed = handle.frame.cast::<HtmlElement>().and_then(|frame| {
            let on_resize =
                Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
                    let Ok(entry) = entries.get(0).dyn_into::<web_sys::ResizeObserverEntry>()
                    else {
                        return;
                    };
                    let Some(handle) = weak.upgrade() else {
                        return;
                    };
                    let rect = entry.content_rect();
                    let (width, height) = (rect.width(), rect.height());
                    handle.update(|motion| {
                        motion.measured = true;
                        if (motion.view.width, motion.view.height) == (width, height) {
                            return;
                        }
                        motion.view = motion.view.resized(width, height);
                        if !motion.moved {
                            if let Some(places) = motion.fitted.clone() {
                                motion.fit(&places);
                            }
                        }
                    });
                });
            let observer = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok()?;
            observer.observe(&frame);
            Some((observer, on_resize))
        });
        move || {
            if let Some((observer, _on_resize)) = observed {
                observer.disconnect();
            }
        }
    });
}
