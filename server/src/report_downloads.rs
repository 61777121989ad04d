//! R-HIST-3: the receivables report downloaded — `GET /relatorios/contas-a-receber.{pdf,csv,xlsx}`
//! with the receivables screen's filters and `agrupar=grupo|regiao` — from the same figures the
//! screen shows (`receivables_report_store::full`): PDF through the `documents` template, CSV
//! as a Brazilian spreadsheet opens it (`;`, decimal comma, UTF-8 with BOM), XLSX with money as
//! numbers in a R$ format. The checks are a server function's: session, tenant, company.

use app::customers::receivable_list_types::ReportView;
use app::error::AppError;
use app::server::{auth, brasilia_time, receivable_filter_codes, receivables_report_store};
use axum::extract::{Query, Request, State};
use axum::response::{IntoResponse, Response};
use rules::finance::receivable_filter::{self, ReceivableFilterInput};
use rules::finance::report_grouping::{ReportGrouping, ReportTotal};
use rules::money::format_brl;
use rust_decimal::Decimal;
use serde::Deserialize;
use server::AppState;

use crate::statement_pdf::refused;

#[derive(Debug, Deserialize)]
struct ReportQuery {
    #[serde(flatten)]
    filter: ReceivableFilterInput,
    #[serde(default)]
    agrupar: String,
}

pub fn routes() -> axum::Router<AppState> {
    use axum::routing::get;
    axum::Router::new()
        .route("/relatorios/contas-a-receber.pdf", get(pdf))
        .route("/relatorios/contas-a-receber.csv", get(csv))
        .route("/relatorios/contas-a-receber.xlsx", get(xlsx))
}

/// The report and the one line describing its filters, or the refusal to answer.
async fn load(
    state: &AppState,
    request: Request,
) -> Result<(ReportView, String, String), Response> {
    let (parts, _) = request.into_parts();
    let Ok(Query(query)) = Query::<ReportQuery>::try_from_uri(&parts.uri) else {
        return Err(refused(&AppError::BadRequest(
            "Filtros inválidos.".to_string(),
        )));
    };
    let pool = &state.context.pool;
    let caller = match auth::caller_of_request(pool, &parts).await {
        Ok(Some(caller)) => caller,
        Ok(None) => return Err(refused(&AppError::Unauthenticated)),
        Err(error) => return Err(refused(&error)),
    };
    let filter =
        receivable_filter::read(&query.filter).map_err(|e| refused(&AppError::invalid(e)))?;
    receivable_filter_codes::check(pool, &caller, &filter)
        .await
        .map_err(|e| refused(&e))?;
    let grouping = ReportGrouping::from_code(&query.agrupar);
    let report =
        receivables_report_store::full(pool, &caller, &filter, grouping, brasilia_time::today())
            .await
            .map_err(|e| refused(&e))?;
    let filters = describe(&query.filter);
    let generated = format!(
        "Emitido em {} por {}",
        brasilia_time::date_time(chrono::Utc::now()),
        caller.user_name
    );
    Ok((report, filters, generated))
}

/// `Situação: Vencido · Região: SC · Vencimento de 01/01/2026`, or that nothing filters.
fn describe(input: &ReceivableFilterInput) -> String {
    let label = |name: &str| match name {
        "situacao" => "Situação",
        "grupo" => "Grupo",
        "regiao" => "Região",
        "vendedor" => "Vendedor",
        "cliente" => "Cliente",
        "venc_de" => "Vencimento de",
        "venc_ate" => "Vencimento até",
        "valor_min" => "Valor de",
        _ => "Valor até",
    };
    let parts: Vec<String> = input
        .pairs()
        .into_iter()
        .map(|(name, value)| {
            let value = match name {
                "situacao" if value.trim() == receivable_filter::OWED => "A receber".to_string(),
                "situacao" => rules::finance::status::ReceivableStatus::from_code(value)
                    .map_or(value, |s| s.label())
                    .to_string(),
                // As the screen shows money: "5000" typed reads "R$ 5.000,00".
                "valor_min" | "valor_max" => rules::money::parse_brl(value)
                    .map_or_else(|_| value.trim().to_string(), rules::money::format_brl),
                _ => value.trim().to_uppercase(),
            };
            format!("{}: {value}", label(name))
        })
        .collect();
    if parts.is_empty() {
        "Todos os títulos da empresa".to_string()
    } else {
        parts.join(" · ")
    }
}

