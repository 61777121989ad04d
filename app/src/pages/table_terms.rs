//! The terms of a price list, a payment plan, a carrier, a vehicle or a chart account on the
//! "Tabelas" screen: the form's fields and the list's columns (R-SALES-4/5/10/12). The other
//! tables have none.

use leptos::prelude::*;
use rules::sales::table_terms::Terms;
use rules::table_kind::{LedgerChart, LinkedKind, TermsKind};

use crate::api::SaveLookup;
use crate::components::date_input::DateInput;
use crate::lookups::LookupRow;

/// The terms' fields, filled from the row being edited (`None`: a new row).
#[component]
pub fn TermsFields(
    kind: TermsKind,
    row: Option<LookupRow>,
    save: ServerAction<SaveLookup>,
) -> impl IntoView {
    let input = row
        .and_then(|r| r.terms)
        .unwrap_or_else(|| Terms {
            // A new plan starts as a plan for everyone, as the original ERP's do.
            all_customers: true,
            ..Terms::default()
        })
        .input();
    let kind = match kind {
        TermsKind::Linked(kind) => kind,
        TermsKind::Ledger(chart) => return account_fields(chart, input, save).into_any(),
    };
    let message = move |field: &'static str| {
        save.value()
            .get()
            .and_then(|r| r.err())
            .and_then(|e| e.message_for(&format!("terms[{field}]")))
    };
    let error = move |field: &'static str| {
        move || {
            message(field).map(|m| {
                view! { <span class="field-error" id=format!("terms-{field}-error") role="alert">{m}</span> }
            })
        }
    };
    let date = move |field: &'static str, label: &'static str, stored: String| {
        let id = if field == "valid_from" {
            "terms-valid-from"
        } else {
            "terms-valid-to"
        };
        let name = if field == "valid_from" {
            "terms[valid_from]"
        } else {
            "terms[valid_to]"
        };
        view! {
            <div class="field">
                <label for=id>{label}</label>
                <DateInput
                    id
                    name
                    stored
                    invalid=Signal::derive(move || message(field).map(|_| "true"))
                    described_by=Signal::derive(move || message(field).map(|_| format!("terms-{field}-error")))
                />
                {error(field)}
            </div>
        }
    };
    let iso = |shown: &str| {
        rules::date_input::parse(shown)
            .ok()
            .flatten()
            .unwrap_or_default()
    };
    let (from, to) = (iso(&input.valid_from), iso(&input.valid_to));
    let specific = match kind {
        LinkedKind::PriceList => view! {
            <label class="check">
                <input type="checkbox" name="terms[public]" checked=!input.public.is_empty() />
                "Pública (serve a todos os clientes que não usam somente listas próprias)"
            </label>
        }
        .into_any(),
        LinkedKind::PaymentPlan => view! {
            <div class="field">
                <label for="terms-installments">"Parcelas (dias)"</label>
                <input
                    id="terms-installments"
                    name="terms[installments]"
                    inputmode="numeric"
                    autocomplete="off"
                    value=input.installments.clone()
                    aria-describedby="terms-installments-hint"
                    aria-invalid=move || message("installments").map(|_| "true")
                />
                <span class="hint" id="terms-installments-hint">"Ex.: 30/60/90; 0 para à vista."</span>
                {error("installments")}
            </div>
            <div class="field">
                <label for="terms-minimum">"Valor mínimo do pedido (R$)"</label>
                <input
                    id="terms-minimum"
                    name="terms[minimum_order_value]"
                    inputmode="decimal"
                    autocomplete="off"
                    value=input.minimum_order_value.clone()
                    aria-invalid=move || message("minimum_order_value").map(|_| "true")
                />
                {error("minimum_order_value")}
            </div>
            <label class="check">
                <input type="checkbox" name="terms[uses_credit]" checked=!input.uses_credit.is_empty() />
                "Usa limite de crédito"
            </label>
            <label class="check">
                <input type="checkbox" name="terms[all_customers]" checked=!input.all_customers.is_empty() />
                "Para todos os clientes (desmarcado: só os que têm o plano no padrão para vendas)"
            </label>
        }
        .into_any(),
        LinkedKind::Carrier => {
            let driver = input.carrier_kind == "driver";
            view! {
                <div class="field">
                    <label for="terms-carrier-kind">"Tipo"</label>
                    <select id="terms-carrier-kind" name="terms[carrier_kind]">
                        <option value="carrier" selected=!driver>"Transportadora (CNPJ)"</option>
                        <option value="driver" selected=driver>"Motorista (CPF)"</option>
                    </select>
                </div>
                <div class="field">
                    <label for="terms-document">"CPF/CNPJ"</label>
                    <input id="terms-document" name="terms[document]" autocomplete="off"
                        value=input.document.clone()
                        aria-invalid=move || message("document").map(|_| "true")
                        aria-describedby=move || message("document").map(|_| "terms-document-error") />
                    {error("document")}
                </div>
            }
            .into_any()
        }
        LinkedKind::FleetVehicle => view! {
            <div class="field">
                <label for="terms-plate">"Placa"</label>
                <input id="terms-plate" name="terms[plate]" autocomplete="off" maxlength="8"
                    value=input.plate.clone()
                    aria-describedby="terms-plate-hint"
                    aria-invalid=move || message("plate").map(|_| "true") />
                <span class="hint" id="terms-plate-hint">"Mercosul (ABC1D23) ou antiga (ABC-1234)."</span>
                {error("plate")}
            </div>
        }
        .into_any(),
    };
    let legend = match kind {
        LinkedKind::PriceList => "Condições da lista",
        LinkedKind::PaymentPlan => "Condições do plano",
        LinkedKind::Carrier => "Documento",
        LinkedKind::FleetVehicle => "Veículo",
    };
    let validity = kind.is_commercial().then(|| {
        view! {
            {date("valid_from", "Válida de", from)}
            {date("valid_to", "Válida até", to)}
        }
    });
    view! {
        <fieldset class="terms">
            <legend>{legend}</legend>
            {specific}
            {validity}
        </fieldset>
    }
    .into_any()
}

