//! "Financeiro → Contas a receber" (issue 12): the current company's receivables, filtered by
//! status, customer group, region, salesperson, customer, due date and amount — the filters in
//! the URL, so a link or a reload shows the same — a page at a time in due-date order, with the
//! totals by status of everything that matches (not only the page).
//!
//! The filters are a GET form: it works before the page hydrates, and once hydrated every
//! change applies at once (the router navigates to the new query). Each row's settlements,
//! settlement and cancellation open under the rows, with the permissions (R-PERM).

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use rules::finance::receivable_filter::{ReceivableFilterInput, OWED, OWED_LABEL};
use rules::finance::status::ReceivableStatus;
use rules::lookup::LookupKind;
use rules::money::format_brl;
use rust_decimal::Decimal;

use crate::api::profile_options;
use crate::api::receivables_screen::{list_receivables, receivables_report};
use crate::api::resource::{api_resource, ApiResource};
use crate::components::post_form::FormFields;
use crate::components::protected::protected;
use crate::components::refusal::Refusal;
use crate::customers::list_types::{encode, thousands};
use crate::customers::receivable_list_types::{ReceivablesPage, ReportView, StatusTotal};
use crate::customers::record_types::KindOptions;
use crate::pages::customer_record::finance_tab::FinancePermissions;
use crate::pages::customer_record::receivables_panel::row_actions;
use crate::pages::receivables_filter_fields::{CodeSelect, FilterMessage};
use crate::pages::receivables_screen_forms::{ScreenActions, ScreenForms};
use rules::finance::report_export::export_refusal;
use rules::finance::report_grouping::ReportGrouping;

pub const RECEIVABLES_HREF: &str = "/financeiro/contas-a-receber";
const DATE_HINT: &str = "dd/mm/aaaa";
const MONEY_HINT: &str = "0,00";

#[component]
pub fn ReceivablesScreenPage() -> impl IntoView {
    let query = use_query_map();
    let asked = Memo::new(move |_| {
        query.with(|q| {
            let get = |name: &str| q.get(name).unwrap_or_default();
            (
                ReceivableFilterInput {
                    situacao: get("situacao"),
                    grupo: get("grupo"),
                    regiao: get("regiao"),
                    vendedor: get("vendedor"),
                    cliente: get("cliente"),
                    venc_de: get("venc_de"),
                    venc_ate: get("venc_ate"),
                    valor_min: get("valor_min"),
                    valor_max: get("valor_max"),
                },
                get("apos"),
            )
        })
    });
    // Bumped after a settlement, reversal or cancellation: the page and report reload.
    let saves = RwSignal::new(0u32);
    let page = api_resource(
        move || (asked.get(), saves.get()),
        |((filter, after), _)| list_receivables(filter, after),
    );
    let grouping = Memo::new(move |_| {
        ReportGrouping::from_code(&query.with(|q| q.get("agrupar").unwrap_or_default()))
    });
    // The report does not follow the page cursor: only the filters and the grouping.
    let report = api_resource(
        move || {
            let filter = asked.with(|(filter, _)| filter.clone());
            (filter, grouping.get(), saves.get())
        },
        |(filter, grouping, _)| receivables_report(filter, grouping.code().to_string()),
    );
    let options = api_resource(|| (), |_| profile_options());
    let today = Signal::derive(move || {
        page.get()
            .and_then(Result::ok)
            .map(|p| p.today)
            .unwrap_or_default()
    });
    view! {
        <Title text="Contas a receber · Clientela" />
        {protected(move |session| {
            let actions = ScreenActions::new(FinancePermissions::of(&session), today, saves);
            view! { <ReceivablesScreen asked page grouping report options actions /> }
        })}
    }
}

