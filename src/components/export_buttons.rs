//! "Download results as CSV · JSON · GeoJSON (places)".

use yew::prelude::*;

use crate::download::ExportFormat;

#[derive(Properties, PartialEq)]
pub struct ExportButtonsProps {
    pub on_export: Callback<ExportFormat>,
}

#[function_component(ExportButtons)]
pub fn export_buttons(props: &ExportButtonsProps) -> Html {
    html! {
        <div class="export" role="group" aria-labelledby="export-label">
            <span id="export-label">{ "Download results:" }</span>
            { for ExportFormat::ALL.into_iter().map(|format| html! {
                <button type="button" class="export-button"
                        onclick={props.on_export.reform(move |_: MouseEvent| format)}>
                    { format.label() }
                </button>
            }) }
        </div>
    }
}
