//! The record's "Padrão para vendas" tab (seed 003) in the company the user acts in. Saved on
//! its own, with its own stale-edit check. A field the user may not alter (R-PERM-1: the credit
//! limit needs its own permission, the rest "alter sales defaults") is shown, not offered;
//! what it holds is still sent, so the save compares like with like and the server refuses a
//! change to it whatever the page sends.

use leptos::prelude::*;
use rules::sales::credit_use::{CreditOrder, CreditUse};
use rules::sales::defaults::{attachment_field, table_field};
use rules::sales::defaults_audit::{COMPANYS, DERIVED};
use rules::sales::delivery_block::DeliveryBlock;
use rules::sales::insurance::InsuranceProfile;
use rules::sales::late_fee::LateFeeSource;
use rules::sales::preferences::{AttachmentKind, EmailAttachment, SuggestedLot};
use rules::sales::purpose::Purpose;
use rules::table_kind::{CommercialKind, LinkedKind};

use super::own_entries_field::OwnEntriesField;
use crate::api::SaveSalesDefaults;
use crate::components::date_input::DateInput;
use crate::components::focus::{focus_first_invalid_on_refusal, refocus_when_drawn_after_save};
use crate::components::leave_guard::guard_form_while_mounted;
use crate::customers::sales_types::{SalesDefaultsView, TableChoices, TodaysOfferView};
use crate::error::AppError;

/// What a field needs to show its error: the tab's save action.
#[derive(Clone, Copy)]
pub(super) struct Errors(ServerAction<SaveSalesDefaults>);

impl Errors {
    /// The control's `aria-describedby`: its hint, if any, and its message while there is one.
    fn described_by(
        self,
        field: &'static str,
        hint_id: Option<String>,
        error_id: String,
    ) -> impl Fn() -> Option<String> + Send + Sync + 'static {
        move || {
            let ids: Vec<String> = hint_id
                .clone()
                .into_iter()
                .chain(self.message(field).map(|_| error_id.clone()))
                .collect();
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    }

    pub(super) fn message(self, field: &'static str) -> Option<String> {
        self.0.value().with(|r| {
            r.as_ref()
                .and_then(|r| r.as_ref().err())
                .and_then(|e| e.message_for(field))
        })
    }
}

/// The id of a field's control and of its message: `attachments.lot_pdf` → `sales-attachments-lot_pdf`.
fn control_id(field: &str) -> String {
    format!("sales-{}", field.replace('.', "-"))
}

/// A text field: money or a percentage as typed, unless `inputmode` says otherwise (a name, a
/// whole number of days): it picks the phone's keyboard.
#[component]
fn TextField(
    field: &'static str,
    name: &'static str,
    label: &'static str,
    value: String,
    #[prop(optional)] hint: Option<String>,
    #[prop(default = "decimal")] inputmode: &'static str,
    may_alter: bool,
    errors: Errors,
) -> impl IntoView {
    let id = control_id(field);
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let described_by = errors.described_by(
        field,
        hint.is_some().then(|| hint_id.clone()),
        error_id.clone(),
    );
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <input
                id=id
                name=name
                inputmode=inputmode
                autocomplete="off"
                value=value
                readonly=!may_alter
                // Read-only, an empty field reads "—", not blank.
                placeholder=(!may_alter).then_some("—")
                aria-invalid=move || errors.message(field).map(|_| "true")
                aria-describedby=described_by
            />
            {hint.map(|hint| view! { <span class="hint" id=hint_id>{hint}</span> })}
            {move || errors.message(field).map(|m| view! { <span class="field-error" role="alert" id=error_id.clone()>{m}</span> })}
        </div>
    }
}

/// A select of fixed choices; `empty` names the choice of "nothing set on the customer".
#[component]
fn ChoiceField(
    field: &'static str,
    name: &'static str,
    label: &'static str,
    value: String,
    choices: Vec<(&'static str, &'static str)>,
    #[prop(optional)] empty: Option<String>,
    #[prop(optional)] hint: Option<String>,
    may_alter: bool,
    errors: Errors,
) -> impl IntoView {
    let id = control_id(field);
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let described_by = errors.described_by(
        field,
        hint.is_some().then(|| hint_id.clone()),
        error_id.clone(),
    );
    let options = empty
        .map(|label| ("", label))
        .into_iter()
        .chain(
            choices
                .into_iter()
                .map(|(code, label)| (code, label.to_string())),
        )
        .map(|(code, label)| view! { <option value=code selected=value == code>{label}</option> })
        .collect_view();
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            // A disabled select sends nothing: the hidden input sends what it shows.
            <select id=id name=may_alter.then_some(name) disabled=!may_alter
                aria-invalid=move || errors.message(field).map(|_| "true")
                aria-describedby=described_by>
                {options}
            </select>
            {hint.map(|hint| view! { <span class="hint" id=hint_id>{hint}</span> })}
            {(!may_alter).then(|| view! { <input type="hidden" name=name value=value.clone() /> })}
            {move || errors.message(field).map(|m| view! { <span class="field-error" role="alert" id=error_id.clone()>{m}</span> })}
        </div>
    }
}

