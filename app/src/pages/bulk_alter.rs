//! "Alterar todos" on the customer list (R-BULK-1): fields, one value for each, for every
//! customer the current filter matches — the whole result, not the loaded page — or for the
//! rows picked in the grid. A preview says how many will change and how many already hold the
//! values; confirming applies it as one batch, its steps shown while it runs.

use leptos::prelude::*;
use rules::bulk::BulkChangeInput;
use rules::display::count_of;

use super::bulk_progress_view::BatchProgressView;
use crate::api::{ApplyBulk, PreviewBulk};
use crate::components::city_combobox::CityCombobox;
use crate::components::focus::focus_by_id_next_frame;
use crate::customers::bulk_types::{BulkFieldView, BulkInput};
use crate::customers::list_types::{thousands, CustomerFilter};
use crate::error::AppError;

#[component]
pub fn BulkAlter(
    filter: Memo<CustomerFilter>,
    selected: RwSignal<Vec<i64>>,
    fields: Vec<BulkFieldView>,
    on_applied: Callback<()>,
) -> impl IntoView {
    let fields = StoredValue::new(fields);
    // What the batch covers: the picked rows, or every match of the filter.
    let target = move || CustomerFilter {
        selected: selected.get_untracked(),
        ..filter.get_untracked().first_page()
    };
    let lines = RwSignal::new(vec![ChangeLine::new(0)]);
    let next_key = StoredValue::new(1_u32);
    let preview = ServerAction::<PreviewBulk>::new();
    let apply = ServerAction::<ApplyBulk>::new();
    let changes = move || {
        lines.with_untracked(|lines| {
            lines
                .iter()
                .filter(|l| !l.field.get_untracked().is_empty())
                .map(ChangeLine::input)
                .collect::<Vec<_>>()
        })
    };
    // A new filter or choice makes the preview (and its confirmation) stale.
    Effect::new(move |_| {
        filter.track();
        selected.track();
        lines.with(|lines| {
            for line in lines {
                line.field.track();
                line.value.track();
            }
        });
        preview.value().set(None);
    });
    // Once applied, the preview is spent: its token names a batch already written, and a
    // second "Confirmar" would refuse the user's own changes as someone else's (issue 10,
    // item 11). What stays on screen is the result.
    Effect::new(move |_| {
        if let Some(Ok(_)) = apply.value().get() {
            preview.value().set(None);
            on_applied.run(());
        }
    });
    let add_line = move |_| {
        let key = next_key.get_value();
        next_key.set_value(key + 1);
        lines.update(|lines| lines.push(ChangeLine::new(key)));
    };
    // Each run reports its steps under its own token: the preview's token and a run count.
    let progress_token = StoredValue::new(String::new());
    let runs = StoredValue::new(0_u32);
    let run_apply = move |skip: bool| {
        let Some(Ok(taken)) = preview.value().get_untracked() else {
            return;
        };
        runs.update_value(|n| *n += 1);
        progress_token.set_value(format!("{}#{}", taken.preview_token, runs.get_value()));
        apply.dispatch(ApplyBulk {
            filter: target(),
            changes: changes(),
            preview_token: taken.preview_token,
            skip_changed_since: skip,
            progress_token: progress_token.get_value(),
        });
    };
    let error_view = |error: AppError| {
        let text = match &error {
            // Each line's value says what is wrong beside it (`ChangeLineView`).
            AppError::Invalid(messages)
                if messages.iter().all(|m| m.field.starts_with("changes[")) =>
            {
                "Corrija o valor indicado em cada campo; nada foi gravado.".to_string()
            }
            AppError::Invalid(messages) => messages
                .iter()
                .map(|m| m.message.clone())
                .collect::<Vec<_>>()
                .join(" "),
            other => other.to_string(),
        };
        view! { <p class="error" role="alert">{text}</p> }
    };

    // "Prévia" is disabled while it runs, which drops the focus: once the preview is there, the
    // keyboard goes on from its confirmation rather than from the top of the page.
    Effect::new(move |_| {
        if matches!(preview.value().get(), Some(Ok(_))) {
            focus_by_id_next_frame("bulk-confirm");
        }
    });
    // "Confirmar alteração" goes away with the preview once the batch is written: the keyboard
    // and the screen reader move to the result instead of the top of the page.
    Effect::new(move |_| {
        if matches!(apply.value().get(), Some(Ok(_))) {
            focus_by_id_next_frame("bulk-result");
        }
    });

    view! {
        <section class="card bulk" aria-labelledby="bulk-title">
            // Named as the menu item that leads here; the line under it says what it covers.
            <h2 id="bulk-title">"Manutenção em lote"</h2>
            <p class="bulk-scope">
                {move || match selected.with(Vec::len) {
                    0 => "Altera todos os clientes filtrados.".to_string(),
                    1 => "Altera só o cliente selecionado.".to_string(),
                    n => format!("Altera só os {n} clientes selecionados."),
                }}
            </p>
            <div class="record-form">
                <For each=move || lines.get() key=|line| line.key let:line>
                    <ChangeLineView line fields lines preview />
                </For>
                <div class="actions wide">
                    <button type="button" on:click=add_line>"+ Outro campo"</button>
                    <button
                        type="button"
                        disabled=move || nothing_chosen(lines) || preview.pending().get()
                        on:click=move |_| {
                            apply.value().set(None);
                            preview.dispatch(PreviewBulk { filter: target(), changes: changes() });
                        }
                    >
                        "Prévia"
                    </button>
                </div>
            </div>
            {move || preview.value().get().map(|result| match result {
                Ok(p) => {
                    let changing = p.matching - p.unchanged;
                    let per_field = (p.changing.len() > 1).then(|| {
                        let parts: Vec<String> = p
                            .changing
                            .iter()
                            .map(|(label, n)| format!("{label}: {}", thousands(*n)))
                            .collect();
                        format!(" ({})", parts.join("; "))
                    });
                    view! {
                        <div class="preview" role="status">
                            <p>
                                {format!("{} no lote: ", count_of(p.matching, "cliente", "clientes"))}
                                <strong>{format!("{} {}", thousands(changing), if changing == 1 { "será alterado" } else { "serão alterados" })}</strong>
                                {per_field}
                                {format!("; {} {} esses valores.", thousands(p.unchanged), if p.unchanged == 1 { "já tem" } else { "já têm" })}
                            </p>
                            <button type="button" id="bulk-confirm" class="primary" disabled=move || apply.pending().get() on:click=move |_| run_apply(false)>
                                {move || if apply.pending().get() { "Gravando…" } else { "Confirmar alteração" }}
                            </button>
                            <BatchProgressView token=progress_token running=apply.pending() />
                        </div>
                    }.into_any()
                }
                Err(error) => error_view(error).into_any(),
            })}
            {move || apply.value().get().map(|result| match result {
                Ok((batch, changed)) => view! {
                    <p id="bulk-result" class="notice" role="status" tabindex="-1">
                        "Lote "
                        <a href=format!("/clientes/lotes#lote-{batch}") aria-label=format!("Lote {batch}, na lista de lotes (desfazer)")>{batch}</a>
                        {format!(" gravado: {}.", changed_label(changed))}
                    </p>
                }.into_any(),
                Err(AppError::Conflict(message)) => view! {
                    <div class="error" role="alert">
                        <p>{message}</p>
                        <button type="button" on:click=move |_| run_apply(true)>"Continuar sem eles"</button>
                        <button type="button" on:click=move |_| { apply.value().set(None); preview.value().set(None); }>"Cancelar"</button>
                    </div>
                }.into_any(),
                Err(error) => error_view(error).into_any(),
            })}
        </section>
    }
    // One erased type: the panel is the body of a lazily loaded part, whose async hydration
    // otherwise nests past the compiler's depth limit.
    .into_any()
}

