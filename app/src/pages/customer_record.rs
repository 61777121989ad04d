//! The customer record: the form, its addresses, its histories. The URL carries the
//! customer's code (`/clientes/2002`), what the heading and the list show.

mod advances_panel;
mod credit_panel;
mod data;
mod delete;
mod finance_fields;
pub(crate) mod finance_tab;
mod history;
mod kept_edits;
mod ledger_tab;
mod own_entries_field;
mod profile_fields;
pub(crate) mod receivable_forms;
pub(crate) mod receivables_panel;
mod refund_form;
mod sales_tab;
pub(crate) mod settlements_list;
mod statement_panel;
mod tabs;

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;
use rules::customer::{Kind, Status};
use rules::document::mask_as_typed;
use rules::permission::Permission;

use crate::components::date_input::DateInput;
use crate::components::focus::focus_first_invalid_on_refusal;
use crate::components::leave_guard::guard_while_mounted;
use crate::components::protected::protected;
use crate::customers::record_types::CustomerRecord;
use crate::error::AppError;
use crate::pages::customer_addresses::CustomerAddresses;
use crate::session::SessionView;
pub use data::record_href;
use data::EditorData;
use delete::DeleteCustomerButton;
use finance_tab::{FinancePermissions, FinanceTab};
use history::{ChangeHistory, SalespersonHistory};
use ledger_tab::LedgerAccountsTab;
use profile_fields::ProfileFields;
use sales_tab::SalesDefaultsTab;
use tabs::{open_tab, RecordTabs, Tab};

#[component]
pub fn CustomerNewPage() -> impl IntoView {
    view! {
        <Title text="Novo cliente · Clientela" />
        {
            let data = EditorData::new(None);
            protected(move |session| view! { <CustomerEditor data session /> })
        }
    }
}

#[component]
pub fn CustomerEditPage() -> impl IntoView {
    let params = use_params_map();
    // The route's segment is the customer's code; a number that is no code is "not found".
    // A memo: moving between the record's tabs changes the query, not the customer.
    let code = Memo::new(move |_| {
        params
            .read()
            .get("id")
            .map(|code| code.parse::<i64>().unwrap_or(-1))
    });
    move || {
        let code = code.get();
        let data = EditorData::new(code);
        view! {
            <Title text="Cliente · Clientela" />
            {protected(move |session| view! { <CustomerEditor data session /> })}
        }
    }
}