/// The select of one commercial table (billing type, currency…), its entries from the company.
#[component]
fn TableField(
    choices: TableChoices,
    value: String,
    may_alter: bool,
    errors: Errors,
) -> impl IntoView {
    let kind = CommercialKind::from_code(&choices.kind);
    let field: &'static str = kind.map(table_field).unwrap_or("tables");
    let name = format!("input[tables][{}]", choices.kind);
    let id = control_id(field);
    let error_id = format!("{id}-error");
    let options = crate::components::entry_options::entry_options(choices.options, &value);
    view! {
        <div class="field">
            <label for=id.clone()>{choices.label}</label>
            <select id=id name=may_alter.then(|| name.clone()) disabled=!may_alter
                aria-invalid=move || errors.message(field).map(|_| "true")
                aria-describedby={let error_id = error_id.clone(); move || errors.message(field).map(|_| error_id.clone())}>
                <option value="">"(não informado)"</option>
                {options}
            </select>
            {(!may_alter).then(|| view! { <input type="hidden" name=name value=value.clone() /> })}
            {move || errors.message(field).map(|m| view! { <span class="field-error" role="alert" id=error_id.clone()>{m}</span> })}
        </div>
    }
}

/// A date of the guarantees, typed `dd/mm/aaaa` whatever the browser's language.
#[component]
fn DateField(
    /// The control's id (the date input takes a fixed one).
    id: &'static str,
    field: &'static str,
    name: &'static str,
    label: &'static str,
    /// As the form shows it, `dd/mm/aaaa`.
    value: String,
    may_alter: bool,
    errors: Errors,
) -> impl IntoView {
    let error_id = format!("{id}-error");
    let stored = rules::date_input::parse(&value)
        .ok()
        .flatten()
        .unwrap_or_default();
    let described = error_id.clone();
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <DateInput
                id
                name
                stored
                readonly=!may_alter
                invalid=Signal::derive(move || errors.message(field).map(|_| "true"))
                described_by=Signal::derive(move || errors.message(field).map(|_| described.clone()))
            />
            {move || errors.message(field).map(|m| view! { <span class="field-error" role="alert" id=error_id.clone()>{m}</span> })}
        </div>
    }
}

#[component]
fn CheckField(
    name: &'static str,
    label: &'static str,
    checked: bool,
    may_alter: bool,
) -> impl IntoView {
    let id = control_id(name.trim_start_matches("input[").trim_end_matches(']'));
    let label_for = id.clone();
    view! {
        <div class="field checkbox">
            <label for=label_for>
                <input type="checkbox" id=id name=may_alter.then_some(name) checked=checked disabled=!may_alter />
                " " {label}
            </label>
            {(!may_alter && checked).then(|| view! { <input type="hidden" name=name value="on" /> })}
        </div>
    }
}

fn codes<T: Copy>(
    all: &[T],
    code: fn(T) -> &'static str,
    label: fn(T) -> &'static str,
) -> Vec<(&'static str, &'static str)> {
    all.iter().map(|&c| (code(c), label(c))).collect()
}

