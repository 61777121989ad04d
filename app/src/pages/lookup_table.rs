use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;
use rules::table_kind::TableKind;

use crate::api::resource::{api_resource, ApiResource};
use crate::api::{list_lookup, lookup_history, CheckLookupDeletion, DeleteLookup, SaveLookup};
use crate::components::confirm_dialog::ConfirmDialog;
use crate::components::protected::protected;
use crate::error::AppError;
use crate::lookups::LookupRow;
use crate::pages::table_terms::{customers_label, terms_cells, terms_headers, TermsFields};

/// `/tabelas`: every code + description table, the profile ones and the commercial ones.
#[component]
pub fn LookupIndexPage() -> impl IntoView {
    view! {
        <Title text="Tabelas · Clientela" />
        {protected(|_| view! {
            <section class="card">
                <h1>"Tabelas"</h1>
                // The customer's commercial profile, then what its sales defaults point to.
                {[("table-index-profile", "Perfil comercial do cliente", 0), ("table-index-commercial", "Comerciais", 1), ("table-index-ledger", "Plano de contas", 2)]
                    .map(|(id, title, group)| view! {
                        <h2 id=id>{title}</h2>
                        <ul class="table-index" aria-labelledby=id>
                            {TableKind::all()
                                .filter(move |kind| index_group(*kind) == group)
                                .map(|kind| view! { <li><a href=format!("/tabelas/{}", kind.slug())>{kind.title()}</a></li> })
                                .collect_view()}
                        </ul>
                    })}
            </section>
        })}
    }
}

/// Where the index lists a table: the customer's profile, the commercial tables, the chart of
/// accounts.
fn index_group(kind: TableKind) -> u8 {
    match kind {
        TableKind::Profile(_) => 0,
        TableKind::Commercial(_) | TableKind::Linked(_) => 1,
        TableKind::Ledger(_) => 2,
    }
}

/// `/tabelas/:slug`: one screen for every auxiliary table.
#[component]
pub fn LookupTablePage() -> impl IntoView {
    let params = use_params_map();
    move || {
        let kind = params
            .read()
            .get("slug")
            .and_then(|slug| TableKind::from_slug(&slug));
        match kind {
            Some(kind) => {
                // Made outside the signed-in gate, once (see `protected`).
                let save = ServerAction::<SaveLookup>::new();
                let remove = ServerAction::<DeleteLookup>::new();
                let rows = api_resource(
                    move || (save.version().get(), remove.version().get()),
                    move |_| list_lookup(kind.code().to_string()),
                );
                let changes = api_resource(
                    move || (save.version().get(), remove.version().get()),
                    move |_| lookup_history(kind.code().to_string()),
                );
                view! {
                    <Title text=format!("{} · Clientela", kind.title()) />
                    {protected(move |session| view! {
                        <LookupTable kind may_alter=session.can(kind.permission()) save remove rows />
                        <crate::pages::lookup_history::LookupChanges changes />
                    })}
                }
                .into_any()
            }
            None => view! { <crate::pages::not_found::NotFound /> }.into_any(),
        }
    }
}