#[component]
fn CustomerEditor(data: EditorData, session: SessionView) -> impl IntoView {
    let EditorData {
        code,
        customer_id,
        record,
        address_saves,
        addresses,
        history,
        salesperson_changes,
        save_sales,
        sales,
        save_ledger,
        generate_doubtful_debt,
        ledger,
        credit,
        receivables,
        advances,
        finance_saves,
        ..
    } = data;
    let may_finance = FinancePermissions::of(&session);
    let may_modify_ledger = session.can(Permission::ModifyLedgerAccounts);
    let may_alter_sales = session.can(Permission::AlterSalesDefaults);
    let may_alter_limit = session.can(Permission::AlterCreditLimit);
    let may_alter_guarantees = session.can(Permission::AlterMortgageAndBail);
    let may_register_allowed = session.can(Permission::RegisterAllowedCarriers);
    let may_register_fleet = session.can(Permission::RegisterAllowedFleet);
    let can_delete = session.can(Permission::DeleteCustomer);
    let can_alter = session.can(Permission::AlterCustomer);
    let can_save = if code.is_some() {
        can_alter
    } else {
        session.can(Permission::IncludeCustomer)
    };
    let tab = open_tab();

    view! {
        <Transition fallback=|| view! { <p class="loading">"Carregando…"</p> }>
            {move || Suspend::new(async move {
                match record.await {
                    // Keyed by version: a record saved (here or by someone else) is drawn
                    // afresh, so no field keeps what was typed over the value now stored.
                    Ok(record) => {
                        let version = record.version;
                        view! {
                            <For each=move || [version] key=|v| *v let(_)>
                                <CustomerForm record=record.clone() data can_save can_delete tab />
                            </For>
                        }
                        .into_any()
                    }
                    Err(error) => view! { <section class="card"><p class="error" role="alert">{error.to_string()}</p></section> }.into_any(),
                }
            })}
        </Transition>
        // Found once by the code, so these keep their state while the record reloads; a
        // Transition, so a tab's figures reloading after a write leave it on screen (and the
        // focus where the write put it) instead of unmounting it meanwhile.
        {code.map(|_| view! {
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    customer_id.await.ok().map(|id| view! {
                        <div hidden=move || tab.get() != Tab::Addresses>
                            <CustomerAddresses customer_id=id can_edit=can_alter saves=address_saves addresses />
                        </div>
                        <div hidden=move || tab.get() != Tab::SalesDefaults>
                            <Transition fallback=|| view! { <p class="loading">"Carregando…"</p> }>
                                {move || Suspend::new(async move {
                                    match sales.await {
                                        // Keyed by the saved version: drawn afresh after a save,
                                        // its fields show what was stored ("7,50" for "7,5").
                                        Ok(view) => view! {
                                            <For each=move || [view.version] key=|version| *version let(_version)>
                                                <SalesDefaultsTab customer_id=id view=view.clone() save=save_sales may_alter=may_alter_sales may_alter_limit may_alter_guarantees may_register_allowed may_register_fleet />
                                            </For>
                                        }.into_any(),
                                        Err(error) => view! { <p class="error" role="alert">{error.to_string()}</p> }.into_any(),
                                    }
                                })}
                            </Transition>
                        </div>
                        <div hidden=move || tab.get() != Tab::LedgerAccounts>
                            <Transition fallback=|| view! { <p class="loading">"Carregando…"</p> }>
                                {move || Suspend::new(async move {
                                    match ledger.await {
                                        Ok(view) => view! {
                                            <For each=move || [view.version] key=|version| *version let(_version)>
                                                <LedgerAccountsTab customer_id=id view=view.clone() save=save_ledger generate=generate_doubtful_debt may_modify=may_modify_ledger />
                                            </For>
                                        }.into_any(),
                                        Err(error) => view! { <p class="error" role="alert">{error.to_string()}</p> }.into_any(),
                                    }
                                })}
                            </Transition>
                        </div>
                        <div hidden=move || tab.get() != Tab::Finance>
                            <FinanceTab customer_id=id may=may_finance credit receivables advances finance_saves />
                        </div>
                        <div hidden=move || tab.get() != Tab::History>
                            <SalespersonHistory changes=salesperson_changes />
                            <ChangeHistory history />
                        </div>
                    })
                })}
            </Transition>
        })}
    }
}

/// The general data's form (its fields carried over a stale save by id).
const FORM_ID: &str = "customer-form";

/// Asked before leaving a form of the record (any tab) with changes not saved.
pub(crate) const LEAVE_QUESTION: &str =
    "Há alterações não gravadas neste cliente. Sair sem gravar? As alterações serão perdidas.";

