//! A receivable's settlements, standing and reversed, each with who recorded it; one standing
//! can be reversed (estornada) after a confirmation — its money goes back to the receivable's
//! balance, and to the advance when an advance paid it.

use leptos::prelude::*;
use rules::money::format_brl;

use crate::api::resource::api_resource;
use crate::api::{receivable_settlements, ReverseSettlement};
use crate::components::confirm_dialog::ConfirmDialog;
use crate::customers::advance_types::SettlementRow;
use crate::customers::credit_types::ReceivableRow;
use crate::error::AppError;

use super::receivable_forms::reloaded_after;

#[component]
pub fn SettlementsList(
    row: ReceivableRow,
    may_reverse: bool,
    done: Callback<String>,
    close: Callback<()>,
) -> impl IntoView {
    let receivable_id = row.id;
    let settlements = api_resource(|| (), move |_| receivable_settlements(receivable_id));
    let reverse = ServerAction::<ReverseSettlement>::new();
    let asking = RwSignal::new(false);
    let chosen = RwSignal::new(None::<SettlementRow>);
    let document = row.document.clone();
    Effect::new(move |_| {
        if let Some(Ok(())) = reverse.value().get() {
            let what = chosen
                .get_untracked()
                .map(|s| format!("{} de {}", format_brl(s.principal), s.paid_on))
                .unwrap_or_default();
            done.run(format!("Baixa {what} de {document} estornada."));
        }
        // Someone else changed it (reversed it first): what the user sees is stale.
        if let Some(Err(AppError::Conflict(message))) = reverse.value().get() {
            done.run(reloaded_after(&message));
        }
    });
    let refused = move || {
        reverse
            .value()
            .get()
            .and_then(Result::err)
            .map(|e| view! { <p class="error" role="alert">{e.to_string()}</p> })
    };
    let question = Signal::derive(move || {
        chosen
            .get()
            .map(|s| {
                format!(
                    "Estornar a baixa de {} de {}?",
                    format_brl(s.principal),
                    s.paid_on
                )
            })
            .unwrap_or_default()
    });
    view! {
        <section class="finance-form" aria-labelledby="settlements-title">
            <h3 id="settlements-title" tabindex="-1">{format!("Baixas de {}", row.document)}</h3>
            {row.cancellation.clone().map(|text| view! { <p class="cancellation">{text}</p> })}
            <Transition fallback=|| view! { <p class="loading">"Carregando…"</p> }>
                {move || Suspend::new(async move {
                    match settlements.await {
                        Ok(rows) if rows.is_empty() => view! { <p>"Nenhuma baixa neste título."</p> }.into_any(),
                        Ok(rows) => view! {
                            <table class="ledger settlements">
                                <caption class="visually-hidden">"Baixas do título"</caption>
                                <thead>
                                    <tr>
                                        <th scope="col">"Pagamento"</th>
                                        <th scope="col">"Meio"</th>
                                        <th scope="col" class="money">"Principal"</th>
                                        <th scope="col" class="money">"Juros"</th>
                                        <th scope="col" class="money">"Multa"</th>
                                        <th scope="col" class="money">"Desconto"</th>
                                        <th scope="col" class="money">"Recebido"</th>
                                        <th scope="col">"Registrada por"</th>
                                        <th scope="col">"Situação"</th>
                                    </tr>
                                </thead>
                                <tbody>
                                    {rows.into_iter().map(|s| {
                                        let standing = s.reversed.is_none();
                                        let for_reverse = s.clone();
                                        // Each button says which settlement it reverses.
                                        let reverse_label =
                                            format!("Estornar a baixa de {} de {}", format_brl(s.principal), s.paid_on);
                                        view! {
                                            <tr class:reversed=!standing>
                                                <td class="date" data-label="Pagamento">{s.paid_on.clone()}</td>
                                                <td data-label="Meio">{s.means.clone()}</td>
                                                <td class="money" data-label="Principal">{format_brl(s.principal)}</td>
                                                <td class="money" data-label="Juros">{format_brl(s.interest)}</td>
                                                <td class="money" data-label="Multa">{format_brl(s.late_fee)}</td>
                                                <td class="money" data-label="Desconto">{format_brl(s.discount)}</td>
                                                // What the customer paid: what the bank statement shows.
                                                <td class="money" data-label="Recebido">{format_brl(s.principal + s.interest + s.late_fee - s.discount)}</td>
                                                <td data-label="Registrada por">{s.by.clone()}</td>
                                                <td data-label="Situação">
                                                    {match s.reversed.clone() {
                                                        Some(text) => view! { <span>{text}</span> }.into_any(),
                                                        // The status first, then what may be done to it.
                                                        None if may_reverse => view! {
                                                            <span>"Válida"</span>" "
                                                            <button type="button" aria-label=reverse_label on:click=move |_| {
                                                                chosen.set(Some(for_reverse.clone()));
                                                                asking.set(true);
                                                            }>"Estornar"</button>
                                                        }.into_any(),
                                                        None => view! { <span>"Válida"</span> }.into_any(),
                                                    }}
                                                </td>
                                            </tr>
                                        }
                                    }).collect_view()}
                                </tbody>
                            </table>
                        }.into_any(),
                        Err(error) => view! { <p class="error" role="alert">{error.to_string()}</p> }.into_any(),
                    }
                })}
            </Transition>
            {refused}
            <button type="button" on:click=move |_| close.run(())>"Fechar"</button>
            <ConfirmDialog
                id="reverse-settlement"
                open=asking
                question
                detail=Signal::derive(|| "O valor volta ao saldo do título (e ao adiantamento, quando foi ele que pagou). O estorno fica registrado.".to_string())
                confirm_label="Estornar"
                on_confirm=Callback::new(move |()| {
                    if let Some(s) = chosen.get_untracked() {
                        reverse.dispatch(ReverseSettlement { settlement_id: s.id });
                    }
                })
            />
        </section>
    }
}
