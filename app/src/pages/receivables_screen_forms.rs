//! The forms a row of "Contas a receber" opens (issue 12): its settlements (with reversal),
//! a settlement and a cancellation — the record's Financeiro forms, above the screen's rows.
//! After a write the screen says what happened and reloads the page, totals and report.

use leptos::prelude::*;

use super::customer_record::finance_tab::{close_to_opener, FinancePermissions, RowAction};
use super::customer_record::receivable_forms::{CancelForm, SettleForm};
use super::customer_record::settlements_list::SettlementsList;
use crate::components::focus::focus_by_id_next_frame;

/// What the screen's rows and forms share.
#[derive(Clone, Copy)]
pub struct ScreenActions {
    pub may: FinancePermissions,
    pub acting: RwSignal<Option<RowAction>>,
    /// What the last write did, read out by the status line.
    pub said: RwSignal<String>,
    /// Brasília's today, `dd/mm/aaaa`, where a settlement's date starts.
    pub today: Signal<String>,
    /// Bumped after a write: the page and the report follow it.
    pub saves: RwSignal<u32>,
}

impl ScreenActions {
    pub fn new(may: FinancePermissions, today: Signal<String>, saves: RwSignal<u32>) -> Self {
        let actions = Self {
            may,
            acting: RwSignal::new(None),
            said: RwSignal::new(String::new()),
            today,
            saves,
        };
        // A new form replaces the last message and takes the focus: it opens above the rows.
        Effect::new(move |_| {
            if let Some(heading) = actions
                .acting
                .with(|a| a.as_ref().map(RowAction::heading_id))
            {
                actions.said.set(String::new());
                focus_by_id_next_frame(heading);
            }
        });
        actions
    }
}

#[component]
pub fn ScreenForms(actions: ScreenActions) -> impl IntoView {
    let close = Callback::new(move |()| close_to_opener(actions.acting));
    let done = Callback::new(move |message: String| {
        actions.said.set(message);
        actions.acting.set(None);
        actions.saves.update(|n| *n += 1);
        // The form is gone: the focus goes where the user reads what happened.
        focus_by_id_next_frame("receivables-said");
    });
    move || match actions.acting.get() {
        Some(RowAction::Settle(row)) => {
            let today = actions.today.get_untracked();
            view! { <section class="card"><SettleForm row today done close /></section> }.into_any()
        }
        Some(RowAction::Cancel(row)) => {
            view! { <section class="card"><CancelForm row done close /></section> }.into_any()
        }
        Some(RowAction::Settlements(row)) => view! {
            <section class="card">
                <SettlementsList row may_reverse=actions.may.settle done close />
            </section>
        }
        .into_any(),
        _ => ().into_any(),
    }
}
