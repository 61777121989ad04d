//! `/empresa`: the sales settings of the company the user acts in (issue 11), for who holds
//! "alter company settings". What a new customer starts from (R-SALES-1) and what applies to a
//! customer without a value of their own (R-CREDIT-1, R-SALES-3/6/9).

use leptos::prelude::*;
use leptos_meta::Title;
use rules::permission::Permission;
use rules::sales::credit_use::{CreditOrder, CreditUse};

use crate::api::resource::api_resource;
use crate::api::{get_company_settings, SaveCompanySettings};
use crate::components::focus::focus_first_invalid_on_refusal;
use crate::components::history_table::HistoryTable;
use crate::components::protected::protected;
use crate::customers::company_settings_types::CompanySettingsView;
use crate::customers::sales_types::TableChoices;
use crate::error::AppError;

#[component]
pub fn CompanySettingsPage() -> impl IntoView {
    // Made outside the signed-in gate, once (see `protected`).
    let save = ServerAction::<SaveCompanySettings>::new();
    // Read again after a save that went through only: a refused one leaves the form as typed.
    let saves = RwSignal::new(0u32);
    Effect::new(move |_| {
        if let Some(Ok(())) = save.value().get() {
            saves.update(|n| *n += 1);
        }
    });
    let settings = api_resource(move || saves.get(), move |_| get_company_settings());
    view! {
        <Title text="Configurações da empresa · Clientela" />
        {protected(move |session| {
            if !session.can(Permission::AlterCompanySettings) {
                return view! {
                    <section class="card">
                        <h1>"Configurações da empresa"</h1>
                        <p class="error" role="alert">{AppError::Forbidden.to_string()}</p>
                    </section>
                }.into_any();
            }
            view! {
                <Transition fallback=|| view! { <p class="loading">"Carregando…"</p> }>
                    {move || Suspend::new(async move {
                        match settings.await {
                            // Keyed by the saved version: a save draws the form afresh, with its
                            // values as stored ("7.500,00" for a typed "7500"); redrawn in place,
                            // the fields would keep what was typed.
                            Ok(view) => view! {
                                <For each=move || [view.version] key=|version| *version let(_version)>
                                    <SettingsForm view=view.clone() save />
                                </For>
                            }.into_any(),
                            Err(error) => view! { <section class="card"><p class="error" role="alert">{error.to_string()}</p></section> }.into_any(),
                        }
                    })}
                </Transition>
            }.into_any()
        })}
    }
}