/// "1 cliente alterado", "1.234 clientes alterados".
fn changed_label(changed: i64) -> String {
    match changed {
        1 => "1 cliente alterado".to_string(),
        n => format!("{} clientes alterados", thousands(n)),
    }
}

/// The new value's control: a select over the field's choices, a city typed with IBGE
/// suggestions, or free text.
#[component]
fn ValueInput(id: String, field: BulkFieldView, value: RwSignal<String>) -> impl IntoView {
    let on_input = move |ev: leptos::ev::Event| value.set(event_target_value(&ev));
    match field.input {
        BulkInput::Choice => view! {
            <select id=id on:change=on_input>
                <option value="" selected=true>{if field.code == "status" { "Escolha…" } else { "(nenhum)" }}</option>
                {field.choices.iter().filter(|(v, _)| !v.is_empty()).map(|(v, label)| view! {
                    <option value=v.clone()>{label.clone()}</option>
                }).collect_view()}
            </select>
        }
        .into_any(),
        BulkInput::City => view! { <CityCombobox id value /> }.into_any(),
        BulkInput::Text => view! {
            <input id=id type="text" maxlength="60" autocomplete="off" on:input=on_input />
        }
        .into_any(),
        BulkInput::Number => view! {
            <input id=id type="text" inputmode="decimal" maxlength="20" autocomplete="off"
                placeholder="vazio: limpa o campo" on:input=on_input />
        }
        .into_any(),
        // The ticked entries, as the comma-separated ids the server reads; none ticked clears
        // the customers' sets.
        BulkInput::Several => {
            let toggle = move |entry: String, on: bool| {
                value.update(|ids| {
                    let mut set: Vec<String> = ids
                        .split(',')
                        .filter(|id| !id.is_empty() && *id != entry)
                        .map(str::to_string)
                        .collect();
                    if on {
                        set.push(entry);
                    }
                    *ids = set.join(",");
                })
            };
            let group_label = format!("Novo valor: {}", field.label);
            view! {
                <div class="check-list" id=id.clone() role="group" aria-label=group_label>
                    {field.choices.iter().map(|(entry, label)| {
                        let box_id = format!("{id}-{entry}");
                        let entry = entry.clone();
                        let label_for = box_id.clone();
                        view! {
                            <label class="check" for=label_for>
                                <input type="checkbox" id=box_id
                                    on:change=move |ev| toggle(entry.clone(), event_target_checked(&ev)) />
                                {label.clone()}
                            </label>
                        }
                    }).collect_view()}
                    <span class="hint">"Substitui o que cada cliente tem: ficam só as marcadas (nenhuma marcada: ficam sem nenhuma)."</span>
                </div>
            }
            .into_any()
        }
    }
}

