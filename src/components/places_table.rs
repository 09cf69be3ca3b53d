//! The map's places as a table — place and number of documents — for readers who do not use
//! the map. Folded away by default; its rows are built only while it is open, since a large
//! collection has a thousand places that would otherwise be re-rendered on every keystroke.

use std::rc::Rc;

use dossier_geo::markers::MapPlace;
use web_sys::HtmlDetailsElement;
use yew::prelude::*;

use super::map::place_name;

#[derive(Properties, PartialEq)]
pub struct PlacesTableProps {
    /// The places on the map, most mentioned first.
    pub places: Rc<Vec<MapPlace>>,
}

#[function_component(PlacesTable)]
pub fn places_table(props: &PlacesTableProps) -> Html {
    let open = use_state(|| false);
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |event: Event| {
            let details: HtmlDetailsElement = event.target_unchecked_into();
            open.set(details.open());
        })
    };
    let rows = props.places.iter().map(|place| {
        html! {
            <tr key={place.id}>
                <th scope="row">{ place_name(place.id) }</th>
                <td>{ place.count }</td>
            </tr>
        }
    });
    html! {
        <details class="places-table" {ontoggle}>
            <summary>{ format!("Places table ({})", props.places.len()) }</summary>
            if *open {
                <table>
                    <caption>{ "Places" }</caption>
                    <thead>
                        <tr><th scope="col">{ "Place" }</th><th scope="col">{ "Documents" }</th></tr>
                    </thead>
                    <tbody>{ for rows }</tbody>
                </table>
            }
        </details>
    }
}