#[component]
fn CustomerForm(
    record: CustomerRecord,
    data: EditorData,
    can_save: bool,
    can_delete: bool,
    tab: Memo<Tab>,
) -> impl IntoView {
    let EditorData {
        save,
        remove,
        removing,
        typed_code,
        options,
        reloads,
        kept,
        ..
    } = data;
    let existing = record.id != 0;
    // Issue 10, item 7: who may not alter customers sees the record, not a form to type in.
    let read_only = !can_save;
    // Read-only, an empty field reads "—" (not blank, not an example posing as a value);
    // editable, it shows its typing hint, if any.
    let shown_empty = move |hint: Option<&'static str>| if read_only { Some("—") } else { hint };
    let input = record.input.clone();
    let ie_warning = record.state_registration_warning.clone();
    typed_code.set_value(input.code.clone());
    let kind = RwSignal::new(input.kind.clone());
    let document = RwSignal::new(if input.document.is_empty() {
        String::new()
    } else {
        rules::display::document(&input.document)
    });
    let message_for = move |field: &'static str| {
        save.value().with(|r| {
            r.as_ref()
                .and_then(|r| r.as_ref().err())
                .and_then(|e| e.message_for(field))
        })
    };
    // The message beside the field, named by its input's `aria-describedby`.
    let error_for = move |field: &'static str| {
        move || {
            message_for(field).map(|message| {
                view! { <span class="field-error" role="alert" id=format!("{field}-error")>{message}</span> }
            })
        }
    };
    let invalid = move |field: &'static str| move || message_for(field).is_some().then_some("true");
    let described_by = move |field: &'static str, hint: Option<&'static str>| {
        move || {
            let error = message_for(field).map(|_| format!("{field}-error"));
            let ids: Vec<String> = hint.map(str::to_string).into_iter().chain(error).collect();
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    focus_first_invalid_on_refusal(save.value(), FORM_ID);
    // The form's fields as drawn: a stale save can then carry the user's changes over.
    Effect::new(move |_| kept.on_drawn(FORM_ID));
    if !read_only {
        guard_while_mounted(LEAVE_QUESTION, move || kept.has_unsaved(FORM_ID));
    }
    // Drawn again after a save: the focus goes back to "Gravar", where the user was.
    Effect::new(move |_| {
        if save.value().with_untracked(|v| matches!(v, Some(Ok(_)))) {
            crate::components::focus::focus_by_id_next_frame("customer-save");
        }
    });
    let load_theirs_keep_mine = move |_| {
        kept.carry_over(FORM_ID, move || {
            save.clear();
            reloads.update(|n| *n += 1);
        })
    };
    let general_error = move || {
        let save_error = save.value().get().and_then(|r| r.err());
        let stale = matches!(save_error, Some(AppError::Conflict(_)));
        let delete_error = remove.value().get().and_then(|r| r.err());
        save_error
            .or(delete_error)
            .filter(|e| !matches!(e, AppError::Invalid(_)))
            .map(|e| view! {
                <p class="error" role="alert">{e.to_string()}</p>
                {stale.then(|| view! {
                    <button type="button" on:click=load_theirs_keep_mine>"Carregar a versão atual com as minhas alterações"</button>
                })}
            })
    };
    let reapplied = move || {
        let said = kept.notice.get();
        (!said.is_empty()).then(|| {
            view! { <p class="notice warning" role="status" id=kept_edits::NOTICE_ID tabindex="-1">{said}</p> }
        })
    };
    let saved = move || {
        matches!(save.value().get(), Some(Ok(_)))
            .then(|| view! { <p class="notice" role="status">"Alterações gravadas."</p> })
    };
    let title = if existing {
        format!("Cliente {} - {}", input.code, input.legal_name)
    } else {
        "Novo cliente".to_string()
    };
    let customer = format!("{} - {}", input.code, input.legal_name);
    let version = record.version;
    let id = existing.then_some(record.id);
    view! {
        <section class="card">
            <h1>{title}</h1>
            {record.last_saved.clone().map(|s| view! { <p class="muted">"Última alteração dos dados gerais: " {s}</p> })}
            {existing.then(|| view! { <RecordTabs href=record_href(&input.code) open=tab /> })}
            // A new customer has only this tab until it is saved.
            {view! { <div class="tab-panel" hidden=move || existing && tab.get() != Tab::General>
            {read_only.then(|| view! {
                <p class="notice read-only-note" role="note">"Somente leitura: seu perfil não permite alterar clientes."</p>
            })}
            <ActionForm action=save attr:id=FORM_ID attr:class=if read_only { "record-form read-only" } else { "record-form" } attr:aria-label="Cadastro do cliente">
                {id.map(|id| view! {
                    <input type="hidden" name="id" value=id.to_string() />
                    <input type="hidden" name="version" value=version.to_string() />
                })}
                <div class="field">
                    <label for="code">"Código"</label>
                    <input id="code" name="input[code]" inputmode="numeric" readonly=read_only value=input.code.clone() aria-invalid=invalid("code") aria-describedby=described_by("code", None) on:input=move |ev| typed_code.set_value(event_target_value(&ev)) />
                    {error_for("code")}
                </div>
                <div class="field">
                    <label for="kind">"Tipo de pessoa"</label>
                    <select id="kind" name="input[kind]" disabled=read_only aria-invalid=invalid("kind") aria-describedby=described_by("kind", None) on:change=move |ev| {
                        kind.set(event_target_value(&ev));
                        document.update(|d| *d = mask_as_typed(kind.get_untracked() == "legal_entity", d));
                    }>
                        {Kind::ALL.map(|k| view! { <option value=k.code() selected=input.kind == k.code()>{k.label()}</option> })}
                    </select>
                    {error_for("kind")}
                </div>
                <div class="field">
                    <label for="document">{move || if kind.get() == "individual" { "CPF" } else { "CNPJ" }}</label>
                    <input
                        id="document"
                        name="input[document]"
                        // A CPF is digits; a CNPJ may have letters (from July 2026).
                        inputmode=move || if kind.get() == "individual" { "numeric" } else { "text" }
                        autocomplete="off"
                        placeholder=shown_empty(None)
                        readonly=read_only
                        aria-invalid=invalid("document")
                        aria-describedby=described_by("document", None)
                        prop:value=move || document.get()
                        on:input=move |ev| document.set(mask_as_typed(kind.get_untracked() == "legal_entity", &event_target_value(&ev)))
                    />
                    {error_for("document")}
                </div>
                <div class="field">
                    <label for="state_registration">"Inscrição estadual"</label>
                    <input id="state_registration" name="input[state_registration]" placeholder=shown_empty(Some("ISENTO")) readonly=read_only value=input.state_registration.clone() aria-invalid=invalid("state_registration") aria-describedby=described_by("state_registration", ie_warning.is_some().then_some("state_registration-hint")) />
                    {ie_warning.map(|w| view! { <span class="hint warning" id="state_registration-hint">{w}</span> })}
                    {error_for("state_registration")}
                </div>
                <div class="field wide">
                    <label for="legal_name">"Razão social / Nome"</label>
                    <input id="legal_name" name="input[legal_name]" placeholder=shown_empty(None) readonly=read_only value=input.legal_name.clone() aria-invalid=invalid("legal_name") aria-describedby=described_by("legal_name", None) />
                    {error_for("legal_name")}
                </div>
                <div class="field wide">
                    <label for="trade_name">"Nome fantasia"</label>
                    <input id="trade_name" name="input[trade_name]" placeholder=shown_empty(None) readonly=read_only value=input.trade_name.clone() aria-invalid=invalid("trade_name") aria-describedby=described_by("trade_name", None) />
                    {error_for("trade_name")}
                </div>
                <div class="field">
                    <label for="status">"Situação"</label>
                    <select id="status" name="input[status]" disabled=read_only aria-invalid=invalid("status") aria-describedby=described_by("status", None)>
                        {Status::ALL.map(|s| view! { <option value=s.code() selected=input.status == s.code()>{s.label()}</option> })}
                    </select>
                    {error_for("status")}
                </div>
                <div class="field wide">
                    <label for="email">"E-mails"</label>
                    <input id="email" name="input[email]" type="text" inputmode="email" placeholder=shown_empty(None) readonly=read_only aria-describedby=described_by("email", (!read_only).then_some("email-hint")) aria-invalid=invalid("email") value=input.email.clone() />
                    {(!read_only).then(|| view! { <span id="email-hint" class="hint">"Vários: separe com ponto e vírgula."</span> })}
                    {error_for("email")}
                </div>
                <div class="field wide">
                    <label for="phone">"Telefones"</label>
                    <input id="phone" name="input[phone]" type="tel" placeholder=shown_empty(None) readonly=read_only aria-describedby=described_by("phone", (!read_only).then_some("phone-hint")) aria-invalid=invalid("phone") value=input.phone.clone() />
                    {(!read_only).then(|| view! { <span id="phone-hint" class="hint">"Com DDD. Vários: separe com ponto e vírgula."</span> })}
                    {error_for("phone")}
                </div>
                <div class="field">
                    <label for="monthly_income">"Renda mensal (R$)"</label>
                    <input id="monthly_income" name="input[monthly_income]" inputmode="decimal" placeholder=shown_empty(Some("0,00")) readonly=read_only value=input.monthly_income.clone() aria-invalid=invalid("monthly_income") aria-describedby=described_by("monthly_income", None) />
                    {error_for("monthly_income")}
                </div>
                <div class="field">
                    <label for="valid_until">"Cadastro válido até"</label>
                    <DateInput
                        id="valid_until"
                        name="input[valid_until]"
                        stored=input.valid_until.clone()
                        readonly=read_only
                        invalid=Signal::derive(invalid("valid_until"))
                        described_by=Signal::derive(described_by("valid_until", None))
                    />
                    {error_for("valid_until")}
                </div>
                <ProfileFields profile=record.profile error_for=error_for options read_only />
                <div class="actions wide">
                    {general_error}
                    {reapplied}
                    {saved}
                    {can_save.then(|| view! { <button type="submit" id="customer-save" class="primary">"Gravar"</button> })}
                    <a href=crate::list_return::list_href()>"Voltar à lista"</a>
                </div>
            </ActionForm>
            {id.filter(|_| can_delete).map(|id| view! {
                <DeleteCustomerButton id version customer remove removing />
            })}
            </div> }.into_any()}
        </section>
    }
}
