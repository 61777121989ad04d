//! The record's tabs, as the seeds organise a customer (issue 11): one at a time, the open one
//! in the URL (`/clientes/2002?aba=enderecos`), so a link or a reload opens the same tab. The
//! tabs are links: they work before the page hydrates, and the browser's back button walks them.
//! Every tab stays in the page, hidden, so what was typed in one survives a visit to another.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    General,
    Addresses,
    SalesDefaults,
    LedgerAccounts,
    Finance,
    History,
}

impl Tab {
    const ALL: [Tab; 6] = [
        Tab::General,
        Tab::Addresses,
        Tab::SalesDefaults,
        Tab::LedgerAccounts,
        Tab::Finance,
        Tab::History,
    ];

    /// The `aba` of the URL; the first tab has none.
    pub(super) fn slug(self) -> Option<&'static str> {
        match self {
            Tab::General => None,
            Tab::Addresses => Some("enderecos"),
            Tab::SalesDefaults => Some("vendas"),
            Tab::LedgerAccounts => Some("contas"),
            Tab::Finance => Some("financeiro"),
            Tab::History => Some("historico"),
        }
    }

    fn label(self) -> &'static str {
        match self {
            Tab::General => "Dados gerais",
            Tab::Addresses => "Endereços",
            Tab::SalesDefaults => "Padrão para vendas",
            Tab::LedgerAccounts => "Contas contábeis",
            Tab::Finance => "Financeiro",
            Tab::History => "Histórico",
        }
    }

    /// An unknown `aba` opens the first tab rather than an empty page.
    fn from_slug(slug: Option<&str>) -> Self {
        Self::ALL
            .into_iter()
            .find(|tab| tab.slug().is_some() && tab.slug() == slug)
            .unwrap_or(Tab::General)
    }
}

/// The open tab, following the URL.
pub fn open_tab() -> Memo<Tab> {
    let query = use_query_map();
    Memo::new(move |_| query.with(|q| Tab::from_slug(q.get("aba").as_deref())))
}

/// The tab links of the customer whose record is at `href`.
#[component]
pub fn RecordTabs(href: String, open: Memo<Tab>) -> impl IntoView {
    view! {
        <nav class="record-tabs" aria-label="Seções do cliente">
            {Tab::ALL
                .into_iter()
                .map(|tab| {
                    let target = match tab.slug() {
                        Some(slug) => format!("{href}?aba={slug}"),
                        None => href.clone(),
                    };
                    view! {
                        <a href=target aria-current=move || (open.get() == tab).then_some("page")>
                            {tab.label()}
                        </a>
                    }
                })
                .collect_view()}
        </nav>
    }
}

#[cfg(test)]
mod tests {
    use super::Tab;

    #[test]
    fn the_url_names_the_open_tab_and_anything_else_opens_the_first() {
        assert_eq!(Tab::from_slug(None), Tab::General);
        assert_eq!(Tab::from_slug(Some("enderecos")), Tab::Addresses);
        assert_eq!(Tab::from_slug(Some("historico")), Tab::History);
        assert_eq!(Tab::from_slug(Some("vendas")), Tab::SalesDefaults);
        assert_eq!(Tab::from_slug(Some("contas")), Tab::LedgerAccounts);
        assert_eq!(Tab::from_slug(Some("financeiro")), Tab::Finance);
        assert_eq!(Tab::from_slug(Some("extrato")), Tab::General);
        assert_eq!(Tab::from_slug(Some("")), Tab::General);
        for tab in Tab::ALL {
            assert_eq!(Tab::from_slug(tab.slug()), tab);
        }
    }
}