#[component]
pub fn SalesDefaultsTab(
    customer_id: i64,
    view: SalesDefaultsView,
    save: ServerAction<SaveSalesDefaults>,
    /// R-PERM-1 "alter sales defaults": every field but the credit limit.
    may_alter: bool,
    may_alter_limit: bool,
    /// R-SALES-11: mortgage and bail have a permission of their own.
    may_alter_guarantees: bool,
    /// R-SALES-10: the allowed carriers (and the "buyer's lists" flag) and the allowed fleet
    /// of pickup orders.
    may_register_allowed: bool,
    may_register_fleet: bool,
) -> impl IntoView {
    let errors = Errors(save);
    let input = view.input;
    let company = view.company;
    let on = |flag: &str| flag == "on";
    focus_first_invalid_on_refusal(save.value(), "sales-defaults-form");
    refocus_when_drawn_after_save(save.value(), "sales-save");
    let general_error = move || {
        save.value()
            .get()
            .and_then(|r| r.err())
            .filter(|e| !matches!(e, AppError::Invalid(_)))
            .map(|e| view! { <p class="error" role="alert">{e.to_string()}</p> })
    };
    let saved = move || {
        matches!(save.value().get(), Some(Ok(())))
            .then(|| view! { <p class="notice" role="status">"Padrão para vendas gravado."</p> })
    };
    let may_save = may_alter
        || may_alter_limit
        || may_alter_guarantees
        || may_register_allowed
        || may_register_fleet;
    if may_save {
        guard_form_while_mounted("sales-defaults-form", super::LEAVE_QUESTION, || ());
    }
    let g = input.guarantees.clone();
    let attachments = AttachmentKind::ALL.iter().map(|&kind| {
        let value = match kind {
            AttachmentKind::Attachments => input.attachments.attachments.clone(),
            AttachmentKind::LotPdf => input.attachments.lot_pdf.clone(),
            AttachmentKind::BoletoPdf => input.attachments.boleto_pdf.clone(),
            AttachmentKind::DocumentPdf => input.attachments.document_pdf.clone(),
            AttachmentKind::DocumentXml => input.attachments.document_xml.clone(),
        };
        let name: &'static str = match kind {
            AttachmentKind::Attachments => "input[attachments][attachments]",
            AttachmentKind::LotPdf => "input[attachments][lot_pdf]",
            AttachmentKind::BoletoPdf => "input[attachments][boleto_pdf]",
            AttachmentKind::DocumentPdf => "input[attachments][document_pdf]",
            AttachmentKind::DocumentXml => "input[attachments][document_xml]",
        };
        view! {
            <ChoiceField field=attachment_field(kind) name label=kind.label() value
                choices=codes(EmailAttachment::ALL, EmailAttachment::code, EmailAttachment::label) may_alter errors />
        }
    }).collect_view();

    let tables = view
        .tables
        .into_iter()
        .map(|choices| {
            let value = input.tables.get(&choices.kind).cloned().unwrap_or_default();
            view! { <TableField choices value may_alter errors /> }
        })
        .collect_view();
    // The commercial sets here; the allowed carriers and fleet under pickup orders.
    let own_field = |choices: TableChoices| {
        let ticked = input.own.get(&choices.kind).cloned().unwrap_or_default();
        let kind = LinkedKind::from_code(&choices.kind);
        let (hint, only, may_alter) = match kind {
            Some(LinkedKind::PriceList) => (
                "As listas públicas servem a todos os clientes; marque as próprias deste cliente.",
                Some((
                    "input[uses_only_own_price_lists]",
                    "Usa somente tabelas de preço próprias",
                    on(&input.uses_only_own_price_lists),
                )),
                may_alter,
            ),
            Some(LinkedKind::PaymentPlan) => (
                "Planos \"para todos os clientes\" servem a todos; os demais, só a quem os tem marcados.",
                Some((
                    "input[uses_only_own_plans]",
                    "Usa somente planos de pagamento próprios",
                    on(&input.uses_only_own_plans),
                )),
                may_alter,
            ),
            Some(LinkedKind::Carrier) => (
                "Pedidos retira deste cliente só com estes, quando a empresa restringe.",
                None,
                may_register_allowed,
            ),
            _ => (
                "Pedidos retira deste cliente só com estes veículos, quando a empresa restringe.",
                None,
                may_register_fleet,
            ),
        };
        view! {
            <OwnEntriesField choices ticked may_alter errors hint />
            {only.map(|(name, label, checked)| view! { <CheckField name label checked may_alter /> })}
        }
    };
    let (commercial, pickup): (Vec<TableChoices>, Vec<TableChoices>) = view
        .own
        .into_iter()
        .partition(|c| LinkedKind::from_code(&c.kind).is_some_and(LinkedKind::is_commercial));
    let own = commercial.into_iter().map(own_field).collect_view();
    let allowed = pickup.into_iter().map(own_field).collect_view();
    let today = todays_offer(view.today);
    view! {
        <section class="card" aria-label="Padrão para vendas">
        {view.last_saved.map(|s| view! { <p class="muted">"Última alteração do padrão para vendas: " {s}</p> })}
        {(!may_save).then(|| view! {
            <p class="notice read-only-note" role="note">"Somente leitura: seu perfil não permite alterar o padrão para vendas."</p>
        })}
        <ActionForm action=save attr:id="sales-defaults-form" attr:class=if may_save { "record-form sales-form" } else { "record-form sales-form read-only" } attr:aria-label="Padrão para vendas">
            <input type="hidden" name="customer_id" value=customer_id.to_string() />
            <input type="hidden" name="version" value=view.version.to_string() />
            <h2 class="wide">"Crédito"</h2>
            {(may_save && !may_alter_limit).then(|| view! {
                <p class="hint wide">"Seu perfil não permite alterar o limite de crédito."</p>
            })}
            <TextField field="credit_limit" name="input[credit_limit]" label="Limite de crédito (R$)" value=input.credit_limit
                hint=company.credit_limit.clone() may_alter=may_alter_limit errors />
            <ChoiceField field="credit_use" name="input[credit_use]" label="Uso do crédito" value=input.credit_use
                choices=codes(CreditUse::ALL, CreditUse::code, CreditUse::label)
                empty=format!("{COMPANYS} ({})", company.credit_use) may_alter errors />
            <ChoiceField field="credit_order" name="input[credit_order]" label="Ordem de aplicação do crédito" value=input.credit_order
                choices=codes(CreditOrder::ALL, CreditOrder::code, CreditOrder::label)
                empty=format!("{COMPANYS} ({})", company.credit_order) may_alter errors />
            <h2 class="wide">"Juros e multa"</h2>
            <TextField field="daily_interest" name="input[daily_interest]" label="Juros diários (%)" value=input.daily_interest
                hint=format!("Empresa: {}.", company.daily_interest) may_alter errors />
            <ChoiceField field="late_fee_source" name="input[late_fee_source]" label="Multa conforme" value=input.late_fee_source
                choices=codes(LateFeeSource::ALL, LateFeeSource::code, LateFeeSource::label) may_alter errors />
            <TextField field="late_fee" name="input[late_fee]" label="Multa do cliente (%)" value=input.late_fee
                hint=format!("Empresa: {}.", company.late_fee) may_alter errors />
            <h2 class="wide">"Descontos"</h2>
            <TextField field="discount" name="input[discount]" label="Desconto (+) ou acréscimo (−) %" value=input.discount
                hint="Sobre o preço de tabela: 10 dá 10% de desconto, -10 dá 10% de acréscimo.".to_string() may_alter errors />
            <TextField field="max_discount" name="input[max_discount]" label="Desconto máximo (%)" value=input.max_discount
                hint=format!("Vazio: o da empresa ({}).", company.max_discount) may_alter errors />
            <CheckField name="input[allows_discount]" label="Permite desconto" checked=on(&input.allows_discount) may_alter />
            <TextField field="conditional_discount_days" name="input[conditional_discount][days_before_due]" label="Desconto condicional (dias antes)"
                value=input.conditional_discount.days_before_due hint="0 = no dia do vencimento.".to_string() inputmode="numeric" may_alter errors />
            <TextField field="conditional_discount_percent" name="input[conditional_discount][percent]" label="Desconto condicional (%)"
                value=input.conditional_discount.percent may_alter errors />
            <CheckField name="input[allows_conditional_discount]" label="Permite desconto condicional" checked=on(&input.allows_conditional_discount) may_alter />
            <h2 class="wide">"Pedidos e faturamento"</h2>
            <ChoiceField field="purpose" name="input[purpose]" label="Finalidade" value=input.purpose
                choices=codes(Purpose::ALL, Purpose::code, Purpose::label)
                empty=format!("{DERIVED}: {}", view.derived_purpose)
                hint="Automática: revenda com CNPJ e inscrição estadual; consumo nos demais casos.".to_string() may_alter errors />

            <ChoiceField field="delivery_block" name="input[delivery_block]" label="Bloqueio entrega/retira" value=input.delivery_block
                choices=codes(DeliveryBlock::ALL, DeliveryBlock::code, DeliveryBlock::label) may_alter errors />
            <ChoiceField field="suggested_lot" name="input[suggested_lot]" label="Lote sugerido" value=input.suggested_lot
                choices=codes(SuggestedLot::ALL, SuggestedLot::code, SuggestedLot::label) may_alter errors />
            <CheckField name="input[payment_plan_per_product]" label="Plano de pagamento por produto" checked=on(&input.payment_plan_per_product) may_alter />
            <CheckField name="input[prints_boleto_on_invoice]" label="Imprime boleto na nota fiscal" checked=on(&input.prints_boleto_on_invoice) may_alter />
            <CheckField name="input[requires_prepayment]" label="Exige pagamento antecipado" checked=on(&input.requires_prepayment) may_alter />
            <h2 class="wide">"Pedidos retira: transportadoras e frota permitidas"</h2>
            {allowed}
            <CheckField name="input[uses_buyers_lists]" label="Pedidos retira: usa transportadoras e frotas indicadas para o comprador" checked=on(&input.uses_buyers_lists) may_alter=may_register_allowed />
            <h2 class="wide">"Listas de preço e planos de pagamento"</h2>
            {own}
            {today}
            <h2 class="wide">"Cobrança, frete e faturamento"</h2>
            {tables}
            <ChoiceField field="insurance_profile" name="input[insurance_profile]" label="Perfil de seguro" value=input.insurance_profile.clone()
                choices=codes(InsuranceProfile::ALL, InsuranceProfile::code, InsuranceProfile::label)
                hint="Com seguro: escolha também o seguro.".to_string() may_alter errors />
            <h2 class="wide">"Garantias: hipoteca e fiança"</h2>
            {(may_save && !may_alter_guarantees).then(|| view! {
                <p class="hint wide">"Seu perfil não permite alterar os dados de hipoteca e fiança."</p>
            })}
            <DateField id="sales-guarantees-mortgage_due" field="guarantees.mortgage_due" name="input[guarantees][mortgage_due]" label="Hipoteca: vencimento" value=g.mortgage_due may_alter=may_alter_guarantees errors />
            <TextField field="guarantees.mortgage_credit_limit" name="input[guarantees][mortgage_credit_limit]" label="Hipoteca: limite de crédito (R$)" value=g.mortgage_credit_limit may_alter=may_alter_guarantees errors />
            <TextField field="guarantees.mortgage_value" name="input[guarantees][mortgage_value]" label="Hipoteca: valor (R$)" value=g.mortgage_value may_alter=may_alter_guarantees errors />
            <DateField id="sales-guarantees-bail_due" field="guarantees.bail_due" name="input[guarantees][bail_due]" label="Fiança: vencimento" value=g.bail_due may_alter=may_alter_guarantees errors />
            <DateField id="sales-guarantees-bail_issued" field="guarantees.bail_issued" name="input[guarantees][bail_issued]" label="Fiança: emissão" value=g.bail_issued may_alter=may_alter_guarantees errors />
            <TextField field="guarantees.bail_property_registry" name="input[guarantees][bail_property_registry]" label="Fiança: registro do imóvel" value=g.bail_property_registry inputmode="text" may_alter=may_alter_guarantees errors />
            <TextField field="guarantees.bail_guarantor" name="input[guarantees][bail_guarantor]" label="Fiança: fiador" value=g.bail_guarantor inputmode="text" may_alter=may_alter_guarantees errors />
            <h2 class="wide">"Anexos de e-mail"</h2>
            {attachments}
            <div class="actions wide">
                {general_error}
                {saved}
                {may_save.then(|| view! { <button type="submit" class="primary" id="sales-save">"Gravar padrão para vendas"</button> })}
            </div>
        </ActionForm>
        </section>
    }
}

