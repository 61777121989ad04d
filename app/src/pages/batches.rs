//! "Lotes": the company's batches of "alterar todos", newest first, each undoable as a whole
//! while none of its customers changed since. Undoing asks first, in the page, naming the batch,
//! how many customers and which fields go back; then says what was done.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::{list_batches, UndoBatch};
use crate::components::confirm_dialog::ConfirmDialog;
use crate::components::protected::protected;
use crate::customers::bulk_types::BatchView;
use crate::customers::list_types::thousands;
use crate::error::AppError;

#[component]
pub fn BatchesPage() -> impl IntoView {
    // Made outside the signed-in gate, once (see `protected`).
    let undo = ServerAction::<UndoBatch>::new();
    let batches = Resource::new(move || undo.version().get(), |_| list_batches());
    view! {
        <Title text="Lotes · Clientela" />
        {protected(move |_| view! { <Batches undo batches /> })}
    }
}

#[component]
fn Batches(
    undo: ServerAction<UndoBatch>,
    batches: Resource<Result<Vec<BatchView>, AppError>>,
) -> impl IntoView {
    // The batch the dialog asks about, and the one being undone (the answer names it).
    let asking = RwSignal::new(None::<BatchView>);
    let confirming = RwSignal::new(false);
    let undoing = StoredValue::new(None::<BatchView>);
    let done = RwSignal::new(String::new());
    let status = NodeRef::<leptos::html::P>::new();
    Effect::new(move |_| match undo.value().get() {
        Some(Ok(result)) => {
            if let Some(batch) = undoing.get_value() {
                done.set(undone_message(batch.id, result.restored));
            }
            // The button that opened the dialog is gone with the undo: keep the reader here.
            if let Some(status) = status.get_untracked() {
                let _ = status.focus();
            }
        }
        Some(Err(_)) => done.set(String::new()),
        None => {}
    });
    let question =
        Signal::derive(move || asking.with(|b| b.as_ref().map(undo_question).unwrap_or_default()));
    let confirm = Callback::new(move |()| {
        if let Some(batch) = asking.get_untracked() {
            done.set(format!("Desfazendo o lote {}…", batch.id));
            // Customers changed since the batch refuse the whole undo; the error names them.
            undo.dispatch(UndoBatch {
                batch_id: batch.id,
                keep_changed: false,
            });
            undoing.set_value(Some(batch));
        }
    });
    view! {
        <section class="card">
            <h1>"Lotes de alteração"</h1>
            <p class="muted">"Cada “alterar todos” gravado. Desfazer volta todos os clientes do lote ao valor anterior, se nenhum foi alterado depois."</p>
            // Always in the page, so that screen readers announce what is put in it.
            <p class="notice" role="status" tabindex="-1" node_ref=status>{move || done.get()}</p>
            {move || undo.value().get().and_then(|r| r.err()).map(|e| view! { <p class="error" role="alert">{e.to_string()}</p> })}
            <ConfirmDialog
                id="undo-batch"
                open=confirming
                question=question
                detail="Se algum desses clientes foi alterado depois do lote, nada é desfeito.".to_string()
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
                                        <tr>
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
                                                        view! {
                                                            <button
                                                                type="button"
                                                                aria-label=label
                                                                aria-haspopup="dialog"
                                                                disabled=move || undo.pending().get()
                                                                on:click=move |_| {
                                                                    asking.set(Some(b.clone()));
                                                                    confirming.set(true);
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

/// The fields a batch wrote, read from its summary ("Vendedor: 02 - Bruna Souza; Situação:
/// Inativo"): the name before each part's ':'. Only declared bulk fields count, so a value
/// holding "; " or ':' cannot pass for a field.
fn batch_fields(summary: &str) -> Vec<&str> {
    summary
        .split("; ")
        .filter_map(|part| part.split_once(':').map(|(name, _)| name.trim()))
        .filter(|name| rules::bulk::BULK_FIELDS.iter().any(|f| f.label() == *name))
        .collect()
}

/// "Vendedor", "Vendedor e Situação", "Vendedor, Cidade e Situação".
fn listed(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => one.to_string(),
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
fn undo_question(batch: &BatchView) -> String {
    let verb = if batch.customer_count == 1 {
        "volta"
    } else {
        "voltam"
    };
    let fields = listed(&batch_fields(&batch.summary));
    let of_fields = if fields.is_empty() {
        String::new()
    } else {
        format!(" de {fields}")
    };
    format!(
        "Desfazer o lote {}: {} {verb} ao valor anterior{of_fields}?",
        batch.id,
        customers(i64::from(batch.customer_count))
    )
}

/// "Lote 7 desfeito: 395 clientes voltaram ao valor anterior."
fn undone_message(batch_id: i64, restored: i64) -> String {
    let verb = if restored == 1 { "voltou" } else { "voltaram" };
    format!(
        "Lote {batch_id} desfeito: {} {verb} ao valor anterior.",
        customers(restored)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn batch(id: i64, summary: &str, customer_count: i32) -> BatchView {
        BatchView {
            id,
            applied_at: "23/11/2026 10:00".into(),
            user_name: "Ana Administradora".into(),
            summary: summary.into(),
            filter: String::new(),
            customer_count,
            undone: None,
        }
    }

    #[test]
    fn the_undo_question_names_the_batch_the_count_and_the_fields_going_back() {
        assert_eq!(
            undo_question(&batch(7, "Vendedor: 02 - Bruna Souza", 395)),
            "Desfazer o lote 7: 395 clientes voltam ao valor anterior de Vendedor?"
        );
        assert_eq!(
            undo_question(&batch(
                8,
                "Vendedor: 02 - Bruna; Souza; Situação: Inativo",
                1
            )),
            "Desfazer o lote 8: 1 cliente volta ao valor anterior de Vendedor e Situação?"
        );
        assert_eq!(
            undo_question(&batch(9, "Cidade: SAO LEOPOLDO - RS; Bairro: Centro; Situação: Ativo", 12_345)),
            "Desfazer o lote 9: 12.345 clientes voltam ao valor anterior de Cidade, Bairro e Situação?"
        );
    }

    #[test]
    fn a_value_holding_a_colon_is_not_taken_for_a_field() {
        assert_eq!(
            batch_fields("Bairro: Centro; Nota: 10; Situação: Ativo"),
            ["Bairro", "Situação"]
        );
    }

    #[test]
    fn the_undone_message_says_how_many_went_back() {
        assert_eq!(
            undone_message(7, 395),
            "Lote 7 desfeito: 395 clientes voltaram ao valor anterior."
        );
        assert_eq!(
            undone_message(3, 1),
            "Lote 3 desfeito: 1 cliente voltou ao valor anterior."
        );
    }
}