#[component]
fn SettingsForm(
    view: CompanySettingsView,
    save: ServerAction<SaveCompanySettings>,
) -> impl IntoView {
    let message = move |field: &'static str| {
        save.value().with(|r| {
            r.as_ref()
                .and_then(|r| r.as_ref().err())
                .and_then(|e| e.message_for(field))
        })
    };
    let field = move |field: &'static str,
                      label: &'static str,
                      value: String,
                      hint: &'static str| {
        let id = format!("settings-{field}");
        let error_id = format!("{id}-error");
        let hint_id = format!("{id}-hint");
        view! {
            <div class="field">
                <label for=id.clone()>{label}</label>
                <input id=id name=format!("input[{field}]") inputmode=if field == "ledger_code_width" { "numeric" } else { "decimal" } autocomplete="off" value=value
                    aria-invalid=move || message(field).map(|_| "true")
                    aria-describedby={let (e, h) = (error_id.clone(), hint_id.clone()); move || if message(field).is_some() { format!("{h} {e}") } else { h.clone() }} />
                <span class="hint" id=hint_id>{hint}</span>
                {move || message(field).map(|m| view! { <span class="field-error" role="alert" id=error_id.clone()>{m}</span> })}
            </div>
        }
    };
    let check = |name: &'static str, label: &'static str, checked: bool| {
        let id = format!("settings-{name}");
        let label_for = id.clone();
        view! {
            <div class="field checkbox">
                <label for=label_for>
                    <input type="checkbox" id=id name=format!("input[{name}]") checked=checked />
                    " " {label}
                </label>
            </div>
        }
    };
    // Account codes are text, not numbers: no numeric keyboard on a phone.
    let account = move |name: &'static str,
                        label: &'static str,
                        value: String,
                        hint: &'static str| {
        let id = format!("settings-{name}");
        let error_id = format!("{id}-error");
        let hint_id = format!("{id}-hint");
        view! {
            <div class="field">
                <label for=id.clone()>{label}</label>
                <input id=id name=format!("input[{name}]") autocomplete="off" autocapitalize="characters" value=value
                    aria-invalid=move || message(name).map(|_| "true")
                    aria-describedby={let (e, h) = (error_id.clone(), hint_id.clone()); move || if message(name).is_some() { format!("{h} {e}") } else { h.clone() }} />
                <span class="hint" id=hint_id>{hint}</span>
                {move || message(name).map(|m| view! { <span class="field-error" role="alert" id=error_id.clone()>{m}</span> })}
            </div>
        }
    };
    let choice = move |field: &'static str,
                       label: &'static str,
                       value: String,
                       choices: Vec<(&'static str, &'static str)>| {
        let id = format!("settings-{field}");
        view! {
            <div class="field">
                <label for=id.clone()>{label}</label>
                <select id=id name=format!("input[{field}]")>
                    {choices.into_iter().map(|(code, label)| view! { <option value=code selected=value == code>{label}</option> }).collect_view()}
                </select>
                {move || message(field).map(|m| view! { <span class="field-error" role="alert">{m}</span> })}
            </div>
        }
    };
    focus_first_invalid_on_refusal(save.value(), "company-settings-form");
    crate::components::focus::refocus_when_drawn_after_save(save.value(), "settings-save");
    // Drawn afresh after each save.
    crate::components::leave_guard::guard_form_while_mounted(
        "company-settings-form",
        "Há alterações não gravadas nas configurações da empresa. Sair sem gravar? As alterações serão perdidas.",
        || (),
    );
    let general_error = move || {
        save.value()
            .get()
            .and_then(|r| r.err())
            .filter(|e| !matches!(e, AppError::Invalid(_)))
            .map(|e| view! { <p class="error" role="alert">{e.to_string()}</p> })
    };
    let saved = move || {
        matches!(save.value().get(), Some(Ok(())))
            .then(|| view! { <p class="notice" role="status">"Configurações gravadas."</p> })
    };
    let input = view.input;
    // R-SALES-1: one select per table whose entry a new customer starts with.
    let entry_select = move |choices: TableChoices,
                             set: &'static str,
                             value: String,
                             field: &'static str,
                             label: String,
                             empty: &'static str| {
        let id = format!("settings-{}", choices.kind);
        let options = crate::components::entry_options::entry_options(choices.options, &value);
        view! {
            <div class="field">
                <label for=id.clone()>{label}</label>
                <select id=id name=format!("input[{set}][{}]", choices.kind)>
                    <option value="">{empty}</option>
                    {options}
                </select>
                {move || message(field).map(|m| view! { <span class="field-error" role="alert">{m}</span> })}
            </div>
        }
    };
    // Billing type, currency, bearer and carrier (R-SALES-1).
    let tables = view
        .tables
        .into_iter()
        .map(|choices| {
            let value = input.tables.get(&choices.kind).cloned().unwrap_or_default();
            let kind = rules::table_kind::CommercialKind::from_code(&choices.kind);
            let field: &'static str = kind.map_or("tables", rules::sales::defaults::table_field);
            let label = kind.map_or_else(String::new, |k| k.company_default_label());
            entry_select(choices, "tables", value, field, label, "(não informado)")
        })
        .collect_view();
    // The price list and the payment plan.
    let own = view
        .own
        .into_iter()
        .map(|choices| {
            let value = input.own.get(&choices.kind).cloned().unwrap_or_default();
            let field: &'static str = rules::table_kind::LinkedKind::from_code(&choices.kind)
                .map(rules::sales::own_entries::own_field)
                .unwrap_or("own");
            let label = rules::table_kind::LinkedKind::from_code(&choices.kind)
                .map_or("", rules::table_kind::LinkedKind::company_default_label);
            entry_select(choices, "own", value, field, label.to_string(), "(nenhum)")
        })
        .collect_view();
    let uses: Vec<_> = CreditUse::ALL
        .iter()
        .map(|c| (c.code(), c.label()))
        .collect();
    let orders: Vec<_> = CreditOrder::ALL
        .iter()
        .map(|c| (c.code(), c.label()))
        .collect();
    let rows: Vec<Vec<String>> = view
        .history
        .into_iter()
        .map(|c| vec![c.changed_at, c.user_name, c.field, c.old_value, c.new_value])
        .collect();
    view! {
        <section class="card">
            <h1>"Configurações da empresa"</h1>
            <p class="muted">"Empresa " {view.company} ". Valem para os clientes sem valor próprio e são o ponto de partida de cada cliente novo nesta empresa."</p>
            <ActionForm action=save attr:id="company-settings-form" attr:class="record-form" attr:aria-label="Configurações da empresa">
                <input type="hidden" name="version" value=view.version.to_string() />
                <h2 class="wide">"Vendas e crédito"</h2>
                {field("credit_limit", "Limite de crédito pré-aprovado (R$)", input.credit_limit, "Vazio: crédito ilimitado para quem não tem limite próprio.")}
                {field("daily_interest", "Juros diários (%)", input.daily_interest, "Copiado para cada cliente novo. Ex.: 0,0333.")}
                {field("late_fee", "Multa (%)", input.late_fee, "Para os clientes com multa conforme a empresa.")}
                {field("max_discount", "Desconto máximo (%)", input.max_discount, "Vale quando cliente, plano e tipo de produto não informam.")}
                {choice("credit_use", "Uso do crédito", input.credit_use, uses)}
                {choice("credit_order", "Ordem de aplicação do crédito", input.credit_order, orders)}
                {tables}
                {own}
                {check("insurance_enabled", "Trabalha com seguro de carga", input.insurance_enabled == "on")}
                {check("restricts_pickup_carriers", "Pedidos retira: só transportadoras e motoristas permitidos no cliente", input.restricts_pickup_carriers == "on")}
                {check("restricts_pickup_fleet", "Pedidos retira: só frotas permitidas no cliente", input.restricts_pickup_fleet == "on")}
                {check("commission_per_customer", "Tabela de comissão por cliente", input.commission_per_customer == "on")}
                <h2 class="wide">"Adiantamentos de clientes"</h2>
                {check("advances_enabled", "Trabalha com adiantamentos de clientes", input.advances_enabled == "on")}
                {account("advance_entry_history_code", "Histórico de entrada de adiantamento", input.advance_entry_history_code, "Código com que cada adiantamento recebido é lançado.")}
                {account("advance_refund_history_code", "Histórico de devolução de adiantamento", input.advance_refund_history_code, "Código com que cada devolução ao cliente é lançada.")}
                <h2 class="wide">"Contas contábeis"</h2>
                {account("ledger_prefix", "Prefixo da conta contábil", input.ledger_prefix, "Seguido do código do cliente. Ex.: 0101.")}
                {account("real_ledger_prefix", "Prefixo da conta contábil real", input.real_ledger_prefix, "Ex.: 1.1.02.01.")}
                {field("ledger_code_width", "Dígitos do código do cliente", input.ledger_code_width, "Cliente 42 com 5 dígitos: 00042.")}
                {account("expense_revenue_account", "Conta despesa/receita", input.expense_revenue_account, "Sugerida em cada cliente novo.")}
                {account("doubtful_debt_synthetic", "Sintética gerencial de devedores duvidosos", input.doubtful_debt_synthetic, "Sintética de Contas contábeis gerenciais; as contas DD00001, DD00002… ficam abaixo dela.")}
                {account("doubtful_debt_real_synthetic", "Sintética real de devedores duvidosos", input.doubtful_debt_real_synthetic, "Sintética de Contas contábeis reais, como 1.1.01.02.00000. Vazia: a vinculada à gerencial.")}
                <div class="field checkbox">
                    <label for="settings-doubtful_debt_automatic">
                        <input type="checkbox" id="settings-doubtful_debt_automatic" name="input[doubtful_debt_automatic]" checked=input.doubtful_debt_automatic == "on" />
                        " Gera as contas de devedores duvidosos automaticamente"
                    </label>
                </div>
                <div class="actions wide">
                    {general_error}
                    {saved}
                    <button type="submit" class="primary" id="settings-save">"Gravar configurações"</button>
                </div>
            </ActionForm>
        </section>
        <section class="card" aria-labelledby="settings-history-title">
            <h2 id="settings-history-title">"Histórico de alterações"</h2>
            {if rows.is_empty() {
                view! { <p class="muted">"Nenhuma alteração registrada."</p> }.into_any()
            } else {
                view! { <HistoryTable labelled_by="settings-history-title" headers=&["Quando", "Quem", "Campo", "Antes", "Depois"] rows /> }.into_any()
            }}
        </section>
    }
}
