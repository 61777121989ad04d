//! The customer's "Padrão para vendas" in one company (seed 003): what the tab's form sends,
//! read into typed values by the rules of each field (R-CREDIT-1, R-SALES-2/3/6/7/8/9/13/14),
//! and written back as the form shows it. The history and the permissions of these fields are
//! in `defaults_audit`.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::conditional_discount::{ConditionalDiscount, ConditionalDiscountInput};
use super::credit_limit::parse_credit_limit;
use super::credit_use::{CreditOrder, CreditUse};
use super::delivery_block::DeliveryBlock;
use super::guarantees::{Guarantees, GuaranteesInput};
use super::insurance::{self, InsuranceProfile};
use super::late_fee::{self, parse_late_fee, LateFeeSource};
use super::max_discount::{parse_max_discount, stored_customer_discount, MAX_DISCOUNT_FIELD};
use super::own_entries::{OwnEntries, OwnEntriesInput};
use super::percent;
use super::preferences::{AttachmentKind, EmailAttachment, EmailAttachments, SuggestedLot};
use super::price::parse_discount;
use super::purpose::Purpose;
use crate::customer::FieldError;
use crate::table_kind::CommercialKind;

pub use super::commercial_refs::{table_field, CommercialRefs};

pub const DAILY_INTEREST_FIELD: &str = "daily_interest";

/// Daily interest is a small rate with more decimals than a discount (`0,0333` % a day is 1 %
/// a month); four decimals, as the original ERP keeps it.
pub const DAILY_INTEREST_DECIMALS: u32 = 4;

/// What the tab's form sends, every value as typed; choices as their stored codes, where an
/// empty one means "the company's" (credit use and order) or "derived" (purpose); check boxes
/// as `"on"` when ticked.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SalesDefaultsInput {
    pub credit_limit: String,
    pub daily_interest: String,
    pub late_fee_source: String,
    pub late_fee: String,
    pub discount: String,
    pub allows_discount: String,
    pub max_discount: String,
    pub allows_conditional_discount: String,
    pub conditional_discount: ConditionalDiscountInput,
    pub credit_use: String,
    pub credit_order: String,
    pub purpose: String,
    pub delivery_block: String,
    pub uses_only_own_price_lists: String,
    pub uses_only_own_plans: String,
    pub payment_plan_per_product: String,
    pub prints_boleto_on_invoice: String,
    pub requires_prepayment: String,
    pub suggested_lot: String,
    pub attachments: AttachmentsInput,
    /// The chosen entry of each commercial table, by the table's code (`billing_type` → id).
    pub tables: BTreeMap<String, String>,
    pub insurance_profile: String,
    pub guarantees: GuaranteesInput,
    pub uses_buyers_lists: String,
    /// The price lists and payment plans ticked (R-SALES-4/5).
    pub own: OwnEntriesInput,
}

/// The five e-mail attachment choices as codes (R-SALES-14).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AttachmentsInput {
    pub attachments: String,
    pub lot_pdf: String,
    pub boleto_pdf: String,
    pub document_pdf: String,
    pub document_xml: String,
}

/// A customer's sales defaults in one company, as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SalesDefaults {
    /// `None`: the company's pre-approved limit applies, or none (R-CREDIT-1).
    pub credit_limit: Option<Decimal>,
    /// % a day charged on overdue receivables.
    pub daily_interest: Option<Decimal>,
    pub late_fee_source: LateFeeSource,
    pub late_fee: Option<Decimal>,
    /// Positive a discount, negative a surcharge (R-SALES-2).
    pub discount: Option<Decimal>,
    pub allows_discount: bool,
    pub max_discount: Option<Decimal>,
    pub allows_conditional_discount: bool,
    pub conditional_discount: Option<ConditionalDiscount>,
    /// `None`: the company's setting (R-SALES-6).
    pub credit_use: Option<CreditUse>,
    pub credit_order: Option<CreditOrder>,
    /// `None`: derived from CNPJ and state registration (R-SALES-7).
    pub purpose: Option<Purpose>,
    pub delivery_block: DeliveryBlock,
    pub uses_only_own_price_lists: bool,
    pub uses_only_own_plans: bool,
    pub payment_plan_per_product: bool,
    pub prints_boleto_on_invoice: bool,
    pub requires_prepayment: bool,
    pub suggested_lot: SuggestedLot,
    pub attachments: EmailAttachments,
    pub tables: CommercialRefs,
    pub insurance_profile: InsuranceProfile,
    /// Mortgage and bail (R-SALES-11), under their own permission.
    pub guarantees: Guarantees,
    /// R-SALES-10: pickup orders take the allowed carriers, drivers and fleet of the economic
    /// group's buyer (the buyer arrives with the economic groups; the choice is kept now).
    pub uses_buyers_lists: bool,
    /// The customer's own price lists and payment plans (R-SALES-4/5).
    pub own: OwnEntries,
}

