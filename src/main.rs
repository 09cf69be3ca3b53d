//! The Dossier page: a Yew app over the bundle compiled into it.

mod app;
mod basemap;
mod components;
mod corpus;
mod deep_link;
mod download;
mod history;
mod keyboard;
mod linked_state;
mod shortcuts;
mod state;

fn main() {
    let root = gloo::utils::document().get_element_by_id("app");
    match root {
        Some(root) => {
            root.set_inner_html("");
            yew::Renderer::<app::App>::with_root(root).render();
        }
        None => {
            yew::Renderer::<app::App>::new().render();
        }
    }
}
