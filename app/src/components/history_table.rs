//! The one table of "who changed what, when" that every history on screen uses (the customer's
//! fields, its salesperson changes, the auxiliary tables): same columns markup, same phone
//! layout (each cell carries its column's name for the stacked rows), one copy in the bundle.

use leptos::prelude::*;

#[component]
pub fn HistoryTable(
    /// Id of the heading that names the table.
    labelled_by: &'static str,
    /// Extra class beside `history`, for a table's own column widths.
    #[prop(optional)]
    class: &'static str,
    headers: &'static [&'static str],
    /// One entry per change, its cells in the order of `headers`.
    rows: Vec<Vec<String>>,
) -> impl IntoView {
    let class = if class.is_empty() {
        "history".to_string()
    } else {
        format!("history {class}")
    };
    view! {
        <table class=class aria-labelledby=labelled_by>
            <thead>
                <tr>{headers.iter().map(|h| view! { <th scope="col">{*h}</th> }).collect_view()}</tr>
            </thead>
            <tbody>
                {rows
                    .into_iter()
                    .map(|cells| {
                        view! {
                            <tr>
                                {cells
                                    .into_iter()
                                    .zip(headers.iter())
                                    // A value that was (or became) blank reads as a dash, not
                                    // as a label with nothing after it.
                                    .map(|(cell, label)| {
                                        let cell = if cell.is_empty() { "—".to_string() } else { cell };
                                        view! { <td data-label=*label>{cell}</td> }
                                    })
                                    .collect_view()}
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}
