//! The record's "Financeiro" tab (issue 12): the credit figures per company, the receivables in
//! the current company with their settlements, the customer's advances and their statement.
//! One form is open at a time, under the panel it belongs to; after a write the tab says what
//! happened and every figure reloads (credit, receivables, advances).

use leptos::prelude::*;
use rules::permission::Permission;

use super::advances_panel::AdvancesPanel;
use super::credit_panel::CreditPanel;
use super::receivables_panel::ReceivablesPanel;
use super::statement_panel::StatementPanel;
use crate::api::resource::ApiResource;
use crate::components::focus::{focus_by_id_later, focus_by_id_next_frame};
use crate::customers::advance_types::{AdvanceRow, AdvancesView};
use crate::customers::credit_types::{CompanyCreditView, ReceivableRow};
use crate::session::SessionView;

/// What the user may do here; the server checks each again.
#[derive(Debug, Clone, Copy)]
pub struct FinancePermissions {
    pub register: bool,
    pub settle: bool,
    pub cancel: bool,
    pub advance: bool,
    pub refund: bool,
}

impl RowAction {
    /// The heading of the form it opens: focused when the form opens, so the user (keyboard,
    /// screen reader, or a mouse far down the page) lands on it.
    pub(crate) fn heading_id(&self) -> &'static str {
        match self {
            RowAction::New => "new-receivable-title",
            RowAction::Settle(_) => "settle-title",
            RowAction::Cancel(_) => "cancel-title",
            RowAction::Settlements(_) => "settlements-title",
            RowAction::RegisterAdvance => "register-advance-title",
            RowAction::UseAdvance(_) => "use-advance-title",
            RowAction::Refund(_) => "refund-title",
        }
    }

    /// The id of the row's button that opened it: the focus goes back there when the form
    /// closes without a write, so a keyboard user is on the row they left.
    pub(crate) fn opener_id(&self) -> Option<String> {
        match self {
            RowAction::Settle(row) => Some(opener_id(row.id, "settle")),
            RowAction::Cancel(row) => Some(opener_id(row.id, "cancel")),
            RowAction::Settlements(row) => Some(opener_id(row.id, "settlements")),
            _ => None,
        }
    }
}

/// `receivable-<id>-<action>`: unique on a page, as each receivable is listed once.
pub(crate) fn opener_id(receivable_id: i64, action: &str) -> String {
    format!("receivable-{receivable_id}-{action}")
}

/// Closes the open form and gives the focus back to the button that opened it.
pub(crate) fn close_to_opener(acting: RwSignal<Option<RowAction>>) {
    let opener = acting.with_untracked(|a| a.as_ref().and_then(RowAction::opener_id));
    acting.set(None);
    if let Some(id) = opener {
        focus_by_id_later(id);
    }
}

impl FinancePermissions {
    pub fn of(session: &SessionView) -> Self {
        Self {
            register: session.can(Permission::RegisterReceivables),
            settle: session.can(Permission::SettleReceivables),
            cancel: session.can(Permission::CancelReceivables),
            advance: session.can(Permission::RegisterAdvances),
            refund: session.can(Permission::RefundAdvances),
        }
    }
}

/// The form open in the tab.
#[derive(Debug, Clone, PartialEq)]
pub enum RowAction {
    New,
    Settle(ReceivableRow),
    Cancel(ReceivableRow),
    Settlements(ReceivableRow),
    RegisterAdvance,
    UseAdvance(AdvanceRow),
    Refund(AdvanceRow),
}

/// What the tab's panels share.
#[derive(Clone, Copy)]
pub struct FinanceContext {
    pub customer_id: i64,
    pub may: FinancePermissions,
    pub acting: RwSignal<Option<RowAction>>,
    /// Brasília's today, `dd/mm/aaaa`, where the forms' dates start.
    pub today: Signal<String>,
    /// After a write: says `message`, closes the form, reloads the figures.
    pub done: Callback<String>,
}

#[component]
pub fn FinanceTab(
    customer_id: i64,
    may: FinancePermissions,
    credit: ApiResource<Vec<CompanyCreditView>>,
    receivables: ApiResource<Vec<ReceivableRow>>,
    advances: ApiResource<AdvancesView>,
    /// Bumped after a write: the resources above follow it.
    finance_saves: RwSignal<u32>,
) -> impl IntoView {
    let said = RwSignal::new(String::new());
    let acting = RwSignal::new(None::<RowAction>);
    let finance = FinanceContext {
        customer_id,
        may,
        acting,
        today: Signal::derive(move || {
            advances
                .get()
                .and_then(Result::ok)
                .map(|v| v.today)
                .unwrap_or_default()
        }),
        done: Callback::new(move |message: String| {
            said.set(message);
            acting.set(None);
            finance_saves.update(|n| *n += 1);
            focus_by_id_next_frame("finance-said");
        }),
    };
    // A new form replaces the last message (it spoke of something else) and takes the focus:
    // it opens under its panel, on a long page far from the button that opened it.
    Effect::new(move |_| {
        if let Some(heading) = acting.with(|a| a.as_ref().map(RowAction::heading_id)) {
            said.set(String::new());
            focus_by_id_next_frame(heading);
        }
    });
    view! {
        // Focusable: a write closes its form, and the focus goes where the user reads what happened.
        <p id="finance-said" class="finance-said" role="status" tabindex="-1">{move || said.get()}</p>
        <CreditPanel credit />
        <ReceivablesPanel receivables finance />
        <AdvancesPanel advances receivables finance />
        <StatementPanel finance />
    }
}