fn download(content_type: &str, file: &str, body: Vec<u8>) -> Response {
    (
        [
            (http::header::CONTENT_TYPE, content_type.to_string()),
            (
                http::header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{file}\""),
            ),
            (http::header::CACHE_CONTROL, "no-store".to_string()),
        ],
        body,
    )
        .into_response()
}

async fn pdf(State(state): State<AppState>, request: Request) -> Response {
    let (report, filters, generated) = match load(&state, request).await {
        Ok(loaded) => loaded,
        Err(refusal) => return refusal,
    };
    let totals = |t: &ReportTotal| documents::ReportTotals {
        count: t.count.to_string(),
        amount: format_brl(t.amount),
        balance: format_brl(t.balance),
    };
    let data = documents::ReceivablesReport {
        company: report.company.clone(),
        // The page header already says "Relatório de contas a receber".
        title: format!("Contas a receber por {}", report.grouped_by.to_lowercase()),
        filters,
        grouped_by: report.grouped_by.clone(),
        groups: report
            .groups
            .iter()
            .map(|g| documents::ReportGroup {
                name: g.name.clone(),
                rows: g
                    .rows
                    .iter()
                    .map(|r| documents::ReportRow {
                        customer: format!("{} - {}", r.customer_code, r.customer),
                        document: r.document.clone(),
                        issue_date: r.issue_date.clone(),
                        due_date: r.due_date.clone(),
                        status: r.status.label().to_string(),
                        amount: format_brl(r.amount),
                        balance: format_brl(r.balance),
                    })
                    .collect(),
                subtotal: totals(&g.total),
            })
            .collect(),
        grand_total: totals(&report.total),
        generated,
    };
    let rendered = tokio::task::spawn_blocking(move || {
        documents::render(documents::Template::ReceivablesReport, &data)
    })
    .await;
    match rendered {
        Ok(Ok(pdf)) => download("application/pdf", "contas-a-receber.pdf", pdf),
        Ok(Err(error)) => {
            tracing::error!(%error, "receivables report PDF");
            refused(&AppError::Internal)
        }
        Err(error) => {
            tracing::error!(%error, "receivables report PDF task");
            refused(&AppError::Internal)
        }
    }
}

/// `1234,56`: what a spreadsheet in Portuguese reads as a number.
fn plain(amount: Decimal) -> String {
    format!("{:.2}", amount.round_dp(2)).replace('.', ",")
}