/// A chart account's nature and, for a managerial one, the real account it is linked to.
fn account_fields(
    chart: LedgerChart,
    input: rules::sales::table_terms::TermsInput,
    save: ServerAction<SaveLookup>,
) -> impl IntoView {
    let message = move || {
        save.value()
            .get()
            .and_then(|r| r.err())
            .and_then(|e| e.message_for("terms[real_account]"))
    };
    let synthetic = input.account_kind == "synthetic";
    let link = (chart == LedgerChart::Managerial).then(|| {
        view! {
            <div class="field">
                <label for="terms-real-account">"Conta real vinculada"</label>
                <input id="terms-real-account" name="terms[real_account]" autocomplete="off"
                    autocapitalize="characters" value=input.real_account.clone()
                    aria-describedby="terms-real-account-hint"
                    aria-invalid=move || message().map(|_| "true") />
                {move || message().map(|m| view! { <span class="field-error" role="alert">{m}</span> })}
                <span class="hint" id="terms-real-account-hint">"Da mesma natureza, em Contas contábeis reais. Ex.: 1.1.01.02.00000."</span>
            </div>
        }
    });
    view! {
        <fieldset class="terms">
            <legend>"Conta"</legend>
            <div class="field">
                <label for="terms-account-kind">"Tipo"</label>
                <select id="terms-account-kind" name="terms[account_kind]" aria-describedby="terms-account-kind-hint">
                    <option value="analytic" selected=!synthetic>"Analítica"</option>
                    <option value="synthetic" selected=synthetic>"Sintética"</option>
                </select>
                <span class="hint" id="terms-account-kind-hint">"Sintética agrupa contas; analítica recebe lançamentos."</span>
            </div>
            {link}
        </fieldset>
    }
}