/// What a company sets for its customers (the part of its settings the tab reads).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompanySalesSettings {
    pub pre_approved_credit_limit: Option<Decimal>,
    pub daily_interest: Option<Decimal>,
    pub late_fee: Option<Decimal>,
    pub max_discount: Option<Decimal>,
    pub credit_use: CreditUse,
    pub credit_order: CreditOrder,
    /// Billing type, currency and bearer a new customer starts with (R-SALES-1).
    pub tables: CommercialRefs,
    /// Whether the company works with cargo insurance (R-SALES-11).
    pub insurance_enabled: bool,
    /// R-SALES-10: pickup orders only with the customer's allowed carriers / fleet.
    pub restricts_pickup_carriers: bool,
    pub restricts_pickup_fleet: bool,
    /// Whether the commission table is chosen per customer.
    pub commission_per_customer: bool,
    /// The price list and payment plan a new customer starts with (R-SALES-1).
    #[serde(default)]
    pub own: OwnEntries,
}

impl SalesDefaults {
    /// R-SALES-1: a customer used for the first time in a company starts from that company's
    /// settings. The daily interest is copied; the limit, the late fee and the credit use stay
    /// "the company's", so they follow the company's settings until set on the customer
    /// (R-CREDIT-1, R-SALES-9, R-SALES-6).
    pub fn new_customer(company: &CompanySalesSettings) -> Self {
        SalesDefaults {
            credit_limit: None,
            daily_interest: company.daily_interest,
            late_fee_source: LateFeeSource::Company,
            late_fee: None,
            discount: None,
            allows_discount: true,
            max_discount: None,
            allows_conditional_discount: false,
            conditional_discount: None,
            credit_use: None,
            credit_order: None,
            purpose: None,
            delivery_block: DeliveryBlock::None,
            uses_only_own_price_lists: false,
            uses_only_own_plans: false,
            payment_plan_per_product: false,
            prints_boleto_on_invoice: false,
            requires_prepayment: false,
            suggested_lot: SuggestedLot::None,
            attachments: EmailAttachments::default(),
            tables: {
                let mut tables = CommercialRefs::default();
                for kind in CommercialKind::ALL
                    .into_iter()
                    .filter(|k| k.company_default())
                {
                    tables.set(kind, company.tables.get(kind));
                }
                tables
            },
            insurance_profile: InsuranceProfile::None,
            guarantees: Guarantees::default(),
            uses_buyers_lists: false,
            own: company.own.clone(),
        }
    }

    /// R-SALES-11: the insurance kept with the profile — none without insurance, required when
    /// mandatory, and only where the company works with insurance.
    pub fn check_insurance(&mut self, company_enables_insurance: bool) -> Result<(), FieldError> {
        let chosen = self.tables.get(CommercialKind::Insurance);
        let kept = insurance::validate(company_enables_insurance, self.insurance_profile, chosen)
            .map_err(|error| FieldError {
            field: if error.field == insurance::INSURANCE_FIELD {
                table_field(CommercialKind::Insurance)
            } else {
                error.field
            },
            message: error.message,
        })?;
        self.tables.set(CommercialKind::Insurance, kept);
        Ok(())
    }