fn csv_field(text: &str) -> String {
    if text.contains([';', '"', '\n']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

/// A subtotal or the grand total: its label first, the money in the last two columns.
fn total_line(line: &mut impl FnMut(&[&str]), label: &str, total: &ReportTotal) {
    line(&[
        label,
        "",
        "",
        "",
        "",
        "",
        &plain(total.amount),
        &plain(total.balance),
    ]);
}

pub fn csv_text(report: &ReportView, filters: &str) -> String {
    let mut out = String::from('\u{feff}');
    let mut line = |fields: &[&str]| {
        let fields: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
        out.push_str(&fields.join(";"));
        out.push_str("\r\n");
    };
    line(&["Relatório de contas a receber", &report.company, filters]);
    line(&[
        &report.grouped_by,
        "Cliente",
        "Documento",
        "Emissão",
        "Vencimento",
        "Situação",
        "Valor",
        "Saldo",
    ]);
    for group in &report.groups {
        for r in &group.rows {
            let customer = format!("{} - {}", r.customer_code, r.customer);
            line(&[
                &group.name,
                &customer,
                &r.document,
                &r.issue_date,
                &r.due_date,
                r.status.label(),
                &plain(r.amount),
                &plain(r.balance),
            ]);
        }
        total_line(
            &mut line,
            &format!("Subtotal {} ({} títulos)", group.name, group.total.count),
            &group.total,
        );
    }
    total_line(
        &mut line,
        &format!("Total geral ({} títulos)", report.total.count),
        &report.total,
    );
    out
}

async fn csv(State(state): State<AppState>, request: Request) -> Response {
    match load(&state, request).await {
        Ok((report, filters, _)) => download(
            "text/csv; charset=utf-8",
            "contas-a-receber.csv",
            csv_text(&report, &filters).into_bytes(),
        ),
        Err(refusal) => refusal,
    }
}

/// The workbook: one sheet, the same rows and totals as the CSV, money as numbers in R$.
pub fn xlsx_bytes(
    report: &ReportView,
    filters: &str,
) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    use rust_xlsxwriter::{Format, Workbook};
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Contas a receber")?;
    let bold = Format::new().set_bold();
    let money = Format::new().set_num_format("\"R$\" #,##0.00");
    let money_bold = money.clone().set_bold();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    // The title and the filters overflow into the empty cells to their right, and the subtotal
    // labels too: none of them sets the first column's width.
    let title = format!("Relatório de contas a receber · {}", report.company);
    sheet.write_with_format(0, 0, title, &bold)?;
    sheet.write(1, 0, filters)?;
    let headers = [
        report.grouped_by.as_str(),
        "Cliente",
        "Documento",
        "Emissão",
        "Vencimento",
        "Situação",
        "Valor",
        "Saldo",
    ];
    for (col, header) in headers.iter().enumerate() {
        sheet.write_with_format(3, col as u16, *header, &bold)?;
    }
    let mut row = 4u32;
    for group in &report.groups {
        for r in &group.rows {
            sheet.write(row, 0, group.name.as_str())?;
            sheet.write(row, 1, format!("{} - {}", r.customer_code, r.customer))?;
            sheet.write(row, 2, r.document.as_str())?;
            for (col, text) in [(3, &r.issue_date), (4, &r.due_date)] {
                match excel_date(text) {
                    Some(day) => sheet.write_with_format(row, col, &day, &date)?,
                    None => sheet.write(row, col, text.as_str())?,
                };
            }
            sheet.write(row, 5, r.status.label())?;
            sheet.write_with_format(row, 6, r.amount, &money)?;
            sheet.write_with_format(row, 7, r.balance, &money)?;
            row += 1;
        }
        let label = format!("Subtotal {} ({} títulos)", group.name, group.total.count);
        sheet.write_with_format(row, 0, label, &bold)?;
        sheet.write_with_format(row, 6, group.total.amount, &money_bold)?;
        sheet.write_with_format(row, 7, group.total.balance, &money_bold)?;
        row += 1;
    }
    let label = format!("Total geral ({} títulos)", report.total.count);
    sheet.write_with_format(row, 0, label, &bold)?;
    sheet.write_with_format(row, 6, report.total.amount, &money_bold)?;
    sheet.write_with_format(row, 7, report.total.balance, &money_bold)?;
    sheet.autofit();
    let group_width = report
        .groups
        .iter()
        .map(|g| g.name.chars().count())
        .chain([report.grouped_by.chars().count()])
        .max()
        .unwrap_or_default();
    sheet.set_column_width(0, group_width as f64 + 2.0)?;
    // Autofit measures a number's digits, not the "R$ 1.234.567,89" it shows.
    for col in [6, 7] {
        sheet.set_column_width(col, MONEY_WIDTH)?;
    }
    book.save_to_buffer()
}

/// Wide enough for `R$ 12.345.678,90` in bold.
const MONEY_WIDTH: f64 = 18.0;

/// A `dd/mm/aaaa` date as a spreadsheet date, so that Excel sorts, filters and ages by it;
/// `None` for anything else (written as the text it is).
fn excel_date(text: &str) -> Option<rust_xlsxwriter::ExcelDateTime> {
    let mut parts = text.split('/');
    let (day, month, year) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    rust_xlsxwriter::ExcelDateTime::from_ymd(
        year.parse().ok()?,
        month.parse().ok()?,
        day.parse().ok()?,
    )
    .ok()
}

async fn xlsx(State(state): State<AppState>, request: Request) -> Response {
    let (report, filters, _) = match load(&state, request).await {
        Ok(loaded) => loaded,
        Err(refusal) => return refusal,
    };
    match xlsx_bytes(&report, &filters) {
        Ok(bytes) => download(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "contas-a-receber.xlsx",
            bytes,
        ),
        Err(error) => {
            tracing::error!(%error, "receivables report XLSX");
            refused(&AppError::Internal)
        }
    }
}

#[cfg(test)]
#[path = "report_downloads_tests.rs"]
mod tests;