/// The column headers of the terms, in the order `terms_cells` fills them.
pub fn terms_headers(kind: TermsKind) -> impl IntoView {
    let headers: &[&str] = match kind {
        TermsKind::Linked(LinkedKind::Carrier) => &["Tipo", "CPF/CNPJ"],
        TermsKind::Linked(LinkedKind::FleetVehicle) => &["Placa"],
        TermsKind::Linked(_) => &["Condições", "Vigência"],
        TermsKind::Ledger(LedgerChart::Managerial) => &["Tipo", "Conta real"],
        TermsKind::Ledger(LedgerChart::Real) => &["Tipo"],
    };
    headers
        .iter()
        .map(|h| view! { <th scope="col">{*h}</th> })
        .collect_view()
}

/// The "Clientes" cell: how many customers have the entry; a public price list or a plan for all
/// customers serves everyone, so "0" would mislead. (A kind's terms keep the other kinds' flags
/// at their defaults: only its own flag counts.)
pub fn customers_label(kind: Option<TermsKind>, terms: Option<&Terms>, linked: i64) -> String {
    let count = rules::display::thousands(linked);
    let serves_everyone = |terms: &Terms| match kind {
        Some(TermsKind::Linked(LinkedKind::PriceList)) => terms.public,
        Some(TermsKind::Linked(LinkedKind::PaymentPlan)) => terms.all_customers,
        _ => false,
    };
    match terms {
        Some(terms) if serves_everyone(terms) => match linked {
            0 => "Todos".to_string(),
            1 => "Todos (1 vinculado)".to_string(),
            _ => format!("Todos ({count} vinculados)"),
        },
        _ => count,
    }
}

/// "30/60/90 dias · mínimo R$ 1.500,00 · usa crédito · clientes selecionados", or "Pública":
/// one cell that wraps, so the table keeps to the card's width.
pub fn terms_summary(kind: LinkedKind, terms: &Terms) -> String {
    match kind {
        LinkedKind::PriceList => if terms.public {
            "Pública"
        } else {
            "Só clientes vinculados"
        }
        .to_string(),
        LinkedKind::PaymentPlan => {
            let days = rules::sales::table_terms::format_installments(&terms.installment_days);
            let mut parts = vec![if days == "0" {
                "À vista".to_string()
            } else {
                format!("{days} dias")
            }];
            if let Some(minimum) = terms.minimum_order_value {
                parts.push(format!("mínimo {}", rules::money::format_brl(minimum)));
            }
            if terms.uses_credit {
                parts.push("usa crédito".to_string());
            }
            parts.push(
                if terms.all_customers {
                    "todos os clientes"
                } else {
                    "clientes selecionados"
                }
                .to_string(),
            );
            parts.join(" · ")
        }
        LinkedKind::Carrier => terms.carrier_kind_label().to_string(),
        LinkedKind::FleetVehicle => terms.input().plate,
    }
}

pub fn terms_cells(kind: TermsKind, terms: Option<&Terms>) -> impl IntoView {
    let terms = terms.cloned().unwrap_or_default();
    let kind = match kind {
        TermsKind::Linked(kind) => kind,
        TermsKind::Ledger(chart) => {
            let mut cells = vec![("Tipo", terms.nature_label().to_string())];
            if chart == LedgerChart::Managerial {
                cells.push(("Conta real", terms.real_account.unwrap_or_default()));
            }
            return cells
                .into_iter()
                .map(|(label, value)| view! { <td data-label=label>{value}</td> })
                .collect_view()
                .into_any();
        }
    };
    let cells: Vec<(&str, String)> = match kind {
        LinkedKind::Carrier => vec![
            ("Tipo", terms.carrier_kind_label().to_string()),
            ("CPF/CNPJ", terms.input().document),
        ],
        LinkedKind::FleetVehicle => vec![("Placa", terms.input().plate)],
        _ => vec![
            ("Condições", terms_summary(kind, &terms)),
            ("Vigência", terms.validity_label()),
        ],
    };
    cells
        .into_iter()
        .map(|(label, value)| view! { <td data-label=label>{value}</td> })
        .collect_view()
        .into_any()
}
