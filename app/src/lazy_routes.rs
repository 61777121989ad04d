//! Screens a user reaches after the list, each loaded on its first visit so the sign-in page and
//! the customer list download only their own code (issue 10, item 2). Needs `cargo leptos … --split`:
//! every build command of the project passes it (LEPTOS_RELEASE_FLAGS in scripts/common.sh).

use leptos::prelude::*;
use leptos_router::{lazy_route, LazyRoute};

use crate::pages::batches::BatchesPage;
use crate::pages::company_settings::CompanySettingsPage;
use crate::pages::customer_record::{CustomerEditPage, CustomerNewPage};
use crate::pages::lookup_table::{LookupIndexPage, LookupTablePage};
use crate::pages::receivables_screen::ReceivablesScreenPage;

/// A route whose view is its page component, loaded as a chunk of its own.
macro_rules! lazy_page {
    ($route:ident, $page:ident) => {
        pub struct $route;

        #[lazy_route]
        impl LazyRoute for $route {
            fn data() -> Self {
                $route
            }

            fn view(_this: Self) -> AnyView {
                view! { <$page /> }.into_any()
            }
        }
    };
}

lazy_page!(CustomerEditRoute, CustomerEditPage);
lazy_page!(CustomerNewRoute, CustomerNewPage);
lazy_page!(BatchesRoute, BatchesPage);
lazy_page!(LookupIndexRoute, LookupIndexPage);
lazy_page!(LookupTableRoute, LookupTablePage);
lazy_page!(CompanySettingsRoute, CompanySettingsPage);
lazy_page!(ReceivablesRoute, ReceivablesScreenPage);

/// The record's part, fetched in the background once the list is idle (issue 10): a salesperson
/// opens a customer from the list, and on a slow mobile network the record's part and the pieces
/// it shares with other screens take seconds to arrive. The downloads are shared (the split
/// loader keeps each one it started), so a tap before they end waits for them, not for new ones.
pub fn prefetch_record_when_idle() {
    #[cfg(feature = "hydrate")]
    Effect::new(|_| {
        leptos::prelude::request_idle_callback(|| {
            leptos::task::spawn_local(<CustomerEditRoute as LazyRoute>::preload());
        })
    });
}