/// R-SALES-4/5 read back: what the customer's orders get today from the sets above, as saved.
fn todays_offer(today: TodaysOfferView) -> impl IntoView {
    let listed = |names: Vec<String>, none: &'static str| {
        if names.is_empty() {
            view! { <p>{none}</p> }.into_any()
        } else {
            view! { <ul>{names.into_iter().map(|name| view! { <li>{name}</li> }).collect_view()}</ul> }
                .into_any()
        }
    };
    let refused = (!today.refused.is_empty()).then(|| {
        let count = today.refused.len();
        view! {
            <details>
                <summary>{format!("Planos não oferecidos ({count})")}</summary>
                <ul>
                    {today.refused.into_iter().map(|r| view! { <li>{r.plan}": "{r.reason}</li> }).collect_view()}
                </ul>
            </details>
        }
    });
    view! {
        <section class="wide todays-offer" aria-label="Para pedidos de hoje">
            <h3>{format!("Para pedidos de hoje ({})", today.date)}</h3>
            <dl class="facts">
                <dt>"Listas de preço"</dt>
                <dd>{listed(today.lists, "nenhuma")}</dd>
                <dt>"Planos de pagamento oferecidos"</dt>
                <dd>{listed(today.plans, "nenhum")}</dd>
            </dl>
            {refused}
            <p class="hint">"Conforme o último padrão gravado; o pedido mínimo de cada plano vale no pedido."</p>
        </section>
    }
}