    /// The form's values for these defaults; `parse` reads them back to the same values.
    pub fn input(&self) -> SalesDefaultsInput {
        let percent = |value: Option<Decimal>| value.map(percent::format_plain).unwrap_or_default();
        let code = |value: Option<&'static str>| value.unwrap_or_default().to_string();
        let flag = |on: bool| if on { "on" } else { "" }.to_string();
        SalesDefaultsInput {
            credit_limit: self
                .credit_limit
                .map(crate::money::format_plain)
                .unwrap_or_default(),
            daily_interest: percent(self.daily_interest),
            late_fee_source: self.late_fee_source.code().to_string(),
            late_fee: percent(self.late_fee),
            discount: percent(self.discount),
            allows_discount: flag(self.allows_discount),
            max_discount: percent(self.max_discount),
            allows_conditional_discount: flag(self.allows_conditional_discount),
            conditional_discount: ConditionalDiscountInput {
                days_before_due: self
                    .conditional_discount
                    .map(|c| c.days_before_due.to_string())
                    .unwrap_or_default(),
                percent: percent(self.conditional_discount.map(|c| c.percent)),
            },
            credit_use: code(self.credit_use.map(CreditUse::code)),
            credit_order: code(self.credit_order.map(CreditOrder::code)),
            purpose: code(self.purpose.map(Purpose::code)),
            delivery_block: self.delivery_block.code().to_string(),
            uses_only_own_price_lists: flag(self.uses_only_own_price_lists),
            uses_only_own_plans: flag(self.uses_only_own_plans),
            payment_plan_per_product: flag(self.payment_plan_per_product),
            prints_boleto_on_invoice: flag(self.prints_boleto_on_invoice),
            requires_prepayment: flag(self.requires_prepayment),
            suggested_lot: self.suggested_lot.code().to_string(),
            attachments: AttachmentsInput {
                attachments: self.attachments.attachments.code().to_string(),
                lot_pdf: self.attachments.lot_pdf.code().to_string(),
                boleto_pdf: self.attachments.boleto_pdf.code().to_string(),
                document_pdf: self.attachments.document_pdf.code().to_string(),
                document_xml: self.attachments.document_xml.code().to_string(),
            },
            tables: self.tables.input(),
            insurance_profile: self.insurance_profile.code().to_string(),
            guarantees: self.guarantees.input(),
            uses_buyers_lists: flag(self.uses_buyers_lists),
            own: self.own.input(),
        }
    }
}

const PICK_FROM_LIST: &str = "Escolha uma opção da lista.";

/// Collects every field's error, so the form shows them all at once.
struct Reader {
    errors: Vec<FieldError>,
}

impl Reader {
    fn take<T: Default>(&mut self, read: Result<T, FieldError>) -> T {
        read.unwrap_or_else(|error| {
            self.errors.push(error);
            T::default()
        })
    }

    /// A required choice; an unknown code is a field error, not a crash.
    fn choice<T: Copy + Default>(
        &mut self,
        field: &'static str,
        typed: &str,
        from_code: fn(&str) -> Option<T>,
    ) -> T {
        let read = match typed.trim() {
            "" => Ok(T::default()),
            code => from_code(code).ok_or(()),
        };
        self.take(read.map_err(|()| pick_from_list(field)))
    }

    /// A choice where empty means "not set on the customer".
    fn optional_choice<T: Copy>(
        &mut self,
        field: &'static str,
        typed: &str,
        from_code: fn(&str) -> Option<T>,
    ) -> Option<T> {
        let read = match typed.trim() {
            "" => Ok(None),
            code => from_code(code).map(Some).ok_or(()),
        };
        self.take(read.map_err(|()| pick_from_list(field)))
    }
}

fn pick_from_list(field: &'static str) -> FieldError {
    FieldError {
        field,
        message: PICK_FROM_LIST.to_string(),
    }
}

fn ticked(value: &str) -> bool {
    matches!(value.trim(), "on" | "true")
}

pub(crate) fn parse_daily_interest(typed: &str) -> Result<Option<Decimal>, FieldError> {
    let value = percent::parse(typed, DAILY_INTEREST_DECIMALS).map_err(|message| FieldError {
        field: DAILY_INTEREST_FIELD,
        message: message.to_string(),
    })?;
    if let Some(value) = value {
        // 10 % a day is already usury; more is a typo.
        percent::check_range(DAILY_INTEREST_FIELD, value, Decimal::ZERO, Decimal::TEN)?;
    }
    Ok(value)
}

