//! Group, branch, region, salesperson and category in the current company. Choosing a
//! different salesperson opens the notes of the change (R-SELLER-1).

use leptos::prelude::*;

use crate::api::resource::ApiResource;
use crate::customers::record_types::KindOptions;

#[component]
pub fn ProfileFields<F, V>(
    profile: rules::profile::ProfileRefs,
    error_for: F,
    options: ApiResource<Vec<KindOptions>>,
    /// Shown, not offered: a select has no `readonly`, so it is disabled.
    read_only: bool,
) -> impl IntoView
where
    F: Fn(&'static str) -> V + Copy + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let original_salesperson = profile
        .salesperson
        .map(|id| id.to_string())
        .unwrap_or_default();
    let chosen_salesperson = RwSignal::new(original_salesperson.clone());
    let salesperson_changed = move || chosen_salesperson.get() != original_salesperson;
    view! {
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                let kinds = options.await.unwrap_or_default();
                // Each field takes its own list, matched by name, whatever order the server sends.
                profile
                    .by_kind()
                    .into_iter()
                    .filter_map(|(kind, current)| {
                        let field = rules::profile::form_field(kind);
                        kinds.iter().find(|k| k.field == field).cloned().map(|choices| (kind, current, choices))
                    })
                    .map(|(kind, current, choices)| {
                        let field = rules::profile::form_field(kind);
                        let id = format!("profile-{field}");
                        let is_salesperson = kind == rules::lookup::LookupKind::Salesperson;
                        view! {
                            <div class="field">
                                <label for=id.clone()>{choices.label.clone()}</label>
                                <select
                                    id=id
                                    name=format!("profile[{field}]")
                                    disabled=read_only
                                    on:change=move |ev| {
                                        if is_salesperson {
                                            chosen_salesperson.set(event_target_value(&ev));
                                        }
                                    }
                                >
                                    <option value="">"(não informado)"</option>
                                    {choices
                                        .options
                                        .into_iter()
                                        .map(|o| view! { <option value=o.id.to_string() selected=current == Some(o.id)>{o.label}</option> })
                                        .collect_view()}
                                </select>
                                {error_for(field)}
                            </div>
                        }
                    })
                    .collect_view()
            })}
        </Transition>
        <Show when=salesperson_changed>
            <div class="field wide">
                <label for="salesperson_notes">"Observação da troca de vendedor"</label>
                <textarea id="salesperson_notes" name="salesperson_notes" rows="2"></textarea>
            </div>
        </Show>
    }
}