#[component]
fn LookupTable(
    kind: TableKind,
    may_alter: bool,
    save: ServerAction<SaveLookup>,
    remove: ServerAction<DeleteLookup>,
    rows: ApiResource<Vec<LookupRow>>,
) -> impl IntoView {
    let filter = RwSignal::new(String::new());
    // The row being edited; None for a new one.
    let editing = RwSignal::new(None::<LookupRow>);
    // Bumped whenever the form starts over (a row saved, picked or cancelled): the terms'
    // fields are then built afresh, so nothing typed for the previous row lingers.
    let generation = RwSignal::new(0u32);
    // What the last save or delete did, said where the user is looking (a refusal too: on a
    // phone the list's "Excluir" is far below the form's top). Said until the user starts on
    // another entry.
    let notice = RwSignal::new(String::new());
    Effect::new(move |_| {
        if editing.with(Option::is_some) {
            notice.set(String::new());
        }
        generation.update(|g| *g += 1);
    });
    // The code of a new entry as typed, to name it once included.
    let typed_code = StoredValue::new(String::new());
    // Cancelar or Escape leaves the row as it was, and the focus goes back to its "Editar".
    let stop_editing = move || {
        if let Some(row) = editing.get_untracked() {
            editing.set(None);
            crate::components::focus::focus_by_id_later(format!("edit-{}", row.id));
        }
    };
    // Saved, the form empties: the focus goes where the user goes next rather than stay in an
    // emptied field — the edited row's "Editar" once the rows are drawn again, "Código" for
    // the next entry after an inclusion.
    let focus_when_drawn = RwSignal::new(None::<String>);
    Effect::new(move |_| match save.value().get() {
        Some(Ok(())) => {
            let said = match editing.get_untracked() {
                Some(row) => {
                    focus_when_drawn.set(Some(format!("edit-{}", row.id)));
                    format!("{} gravado.", row.code)
                }
                None => {
                    crate::components::focus::focus_by_id_next_frame("lookup-code");
                    let typed = typed_code.get_value();
                    let code = rules::lookup::read_code(kind, &typed).unwrap_or(typed);
                    format!("{code} incluído.")
                }
            };
            editing.set(None);
            notice.set(said);
        }
        Some(Err(_)) => notice.set(String::new()),
        None => {}
    });
    // Emptied or filled with the row to edit in place: noted again each time (`generation`).
    crate::components::leave_guard::guard_form_while_mounted(
        "lookup-form",
        "Há alterações não gravadas nesta tabela. Sair sem gravar? As alterações serão perdidas.",
        move || generation.track(),
    );
    // A refused save (a code already used…): the focus goes to the field that says why.
    crate::components::focus::focus_first_invalid_on_refusal(save.value(), "lookup-form");
    Effect::new(move |_| {
        if rows.with(|r| matches!(r, Some(Ok(_)))) {
            if let Some(id) = focus_when_drawn.get_untracked() {
                focus_when_drawn.set(None);
                crate::components::focus::focus_by_id_later(id);
            }
        }
    });
    Effect::new(move |_| {
        if let Some(Err(_)) = remove.value().get() {
            crate::components::focus::focus_by_id_next_frame("lookup-problem");
        }
    });
    // The row waiting for the user's "Excluir" in the dialog, and the last one deleted.
    let deleting = RwSignal::new(None::<LookupRow>);
    let confirming = RwSignal::new(false);
    Effect::new(move |_| {
        if let Some(Ok(())) = remove.value().get() {
            if let Some(row) = deleting.get_untracked() {
                notice.set(format!("{} excluído.", row.code));
            }
        }
    });
    let confirm_delete = Callback::new(move |()| {
        if let Some(row) = deleting.get_untracked() {
            notice.set(String::new());
            remove.dispatch(DeleteLookup {
                kind: kind.code().to_string(),
                id: row.id,
            });
        }
    });
    // An entry customers use is refused (deactivating is the way): the dialog says so and
    // offers no "Excluir". Anything else that holds it (a company's default, a batch that can
    // still be undone, a chart's links) the server is asked as the dialog opens.
    let check = ServerAction::<CheckLookupDeletion>::new();
    Effect::new(move |_| {
        if let Some(row) = deleting.get().filter(|r| r.customers == 0) {
            check.value().set(None);
            check.dispatch(CheckLookupDeletion {
                kind: kind.code().to_string(),
                id: row.id,
            });
        }
    });
    // `None` while the server is asked; then why the delete would be refused, if it would (an
    // answer that failed leaves it to the delete to say).
    let checked = move || -> Option<Option<String>> {
        if check.pending().get() {
            return None;
        }
        check.value().get().map(|answer| answer.ok().flatten())
    };
    let in_use = Signal::derive(move || {
        let by_customers = deleting.with(|row| row.as_ref().is_some_and(|r| r.customers > 0));
        by_customers || !matches!(checked(), Some(None))
    });
    let question = Signal::derive(move || {
        deleting
            .get()
            .map(|row| {
                let refused = row.customers > 0 || matches!(checked(), Some(Some(_)));
                rules::lookup::delete_question(&row.code, &row.description, refused)
            })
            .unwrap_or_default()
    });
    // Said before the user confirms: an entry customers use is not deleted, it is deactivated.
    let delete_detail = Signal::derive(move || {
        let row = deleting.get();
        if let Some(warning) = row.and_then(|row| rules::lookup::in_use_warning(row.customers)) {
            return warning;
        }
        match checked() {
            None => "Verificando se o registro pode ser excluído…".to_string(),
            Some(Some(refusal)) => refusal,
            Some(None) => {
                "A exclusão fica no histórico da tabela e não pode ser desfeita.".to_string()
            }
        }
    });
    let problem = move || {
        let failed = save
            .value()
            .get()
            .and_then(|r| r.err())
            .filter(|e| !matches!(e, AppError::Invalid(_)));
        // A refused deletion names its entry: the message shows at the top, far from the row.
        let message = failed.map(|e| e.to_string()).or_else(|| {
            let refused = remove.value().get().and_then(|r| r.err())?;
            Some(match deleting.get_untracked() {
                Some(row) => format!("{} - {}: {refused}", row.code, row.description),
                None => refused.to_string(),
            })
        });
        message.map(
            |m| view! { <p class="error" role="alert" id="lookup-problem" tabindex="-1">{m}</p> },
        )
    };
    // Marked, a refused field is where the focus goes (focus_first_invalid_on_refusal).
    let invalid = move |field: &'static str| {
        move || {
            save.value()
                .with(|r| matches!(r, Some(Err(e)) if e.message_for(field).is_some()))
                .then_some("true")
        }
    };
    let field_error = move |field: &'static str| {
        move || {
            save.value()
                .get()
                .and_then(|r| r.err())
                .and_then(|e| e.message_for(field))
                .map(|m| view! { <span class="field-error" role="alert">{m}</span> })
        }
    };

    // A chart of accounts' code follows its own mask; any other table's is a short plain one.
    let plain_code = !matches!(kind, TableKind::Ledger(_));
    view! {
        <section class="card">
            <h1>{kind.title()}</h1>
            {problem}
            <p class="notice" role="status">{move || notice.get()}</p>
            {(!may_alter).then(|| view! {
                <p class="notice" role="note">"Somente leitura: seu perfil não permite alterar esta tabela."</p>
            })}
            <ConfirmDialog
                id="delete-entry"
                open=confirming
                question=question
                detail=delete_detail
                confirm_label="Excluir"
                on_confirm=confirm_delete
                explain_only=in_use
            />
            {may_alter.then(|| view! {
                <ActionForm action=save attr:id="lookup-form" attr:class="lookup-form" on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                    if ev.key() == "Escape" {
                        stop_editing();
                    }
                }>
                    // Which row the form now holds: the same fields serve a new one and an edit.
                    <p class="form-title">
                        {move || match editing.get() {
                            Some(row) => format!("Alterando {} - {}", row.code, row.description),
                            None => "Novo registro".to_string(),
                        }}
                    </p>
                    <input type="hidden" name="kind" value=kind.code() />
                    {move || editing.get().map(|row| view! {
                        <input type="hidden" name="id" value=row.id.to_string() />
                        <input type="hidden" name="version" value=row.version.to_string() />
                    })}
                    <div class="field">
                        <label for="lookup-code">"Código"</label>
                        <input
                            id="lookup-code"
                            name="input[code]"
                            maxlength=plain_code.then_some(rules::lookup::PLAIN_CODE_MAX)
                            prop:value=move || editing.get().map(|r| r.code).unwrap_or_default()
                            prop:readOnly=move || editing.get().is_some()
                            on:input=move |ev| {
                                typed_code.set_value(event_target_value(&ev));
                                notice.set(String::new());
                            }
                            aria-invalid=invalid("code")
                            aria-describedby=plain_code.then_some("lookup-code-hint")
                        />
                        {plain_code.then(|| view! {
                            <span class="hint" id="lookup-code-hint">"Até 10 letras e números; gravado em maiúsculas, sem acentos nem espaços."</span>
                        })}
                        {field_error("code")}
                    </div>
                    <div class="field">
                        <label for="lookup-description">"Descrição"</label>
                        <input id="lookup-description" name="input[description]" maxlength=rules::lookup::DESCRIPTION_MAX aria-invalid=invalid("description") prop:value=move || editing.get().map(|r| r.description).unwrap_or_default() />
                        {field_error("description")}
                    </div>
                    {kind.terms().map(|terms_kind| view! {
                        <For each=move || [generation.get()] key=|g| *g children=move |_| {
                            view! { <TermsFields kind=terms_kind row=editing.get_untracked() save /> }
                        } />
                    })}
                    <label class="check">
                        <input type="checkbox" name="active" prop:checked=move || editing.get().map(|r| r.active).unwrap_or(true) />
                        "Ativo"
                    </label>
                    <label class="check">
                        <input type="checkbox" name="copy_to_all" />
                        "Copiar para as outras empresas em que atuo"
                    </label>
                    <div class="actions">
                        <button type="submit" class="primary">{move || if editing.get().is_some() { "Gravar alteração" } else { "Incluir" }}</button>
                        {move || editing.get().is_some().then(|| view! {
                            <button type="button" on:click=move |_| stop_editing()>"Cancelar"</button>
                        })}
                    </div>
                </ActionForm>
            })}
        </section>
        <section class="card">
            <div class="field">
                <label for="lookup-filter">"Filtrar"</label>
                <input id="lookup-filter" type="search" prop:value=move || filter.get() on:input=move |ev| filter.set(event_target_value(&ev)) />
            </div>
            <Transition fallback=|| view! { <p class="loading">"Carregando…"</p> }>
                {move || Suspend::new(async move {
                    match rows.await {
                        Ok(all) => {
                            let needle = rules::city::fold(&filter.get());
                            let shown: Vec<LookupRow> = all
                                .into_iter()
                                .filter(|r| needle.is_empty() || rules::city::fold(&format!("{} {}", r.code, r.description)).contains(&needle))
                                .collect();
                            view! { <LookupRows rows=shown kind editing deleting confirming may_alter /> }.into_any()
                        }
                        Err(e) => view! { <p class="error" role="alert">{e.to_string()}</p> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn LookupRows(
    rows: Vec<LookupRow>,
    kind: TableKind,
    editing: RwSignal<Option<LookupRow>>,
    deleting: RwSignal<Option<LookupRow>>,
    confirming: RwSignal<bool>,
    may_alter: bool,
) -> impl IntoView {
    if rows.is_empty() {
        return view! { <p class="muted">"Nenhum registro."</p> }.into_any();
    }
    view! {
        <table class="lookups" aria-label=kind.title()>
            <thead>
                <tr><th scope="col">"Código"</th><th scope="col">"Descrição"</th><th scope="col">"Situação"</th>{kind.terms().map(terms_headers)}<th scope="col" class="number">"Clientes"</th>{may_alter.then(|| view! { <th scope="col"><span class="visually-hidden">"Ações"</span></th> })}</tr>
            </thead>
            <tbody>
                {rows.into_iter().map(|row| {
                    let edit_row = row.clone();
                    let delete_row = row.clone();
                    let id = row.id;
                    view! {
                        <tr class:editing=move || editing.with(|e| e.as_ref().is_some_and(|r| r.id == id))>
                            <td class="code" data-label="Código">{row.code.clone()}</td>
                            <td data-label="Descrição">{row.description.clone()}</td>
                            <td data-label="Situação">{if row.active { "Ativo" } else { "Inativo" }}</td>
                            {kind.terms().map(|terms_kind| terms_cells(terms_kind, row.terms.as_ref()))}
                            <td class="number" data-label="Clientes">{customers_label(kind.terms(), row.terms.as_ref(), row.customers)}</td>
                            {may_alter.then(|| view! {
                                <td class="actions">
                                    <div class="row-actions">
                                        <button type="button" id=format!("edit-{}", row.id) aria-label=format!("Editar {}", row.code) on:click=move |_| {
                                            editing.set(Some(edit_row.clone()));
                                            focus_form();
                                        }>"Editar"</button>
                                        <button type="button" class="danger" aria-label=format!("Excluir {}", row.code) on:click=move |_| {
                                            deleting.set(Some(delete_row.clone()));
                                            confirming.set(true);
                                        }>"Excluir"</button>
                                    </div>
                                </td>
                            })}
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}

/// Takes the user to the form with the row just picked: its description gets the focus (and
/// the page scrolls to it), on a long table as on a phone.
fn focus_form() {
    request_animation_frame(|| {
        use leptos::wasm_bindgen::JsCast;
        if let Some(input) = document()
            .get_element_by_id("lookup-description")
            .and_then(|e| e.dyn_into::<leptos::web_sys::HtmlElement>().ok())
        {
            let _ = input.focus();
        }
    });
}