#[component]
fn ReceivablesScreen(
    asked: Memo<(ReceivableFilterInput, String)>,
    page: ApiResource<ReceivablesPage>,
    grouping: Memo<ReportGrouping>,
    report: ApiResource<ReportView>,
    options: ApiResource<Vec<KindOptions>>,
    actions: ScreenActions,
) -> impl IntoView {
    // The fields' aria-invalid follows the page's answer once the page is live (an Effect): read
    // while it hydrates, outside a Transition, the answer may not be there yet, and what the
    // browser found would not be what the server wrote (see `FilterMessage`).
    let live = RwSignal::new(false);
    Effect::new(move |_| live.set(true));
    let refusal = Refusal::of(
        Signal::derive(move || if live.get() { page.get() } else { None }),
        "receivables-filter",
    );
    let typed = move |pick: fn(&ReceivableFilterInput) -> &String| {
        move || asked.with(|(filter, _)| pick(filter).clone())
    };
    let text = move |name: &'static str,
                     label: &'static str,
                     pick: fn(&ReceivableFilterInput) -> &String,
                     hint: &'static str| {
        let id = format!("receivables-{name}");
        view! {
            <div class="field">
                <label for=id.clone()>{label}</label>
                <input
                    id=id
                    name=name
                    autocomplete="off"
                    placeholder=hint
                    // A phone shows digits for a date, digits and the comma for money.
                    inputmode=match hint {
                        DATE_HINT => Some("numeric"),
                        MONEY_HINT => Some("decimal"),
                        _ => None,
                    }
                    maxlength=(hint == DATE_HINT).then_some("10")
                    // A date takes its slashes as typed (0112202 → 01/12/202), as on every form.
                    on:input=move |ev| {
                        if hint == DATE_HINT {
                            use leptos::wasm_bindgen::JsCast;
                            if let Some(input) = ev
                                .target()
                                .and_then(|t| t.dyn_into::<leptos::web_sys::HtmlInputElement>().ok())
                            {
                                input.set_value(&rules::date_input::mask_as_typed(&input.value()));
                            }
                        }
                    }
                    prop:value=typed(pick)
                    aria-invalid=refusal.invalid(name)
                    aria-describedby=refusal.described(name)
                />
                <FilterMessage page name />
            </div>
        }
    };
    let code_select = move |name: &'static str,
                            label: &'static str,
                            kind: LookupKind,
                            pick: fn(&ReceivableFilterInput) -> &String| {
        let typed = Signal::derive(typed(pick));
        view! { <CodeSelect name label kind typed options refusal page /> }
    };
    // Any change applies the filters at once.
    let apply = |ev: leptos::ev::Event| {
        use leptos::wasm_bindgen::JsCast;
        if let Some(form) = ev
            .current_target()
            .and_then(|t| t.dyn_into::<leptos::web_sys::HtmlFormElement>().ok())
        {
            let _ = form.request_submit();
        }
    };
    // Only the filters set go in the address, so it reads well when shared.
    let navigate = use_navigate();
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let fields = FormFields::of_submit(&ev);
        let filter = ReceivableFilterInput {
            situacao: fields.text("situacao"),
            grupo: fields.text("grupo"),
            regiao: fields.text("regiao"),
            vendedor: fields.text("vendedor"),
            cliente: fields.text("cliente"),
            venc_de: fields.text("venc_de"),
            venc_ate: fields.text("venc_ate"),
            valor_min: fields.text("valor_min"),
            valor_max: fields.text("valor_max"),
        };
        let grouping = ReportGrouping::from_code(&fields.text("agrupar"));
        navigate(
            &screen_href(&filter, grouping, ""),
            NavigateOptions {
                scroll: false,
                ..Default::default()
            },
        );
    };
    view! {
        <section class="card">
            <h1>"Contas a receber"</h1>
            // A plain GET form: without WebAssembly it still filters, by reloading.
            <form method="get" action=RECEIVABLES_HREF class="record-form receivables-filters" aria-label="Filtros dos títulos" on:change=apply on:submit=submit>
                <div class="field">
                    <label for="receivables-situacao">"Situação"</label>
                    <select
                        id="receivables-situacao"
                        name="situacao"
                        prop:value=typed(|f| &f.situacao)
                        aria-invalid=refusal.invalid("situacao")
                        aria-describedby=refusal.described("situacao")
                    >
                        <option value="">"Todas"</option>
                        <option value=OWED>{OWED_LABEL}</option>
                        {ReceivableStatus::ALL
                            .iter()
                            .map(|s| view! { <option value=s.code()>{s.label()}</option> })
                            .collect_view()}
                    </select>
                    <FilterMessage page name="situacao" />
                </div>
                {code_select("grupo", "Grupo de clientes", LookupKind::CustomerGroup, |f| &f.grupo)}
                {code_select("regiao", "Região", LookupKind::Region, |f| &f.regiao)}
                {code_select("vendedor", "Vendedor", LookupKind::Salesperson, |f| &f.vendedor)}
                {text("cliente", "Cliente", |f| &f.cliente, "código, nome ou CPF/CNPJ")}
                {text("venc_de", "Vencimento de", |f| &f.venc_de, DATE_HINT)}
                {text("venc_ate", "Vencimento até", |f| &f.venc_ate, DATE_HINT)}
                {text("valor_min", "Valor de (R$)", |f| &f.valor_min, MONEY_HINT)}
                {text("valor_max", "Valor até (R$)", |f| &f.valor_max, MONEY_HINT)}
                <div class="field">
                    <label for="receivables-agrupar">"Relatório agrupado por"</label>
                    <select id="receivables-agrupar" name="agrupar" prop:value=move || grouping.get().code()>
                        {ReportGrouping::ALL
                            .into_iter()
                            .map(|g| view! { <option value=g.code()>{g.label()}</option> })
                            .collect_view()}
                    </select>
                </div>
                <div class="actions wide">
                    <button type="submit">"Filtrar"</button>
                    // Back to where the menu opens the screen: what is still to be received.
                    <a href=crate::components::top_bar::RECEIVABLES_MENU_HREF>"Limpar filtros"</a>
                </div>
            </form>
        </section>
        <p id="receivables-said" class="finance-said" role="status" tabindex="-1">{move || actions.said.get()}</p>
        // The open form and the report come before the rows: on a phone the rows are 50 cards.
        <ScreenForms actions />
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                report.await.ok().map(|report| view! { <Report report asked grouping /> })
            })}
        </Transition>
        <Transition fallback=|| view! { <p class="loading">"Carregando…"</p> }>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(page) => view! { <Results page asked grouping actions /> }.into_any(),
                    Err(crate::error::AppError::Invalid(_)) => ().into_any(),
                    Err(error) => view! { <p class="error" role="alert">{error.to_string()}</p> }.into_any(),
                }
            })}
        </Transition>
    }
}

