//! "Lotes": the company's batches of "alterar todos", newest first, each undoable as a whole
//! while none of its customers changed since. Undoing asks first, in the page, naming the batch,
//! how many customers and which fields go back; then says what was done.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::resource::{api_resource, ApiResource};
use crate::api::{list_batches, PreviewUndo, UndoBatch};
use crate::components::confirm_dialog::ConfirmDialog;
use crate::components::focus::focus_by_id;
use crate::components::protected::protected;
use crate::customers::bulk_types::{BatchView, UndoPreview};
use crate::customers::list_types::thousands;

#[component]
pub fn BatchesPage() -> impl IntoView {
    // Made outside the signed-in gate, once (see `protected`).
    let preview = ServerAction::<PreviewUndo>::new();
    let undo = ServerAction::<UndoBatch>::new();
    let batches = api_resource(move || undo.version().get(), |_| list_batches());
    view! {
        <Title text="Lotes · Clientela" />
        {protected(move |_| view! { <Batches preview undo batches /> })}
    }
}

#[component]
fn Batches(
    preview: ServerAction<PreviewUndo>,
    undo: ServerAction<UndoBatch>,
    batches: ApiResource<Vec<BatchView>>,
) -> impl IntoView {
    // What undoing the chosen batch would do now, as the server sees it; the dialog asks that.
    let asking = RwSignal::new(None::<UndoPreview>);
    let confirming = RwSignal::new(false);
    let undoing = StoredValue::new(None::<i64>);
    let done = RwSignal::new(String::new());
    Effect::new(move |_| {
        if let Some(Ok(found)) = preview.value().get() {
            asking.set(Some(found));
            confirming.set(true);
        }
    });
    Effect::new(move |_| match undo.value().get() {
        Some(Ok(result)) => {
            if let Some(batch_id) = undoing.get_value() {
                done.set(undone_message(batch_id, result.restored, result.kept));
            }
            // The button that opened the dialog is gone with the undo: keep the reader here.
            focus_by_id("undo-status");
        }
        Some(Err(_)) => done.set(String::new()),
        None => {}
    });
    let question =
        Signal::derive(move || asking.with(|p| p.as_ref().map(undo_question).unwrap_or_default()));
    let detail =
        Signal::derive(move || asking.with(|p| p.as_ref().map(undo_detail).unwrap_or_default()));
    let confirm = Callback::new(move |()| {
        if let Some(found) = asking.get_untracked() {
            done.set(format!("Desfazendo o lote {}…", found.batch_id));
            // The user saw which customers stay as they are: those are kept, the rest go back.
            undo.dispatch(UndoBatch {
                batch_id: found.batch_id,
                keep_changed: found.kept > 0,
            });
            undoing.set_value(Some(found.batch_id));
        }
    });
    let failure = move || {
        preview
            .value()
            .get()
            .and_then(|r| r.err())
            .or_else(|| undo.value().get().and_then(|r| r.err()))
            .map(|e| view! { <p class="error" role="alert">{e.to_string()}</p> })
    };
    view! {
        <section class="card">
            <h1>"Lotes de alteração"</h1>
            <p class="muted">"Cada “alterar todos” gravado. Desfazer volta os clientes do lote ao valor anterior; quem teve um campo do lote alterado depois fica como está, com todos os valores do lote."</p>
            // Always in the page, so that screen readers announce what is put in it.
            <p id="undo-status" class="notice" role="status" tabindex="-1">{move || done.get()}</p>
            {failure}
            <ConfirmDialog
                id="undo-batch"
                open=confirming
                question=question
                detail=detail
                confirm_label="Desfazer lote"
                on_confirm=confirm
            />
            <Transition fallback=|| view! { <p class="loading">"Carregando…"</p> }>
                {move || Suspend::new(async move {
                    match batches.await {
                        Ok(rows) if rows.is_empty() => view! { <p class="muted">"Nenhum lote gravado nesta empresa."</p> }.into_any(),
                        Ok(rows) => view! {
                            <table class="history batches">
                                <thead><tr>
                                    <th scope="col">"Lote"</th><th scope="col">"Quando"</th><th scope="col">"Quem"</th>
                                    <th scope="col">"Alteração"</th><th scope="col">"Clientes"</th><th scope="col">"Situação"</th>
                                </tr></thead>
                                <tbody>
                                    {rows.into_iter().map(|b| view! {
                                        // The applied batch's result links here as #lote-N.
                                        <tr id=format!("lote-{}", b.id)>
                                            <td data-label="Lote"><a href=format!("/clientes{}", b.filter)>{b.id}</a></td>
                                            <td data-label="Quando">{b.applied_at.clone()}</td>
                                            <td data-label="Quem">{b.user_name.clone()}</td>
                                            <td data-label="Alteração">{b.summary.clone()}</td>
                                            <td data-label="Clientes">{thousands(i64::from(b.customer_count))}</td>
                                            <td data-label="Situação">
                                                {match b.undone.clone() {
                                                    Some(text) => view! { <span>{text}</span> }.into_any(),
                                                    None => {
                                                        let label = format!("Desfazer lote {}", b.id);
                                                        let batch_id = b.id;
                                                        view! {
                                                            // Its state first, then what can be done with it.
                                                            <span>"Aplicado · "</span>
                                                            <button
                                                                type="button"
                                                                aria-label=label
                                                                aria-haspopup="dialog"
                                                                // Not disabled while the preview loads: a disabled button
                                                                // loses the focus, which the dialog must give back to it.
                                                                aria-disabled=move || preview.pending().get().then_some("true")
                                                                disabled=move || undo.pending().get()
                                                                on:click=move |_| {
                                                                    if preview.pending().get_untracked() {
                                                                        return;
                                                                    }
                                                                    preview.dispatch(PreviewUndo { batch_id });
                                                                }
                                                            >
                                                                "Desfazer"
                                                            </button>
                                                        }.into_any()
                                                    }
                                                }}
                                            </td>
                                        </tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        }.into_any(),
                        Err(error) => view! { <p class="error" role="alert">{error.to_string()}</p> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

/// "Vendedor", "Vendedor e Situação", "Vendedor, Cidade e Situação".
fn listed(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} e {last}", init.join(", ")),
    }
}

fn customers(count: i64) -> String {
    match count {
        1 => "1 cliente".to_string(),
        n => format!("{} clientes", thousands(n)),
    }
}

/// "Desfazer o lote 7: 395 clientes voltam ao valor anterior de Vendedor?"
fn undo_question(found: &UndoPreview) -> String {
    let verb = if found.restorable == 1 {
        "volta"
    } else {
        "voltam"
    };
    let fields = listed(&found.fields);
    let of_fields = if fields.is_empty() {
        String::new()
    } else {
        format!(" de {fields}")
    };
    format!(
        "Desfazer o lote {}: {} {verb} ao valor anterior{of_fields}?",
        found.batch_id,
        customers(found.restorable)
    )
}

/// What else the user should know before confirming: who stays as they are, and why.
fn undo_detail(found: &UndoPreview) -> String {
    if found.kept == 0 {
        "Cada cliente volta ao valor que tinha antes do lote; o histórico de cada um registra a volta."
            .to_string()
    } else {
        let stay = if found.kept == 1 {
            "fica como está, com todos os valores do lote"
        } else {
            "ficam como estão, com todos os valores do lote"
        };
        format!("{} {stay}: {}.", customers(found.kept), found.kept_reasons)
    }
}

/// "Lote 7 desfeito: 395 clientes voltaram ao valor anterior; 3 clientes mantidos."
fn undone_message(batch_id: i64, restored: i64, kept: i64) -> String {
    let verb = if restored == 1 { "voltou" } else { "voltaram" };
    let kept = match kept {
        0 => String::new(),
        1 => "; 1 cliente mantido como estava".to_string(),
        n => format!("; {} mantidos como estavam", customers(n)),
    };
    format!(
        "Lote {batch_id} desfeito: {} {verb} ao valor anterior{kept}.",
        customers(restored)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(batch_id: i64, fields: &[&str], restorable: i64, kept: i64) -> UndoPreview {
        UndoPreview {
            batch_id,
            fields: fields.iter().map(|f| f.to_string()).collect(),
            restorable,
            kept,
            kept_reasons: if kept > 0 {
                "1 cliente teve um campo do lote alterado depois dele (código 12)".into()
            } else {
                String::new()
            },
        }
    }

    #[test]
    fn the_undo_question_names_the_batch_the_count_and_the_fields_going_back() {
        assert_eq!(
            undo_question(&found(7, &["Vendedor"], 395, 0)),
            "Desfazer o lote 7: 395 clientes voltam ao valor anterior de Vendedor?"
        );
        assert_eq!(
            undo_question(&found(8, &["Situação", "Vendedor"], 1, 0)),
            "Desfazer o lote 8: 1 cliente volta ao valor anterior de Situação e Vendedor?"
        );
        assert_eq!(
            undo_question(&found(9, &["Bairro", "Cidade", "Situação"], 12_345, 0)),
            "Desfazer o lote 9: 12.345 clientes voltam ao valor anterior de Bairro, Cidade e Situação?"
        );
    }

    #[test]
    fn the_dialog_says_who_stays_as_they_are_and_why() {
        assert!(undo_detail(&found(7, &["Vendedor"], 3, 0)).starts_with("Cada cliente volta"));
        assert_eq!(
            undo_detail(&found(7, &["Vendedor"], 3, 1)),
            "1 cliente fica como está, com todos os valores do lote: 1 cliente teve um campo do lote alterado depois dele (código 12)."
        );
    }

    #[test]
    fn the_undone_message_says_how_many_went_back_and_how_many_were_kept() {
        assert_eq!(
            undone_message(7, 395, 0),
            "Lote 7 desfeito: 395 clientes voltaram ao valor anterior."
        );
        assert_eq!(
            undone_message(3, 1, 2),
            "Lote 3 desfeito: 1 cliente voltou ao valor anterior; 2 clientes mantidos como estavam."
        );
    }
}