/// One "field = value" line of the batch; several lines make one batch.
#[derive(Clone, Copy)]
struct ChangeLine {
    key: u32,
    field: RwSignal<String>,
    value: RwSignal<String>,
    notes: RwSignal<String>,
}

impl ChangeLine {
    fn new(key: u32) -> Self {
        Self {
            key,
            field: RwSignal::new(String::new()),
            value: RwSignal::new(String::new()),
            notes: RwSignal::new(String::new()),
        }
    }

    fn input(&self) -> BulkChangeInput {
        BulkChangeInput {
            field: self.field.get_untracked(),
            value: self.value.get_untracked(),
            notes: self.notes.get_untracked(),
        }
    }
}

/// True while no line has a field chosen: nothing to preview yet.
fn nothing_chosen(lines: RwSignal<Vec<ChangeLine>>) -> bool {
    lines.with(|lines| lines.iter().all(|l| l.field.get().is_empty()))
}

#[component]
fn ChangeLineView(
    line: ChangeLine,
    fields: StoredValue<Vec<BulkFieldView>>,
    lines: RwSignal<Vec<ChangeLine>>,
    preview: ServerAction<PreviewBulk>,
) -> impl IntoView {
    let key = line.key;
    // The server names a line's value by its place among the lines with a field chosen.
    let message = move |part: &'static str| {
        let index = lines.with(|l| {
            l.iter()
                .filter(|other| !other.field.get().is_empty())
                .position(|other| other.key == key)
        })?;
        preview
            .value()
            .get()
            .and_then(|r| r.err())
            .and_then(|e| e.message_for(&format!("changes[{index}][{part}]")))
    };
    let (field_id, value_id, notes_id) = (
        format!("bulk-field-{key}"),
        format!("bulk-value-{key}"),
        format!("bulk-notes-{key}"),
    );
    let chosen =
        move || fields.with_value(|f| f.iter().find(|f| f.code == line.field.get()).cloned());
    let removable = move || lines.with(|l| l.len() > 1);
    // Several lines repeat the same labels: each line is a group named by its place, and its
    // remove button by its field.
    let number =
        move || lines.with(|l| l.iter().position(|other| other.key == key).unwrap_or(0) + 1);
    let remove_label = move || match chosen() {
        Some(field) => format!("Remover campo {}", field.label),
        None => format!("Remover campo {}", number()),
    };
    view! {
        <fieldset class="change-line wide">
            <legend class="visually-hidden">{move || format!("Campo {}", number())}</legend>
            <div class="field">
                <label for=field_id.clone()>"Campo"</label>
                <select id=field_id on:change=move |ev| {
                    line.field.set(event_target_value(&ev));
                    line.value.set(String::new());
                }>
                    <option value="">"Escolha…"</option>
                    {fields.with_value(|f| f.iter().map(|f| view! { <option value=f.code.clone()>{f.label.clone()}</option> }).collect_view())}
                </select>
                {move || message("field").map(|m| view! { <span class="field-error" role="alert">{m}</span> })}
            </div>
            {move || chosen().map(|f| {
                let value_id = value_id.clone();
                let notes_id = notes_id.clone();
                view! {
                    <div class="field">
                        <label for=value_id.clone()>"Novo valor"</label>
                        <ValueInput id=value_id field=f.clone() value=line.value />
                        {move || message("value").map(|m| view! { <span class="field-error" role="alert">{m}</span> })}
                    </div>
                    {f.asks_for_notes.then(|| view! {
                        <div class="field wide">
                            <label for=notes_id.clone()>"Observações da troca de vendedor"</label>
                            <textarea id=notes_id rows="2" on:input=move |ev| line.notes.set(event_target_value(&ev))></textarea>
                        </div>
                    })}
                }
            })}
            {move || removable().then(|| view! {
                <div class="field">
                    <button
                        type="button"
                        class="link-button"
                        aria-label=remove_label
                        on:click=move |_| lines.update(|l| l.retain(|other| other.key != key))
                    >
                        "Remover campo"
                    </button>
                </div>
            })}
        </fieldset>
    }
}
