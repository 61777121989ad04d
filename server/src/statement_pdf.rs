//! `GET /relatorios/extrato-adiantamentos.pdf?cliente=ID&de=dd/mm/aaaa&ate=dd/mm/aaaa`: the
//! statement of a customer's advances (R-ADV-3) as a PDF, rendered here from the figures the
//! screen shows (`advance_ledger_store::statement`) with the `documents` crate's template.
//! The same checks as a server function: a live session, the tenant, the company it acts in.

use app::error::AppError;
use app::server::{advance_ledger_store, auth, brasilia_time};
use axum::extract::{Query, Request, State};
use axum::response::{IntoResponse, Response};
use documents::{AdvanceStatement, StatementLine, Template};
use http::{header, StatusCode};
use rules::money::format_brl;
use serde::Deserialize;

use server::AppState;

/// The binary's downloads: only it links `documents` (Typst), so the integration tests'
/// binaries, built on `server::build_app`, stay small.
pub fn routes() -> axum::Router<AppState> {
    axum::Router::new().route(
        "/relatorios/extrato-adiantamentos.pdf",
        axum::routing::get(advance_statement_pdf),
    )
}

#[derive(Debug, Deserialize)]
pub struct StatementQuery {
    cliente: i64,
    de: String,
    ate: String,
}

/// An error as a download answers it: its status and its message as text.
pub fn refused(error: &AppError) -> Response {
    let status =
        StatusCode::from_u16(error.status_code()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    (
        status,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        // A download has no form to show a field's message beside: say it.
        match error {
            AppError::Invalid(messages) if !messages.is_empty() => messages
                .iter()
                .map(|m| m.message.as_str())
                .collect::<Vec<_>>()
                .join("\n"),
            other => other.to_string(),
        },
    )
        .into_response()
}

pub async fn advance_statement_pdf(State(state): State<AppState>, request: Request) -> Response {
    let (parts, _) = request.into_parts();
    let Ok(Query(query)) = Query::<StatementQuery>::try_from_uri(&parts.uri) else {
        return (StatusCode::BAD_REQUEST, "Informe cliente, de e ate.").into_response();
    };
    let pool = &state.context.pool;
    let caller = match auth::caller_of_request(pool, &parts).await {
        Ok(Some(caller)) => caller,
        Ok(None) => return refused(&AppError::Unauthenticated),
        Err(error) => return refused(&error),
    };
    let view =
        match advance_ledger_store::statement(pool, &caller, query.cliente, &query.de, &query.ate)
            .await
        {
            Ok(view) => view,
            Err(error) => return refused(&error),
        };
    let money = |amount: Option<rust_decimal::Decimal>| amount.map(format_brl).unwrap_or_default();
    let data = AdvanceStatement {
        company: view.company,
        customer: view.customer.clone(),
        document: view.document,
        period: format!("{} a {}", view.from, view.to),
        opening_balance: format_brl(view.opening),
        lines: view
            .lines
            .into_iter()
            .map(|line| StatementLine {
                date: line.date,
                description: if line.detail.is_empty() {
                    line.label
                } else {
                    format!("{} — {}", line.label, line.detail)
                },
                credit: money(line.credit),
                debit: money(line.debit),
                balance: format_brl(line.balance),
            })
            .collect(),
        total_credits: format_brl(view.total_in),
        total_debits: format_brl(view.total_out),
        closing_balance: format_brl(view.closing),
        generated: format!(
            "Emitido em {} por {}",
            brasilia_time::date_time(chrono::Utc::now()),
            caller.user_name
        ),
    };
    // Typesetting is CPU work: off the request threads.
    let rendered =
        tokio::task::spawn_blocking(move || documents::render(Template::AdvanceStatement, &data))
            .await;
    let pdf = match rendered {
        Ok(Ok(pdf)) => pdf,
        Ok(Err(error)) => {
            tracing::error!(%error, "advance statement PDF");
            return refused(&AppError::Internal);
        }
        Err(error) => {
            tracing::error!(%error, "advance statement PDF task");
            return refused(&AppError::Internal);
        }
    };
    let code = view
        .customer
        .split(" - ")
        .next()
        .unwrap_or("cliente")
        .to_string();
    (
        [
            (header::CONTENT_TYPE, "application/pdf".to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"extrato-adiantamentos-{code}.pdf\""),
            ),
            (header::CACHE_CONTROL, "no-store".to_string()),
        ],
        pdf,
    )
        .into_response()
}
