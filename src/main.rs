//! The Dossier page: a Yew app over the bundle compiled into it.

mod app;
mod basemap;
mod components;
mod corpus;
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