/// The filters as a URL's query.
fn filter_query(filter: &ReceivableFilterInput) -> Vec<String> {
    filter
        .pairs()
        .into_iter()
        .map(|(name, value)| format!("{name}={}", encode(value)))
        .collect()
}

/// The screen with these filters and grouping, from the page after `after` (from the first when
/// empty): only what is set goes in the query.
fn screen_href(filter: &ReceivableFilterInput, grouping: ReportGrouping, after: &str) -> String {
    let mut query = filter_query(filter);
    if grouping != ReportGrouping::default() {
        query.push(format!("agrupar={}", grouping.code()));
    }
    if !after.is_empty() {
        query.push(format!("apos={}", encode(after)));
    }
    if query.is_empty() {
        RECEIVABLES_HREF.to_string()
    } else {
        format!("{RECEIVABLES_HREF}?{}", query.join("&"))
    }
}

/// Where the report with these filters, grouped so, downloads as `extension`.
fn report_href(
    filter: &ReceivableFilterInput,
    grouping: ReportGrouping,
    extension: &str,
) -> String {
    let mut query = filter_query(filter);
    query.push(format!("agrupar={}", grouping.code()));
    format!(
        "/relatorios/contas-a-receber.{extension}?{}",
        query.join("&")
    )
}

/// R-HIST-3: the subtotals by group or region and the grand total, with the downloads.
#[component]
fn Report(
    report: ReportView,
    asked: Memo<(ReceivableFilterInput, String)>,
    grouping: Memo<ReportGrouping>,
) -> impl IntoView {
    let filter = asked.get_untracked().0;
    let grouping = grouping.get_untracked();
    let link = |extension: &'static str, label: &'static str| {
        view! {
            <a class="button" href=report_href(&filter, grouping, extension) download rel="external">{label}</a>
        }
    };
    view! {
        <section class="card" aria-labelledby="receivables-report-title">
            <h2 id="receivables-report-title">{format!("Relatório por {}", report.grouped_by.to_lowercase())}</h2>
            <table class="ledger report-totals">
                <caption class="visually-hidden">"Subtotais do relatório"</caption>
                <thead>
                    <tr>
                        <th scope="col">{report.grouped_by.clone()}</th>
                        <th scope="col" class="money">"Títulos"</th>
                        <th scope="col" class="money">"Valor"</th>
                        <th scope="col" class="money">"Saldo"</th>
                    </tr>
                </thead>
                <tbody>
                    {report.groups.into_iter().map(|g| view! {
                        <tr>
                            <th scope="row" data-label="Grupo">{g.name}</th>
                            <td class="money" data-label="Títulos">{thousands(g.total.count)}</td>
                            <td class="money" data-label="Valor">{format_brl(g.total.amount)}</td>
                            <td class="money" data-label="Saldo">{format_brl(g.total.balance)}</td>
                        </tr>
                    }).collect_view()}
                    <tr class="opening">
                        <th scope="row" data-label="Grupo">"Total geral"</th>
                        <td class="money" data-label="Títulos">{thousands(report.total.count)}</td>
                        <td class="money" data-label="Valor">{format_brl(report.total.amount)}</td>
                        <td class="money" data-label="Saldo">{format_brl(report.total.balance)}</td>
                    </tr>
                </tbody>
            </table>
            {match export_refusal(report.total.count) {
                None => view! {
                    <p class="actions">
                        {link("pdf", "Exportar PDF")}
                        {link("xlsx", "Exportar planilha (XLSX)")}
                        {link("csv", "Exportar CSV")}
                    </p>
                }
                    .into_any(),
                Some(why) => view! { <p class="hint">{why}</p> }.into_any(),
            }}
        </section>
    }
}

