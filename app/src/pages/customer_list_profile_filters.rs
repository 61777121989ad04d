//! The list's commercial profile filters (group, branch, region, salesperson, category): one
//! select per auxiliary table of the current company, each a plain GET field too.

use leptos::prelude::*;

use crate::customers::list_types::{lookup_param, CustomerFilter};
use crate::customers::record_types::KindOptions;
use crate::error::AppError;

#[component]
pub fn ProfileFilters(
    filter: Memo<CustomerFilter>,
    go: impl Fn(CustomerFilter) + Clone + Send + Sync + 'static,
    options: Resource<Result<Vec<KindOptions>, AppError>>,
) -> impl IntoView {
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new({
                let go = go.clone();
                async move {
                    let kinds = options.await.unwrap_or_default();
                    kinds
                        .into_iter()
                        .map(|kind_options| {
                            let kind = kind_options.kind;
                            let param = lookup_param(kind);
                            let go = go.clone();
                            let on_change = move |ev: leptos::ev::Event| {
                                let id = event_target_value(&ev).parse::<i64>().ok();
                                go(filter.get_untracked().with_lookup(kind, id));
                            };
                            view! {
                                <div class="field">
                                    <label for=param>{kind_options.label.clone()}</label>
                                    <select
                                        id=param
                                        name=param
                                        on:change=on_change
                                        prop:value=move || {
                                            filter.get().lookup(kind).map(|id| id.to_string()).unwrap_or_default()
                                        }
                                    >
                                        <option value="">"Todos"</option>
                                        {kind_options
                                            .options
                                            .into_iter()
                                            .map(|option| {
                                                let selected = filter.get_untracked().lookup(kind) == Some(option.id);
                                                view! {
                                                    <option value=option.id.to_string() selected=selected>
                                                        {option.label}
                                                    </option>
                                                }
                                            })
                                            .collect_view()}
                                    </select>
                                </div>
                            }
                        })
                        .collect_view()
                }
            })}
        </Suspense>
    }
}