impl SalesDefaultsInput {
    /// Reads what the form sent; every wrong field is named with a message in Portuguese.
    pub fn parse(&self) -> Result<SalesDefaults, Vec<FieldError>> {
        let mut reader = Reader { errors: Vec::new() };
        let credit_limit = reader.take(parse_credit_limit(&self.credit_limit));
        let daily_interest = reader.take(parse_daily_interest(&self.daily_interest));
        let late_fee_source = reader.choice(
            "late_fee_source",
            &self.late_fee_source,
            LateFeeSource::from_code,
        );
        let late_fee = reader.take(parse_late_fee(&self.late_fee));
        if reader
            .errors
            .iter()
            .all(|e| e.field != late_fee::LATE_FEE_FIELD)
        {
            reader.take(late_fee::check(late_fee_source, late_fee));
        }
        let allows_discount = ticked(&self.allows_discount);
        let discount = reader.take(parse_discount(&self.discount));
        let max_discount = reader.take(parse_max_discount(MAX_DISCOUNT_FIELD, &self.max_discount));
        let conditional_discount = match self.conditional_discount.parse() {
            Ok(terms) => terms,
            Err(errors) => {
                reader.errors.extend(errors);
                None
            }
        };
        let credit_use =
            reader.optional_choice("credit_use", &self.credit_use, CreditUse::from_code);
        let credit_order =
            reader.optional_choice("credit_order", &self.credit_order, CreditOrder::from_code);
        let purpose = reader.optional_choice("purpose", &self.purpose, Purpose::from_code);
        let delivery_block = reader.choice(
            "delivery_block",
            &self.delivery_block,
            DeliveryBlock::from_code,
        );
        let suggested_lot = reader.choice(
            "suggested_lot",
            &self.suggested_lot,
            SuggestedLot::from_code,
        );
        let mut attachments = EmailAttachments::default();
        for &kind in AttachmentKind::ALL {
            let field = attachment_field(kind);
            let typed = self.attachments.typed(kind);
            attachments.set(
                kind,
                reader.choice(field, typed, EmailAttachment::from_code),
            );
        }
        let tables = match CommercialRefs::parse(&self.tables) {
            Ok(tables) => tables,
            Err(errors) => {
                reader.errors.extend(errors);
                CommercialRefs::default()
            }
        };
        let insurance_profile = reader.choice(
            insurance::PROFILE_FIELD,
            &self.insurance_profile,
            InsuranceProfile::from_code,
        );
        let guarantees = match self.guarantees.parse() {
            Ok(guarantees) => guarantees,
            Err(errors) => {
                reader.errors.extend(errors);
                Guarantees::default()
            }
        };
        let own = match OwnEntries::parse(&self.own) {
            Ok(own) => own,
            Err(errors) => {
                reader.errors.extend(errors);
                OwnEntries::default()
            }
        };
        if !reader.errors.is_empty() {
            return Err(reader.errors);
        }
        Ok(SalesDefaults {
            credit_limit,
            daily_interest,
            late_fee_source,
            late_fee,
            // R-SALES-3: a customer who may not get discounts has theirs stored as zero.
            discount: stored_customer_discount(allows_discount, discount),
            allows_discount,
            max_discount,
            allows_conditional_discount: ticked(&self.allows_conditional_discount),
            conditional_discount,
            credit_use,
            credit_order,
            purpose,
            delivery_block,
            uses_only_own_price_lists: ticked(&self.uses_only_own_price_lists),
            uses_only_own_plans: ticked(&self.uses_only_own_plans),
            payment_plan_per_product: ticked(&self.payment_plan_per_product),
            prints_boleto_on_invoice: ticked(&self.prints_boleto_on_invoice),
            requires_prepayment: ticked(&self.requires_prepayment),
            suggested_lot,
            attachments,
            tables,
            insurance_profile,
            guarantees,
            uses_buyers_lists: ticked(&self.uses_buyers_lists),
            own,
        })
    }
}

impl AttachmentsInput {
    fn typed(&self, kind: AttachmentKind) -> &str {
        match kind {
            AttachmentKind::Attachments => &self.attachments,
            AttachmentKind::LotPdf => &self.lot_pdf,
            AttachmentKind::BoletoPdf => &self.boleto_pdf,
            AttachmentKind::DocumentPdf => &self.document_pdf,
            AttachmentKind::DocumentXml => &self.document_xml,
        }
    }
}

/// The form field of one attachment choice (`attachments[lot_pdf]` in the form).
pub fn attachment_field(kind: AttachmentKind) -> &'static str {
    match kind {
        AttachmentKind::Attachments => "attachments.attachments",
        AttachmentKind::LotPdf => "attachments.lot_pdf",
        AttachmentKind::BoletoPdf => "attachments.boleto_pdf",
        AttachmentKind::DocumentPdf => "attachments.document_pdf",
        AttachmentKind::DocumentXml => "attachments.document_xml",
    }
}

#[cfg(test)]
#[path = "defaults_tests.rs"]
mod tests;