#[component]
fn Results(
    page: ReceivablesPage,
    asked: Memo<(ReceivableFilterInput, String)>,
    grouping: Memo<ReportGrouping>,
    actions: ScreenActions,
) -> impl IntoView {
    let (filter, after) = asked.get_untracked();
    let grouping = grouping.get_untracked();
    let next = page
        .next
        .as_ref()
        .map(|next| screen_href(&filter, grouping, next));
    let first = (!after.is_empty()).then(|| screen_href(&filter, grouping, ""));
    view! {
        <section class="card" aria-labelledby="receivables-totals-title">
            <h2 id="receivables-totals-title">{format!("Totais por situação · empresa {}", page.company)}</h2>
            <Totals totals=page.totals />
        </section>
        <section class="card" aria-labelledby="receivables-rows-title">
            <h2 id="receivables-rows-title">"Títulos"</h2>
            {if page.rows.is_empty() {
                view! { <p>"Nenhum título encontrado com estes filtros."</p> }.into_any()
            } else {
                view! {
                    <table class="ledger receivables-screen">
                        <caption class="visually-hidden">"Títulos a receber da empresa"</caption>
                        <thead>
                            <tr>
                                <th scope="col">"Documento"</th>
                                <th scope="col">"Cliente"</th>
                                <th scope="col">"Tipo"</th>
                                <th scope="col">"Cobrança (" <abbr title="Localização, operação e portador">"LOP"</abbr> ")"</th>
                                <th scope="col">"Emissão"</th>
                                <th scope="col">"Vencimento"</th>
                                <th scope="col" class="money">"Valor"</th>
                                <th scope="col" class="money">"Saldo"</th>
                                <th scope="col">"Situação"</th>
                                <th scope="col">"Ações"</th>
                            </tr>
                        </thead>
                        <tbody>
                            {page.rows.into_iter().map(|r| {
                                let row_actions = row_actions(&r.receivable(), actions.may, actions.acting);
                                view! {
                                <tr>
                                    <th scope="row" data-label="Documento">{r.document}</th>
                                    <td data-label="Cliente">
                                        <a href=format!("/clientes/{}?aba=financeiro", r.customer_code)>
                                            {format!("{} - {}", r.customer_code, r.customer)}
                                        </a>
                                    </td>
                                    <td data-label="Tipo">{r.kind}</td>
                                    <td data-label="Cobrança (LOP)">{r.collection}</td>
                                    <td class="date" data-label="Emissão">{r.issue_date}</td>
                                    <td class="date" data-label="Vencimento">{r.due_date}</td>
                                    <td class="money" data-label="Valor">{format_brl(r.amount)}</td>
                                    <td class="money" data-label="Saldo">{format_brl(r.balance)}</td>
                                    <td data-label="Situação" class:overdue=r.status == ReceivableStatus::Overdue>{r.status.label()}</td>
                                    <td data-label="Ações"><div class="row-actions">{row_actions}</div></td>
                                </tr>
                            }}).collect_view()}
                        </tbody>
                    </table>
                }.into_any()
            }}
            <nav class="pager" aria-label="Páginas">
                {first.map(|href| view! { <a href=href>"Primeira página"</a> })}
                {next.map(|href| view! { <a href=href>"Próxima página"</a> })}
            </nav>
        </section>
    }
}

#[component]
fn Totals(totals: Vec<StatusTotal>) -> impl IntoView {
    let count: i64 = totals.iter().map(|t| t.count).sum();
    let amount: Decimal = totals.iter().map(|t| t.amount).sum();
    let balance: Decimal = totals.iter().map(|t| t.balance).sum();
    view! {
        <table class="ledger status-totals">
            <caption class="visually-hidden">"Totais por situação"</caption>
            <thead>
                <tr>
                    <th scope="col">"Situação"</th>
                    <th scope="col" class="money">"Títulos"</th>
                    <th scope="col" class="money">"Valor"</th>
                    <th scope="col" class="money">"Saldo"</th>
                </tr>
            </thead>
            <tbody>
                {totals.into_iter().map(|t| view! {
                    <tr>
                        <th scope="row" data-label="Situação">{t.status.label()}</th>
                        <td class="money" data-label="Títulos">{thousands(t.count)}</td>
                        <td class="money" data-label="Valor">{format_brl(t.amount)}</td>
                        <td class="money" data-label="Saldo">{format_brl(t.balance)}</td>
                    </tr>
                }).collect_view()}
                <tr class="opening">
                    <th scope="row" data-label="Situação">"Total"</th>
                    <td class="money" data-label="Títulos">{thousands(count)}</td>
                    <td class="money" data-label="Valor">{format_brl(amount)}</td>
                    <td class="money" data-label="Saldo">{format_brl(balance)}</td>
                </tr>
            </tbody>
        </table>
    }
}
