//! "Lotes": the company's batches of "alterar todos", newest first, each undoable as a whole
//! while none of its customers changed since.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::{list_batches, UndoBatch};
use crate::components::protected::protected;
use crate::customers::bulk_types::BatchView;
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
    view! {
        <section class="card">
            <h1>"Lotes de alteração"</h1>
            <p class="muted">"Cada “alterar todos” gravado. Desfazer volta todos os clientes do lote ao valor anterior, se nenhum foi alterado depois."</p>
            {move || undo.value().get().and_then(|r| r.err()).map(|e| view! { <p class="error" role="alert">{e.to_string()}</p> })}
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
                                            <td data-label="Quando">{b.applied_at}</td>
                                            <td data-label="Quem">{b.user_name}</td>
                                            <td data-label="Alteração">{b.summary}</td>
                                            <td data-label="Clientes">{b.customer_count}</td>
                                            <td data-label="Situação">
                                                {match b.undone {
                                                    Some(text) => view! { <span>{text}</span> }.into_any(),
                                                    None => view! {
                                                        <ActionForm action=undo>
                                                            <input type="hidden" name="batch_id" value=b.id.to_string() />
                                                            <button type="submit" aria-label=format!("Desfazer lote {}", b.id)>"Desfazer"</button>
                                                        </ActionForm>
                                                    }.into_any(),
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
