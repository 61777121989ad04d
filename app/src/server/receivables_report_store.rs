//! R-HIST-3: the receivables report — what the screen's filters match, grouped by customer
//! group or region with subtotals and a grand total. The summary (one grouped statement) is
//! what the screen shows; the downloads add every receivable, up to `MAX_EXPORT_ROWS`
//! (`rules::finance::report_export`), in one more statement ordered like the summary. Screen,
//! PDF and spreadsheet read these same figures.

use chrono::NaiveDate;
use rules::finance::receivable_filter::ReceivableFilter;
use rules::finance::report_export::export_refusal;
use rules::finance::report_grouping::{ReportGrouping, ReportTotal};
use sqlx::{PgPool, QueryBuilder, Row};

use super::auth::Caller;
use super::credit_store::cents;
use super::receivables_screen_store::{
    company_label, list_row, push_matching, push_status, BALANCE_DUE, CUSTOMER_JOIN, ROW_COLUMNS,
};
use crate::customers::receivable_list_types::{ReportGroupView, ReportView};
use crate::error::AppError;

/// The profile's column the report groups by.
fn group_column(grouping: ReportGrouping) -> &'static str {
    match grouping {
        ReportGrouping::Group => "customer_group_id",
        ReportGrouping::Region => "region_id",
    }
}

/// The join naming each receivable's group (`g.name`), by the customer's profile: for the
/// downloads' rows (a few thousand at most).
fn group_join(grouping: ReportGrouping) -> String {
    let column = group_column(grouping);
    format!(
        "left join lateral (select coalesce((select l.code || ' - ' || l.description
                                             from lookup_entries l
                                             where l.tenant_id = r.tenant_id and l.id = p.{column}),
                                            '{}') as name) g on true ",
        grouping.none_label()
    )
}

pub async fn summary(
    pool: &PgPool,
    caller: &Caller,
    filter: &ReceivableFilter,
    grouping: ReportGrouping,
    today: NaiveDate,
) -> Result<ReportView, AppError> {
    // Added up by the group's id, then named: naming each of a million rows costs seconds.
    // The name is `group_join`'s.
    let column = group_column(grouping);
    let mut query = QueryBuilder::new(
        "select coalesce((select l.code || ' - ' || l.description from lookup_entries l
                          where l.tenant_id = ",
    );
    query.push_bind(caller.tenant_id).push(format!(
        " and l.id = s.group_id), '{}') as name, n, amount, balance
             from (select p.{column} as group_id, count(*) as n, sum(r.amount) as amount,
                          sum({BALANCE_DUE}) as balance",
        grouping.none_label()
    ));
    push_matching(&mut query, caller, filter, today, "");
    query.push(format!(" group by p.{column}) s order by name"));
    let groups = query
        .build()
        .fetch_all(pool)
        .await?
        .iter()
        .map(|row| {
            Ok(ReportGroupView {
                name: row.try_get("name")?,
                total: ReportTotal {
                    count: row.try_get("n")?,
                    amount: cents(row.try_get("amount")?),
                    balance: cents(row.try_get("balance")?),
                },
                rows: Vec::new(),
            })
        })
        .collect::<Result<Vec<_>, AppError>>()?;
    Ok(ReportView {
        company: company_label(pool, caller).await?,
        grouped_by: grouping.label().to_string(),
        total: ReportTotal::sum(groups.iter().map(|g| &g.total)),
        groups,
    })
}

/// The summary with every receivable in its group, in due-date order.
pub async fn full(
    pool: &PgPool,
    caller: &Caller,
    filter: &ReceivableFilter,
    grouping: ReportGrouping,
    today: NaiveDate,
) -> Result<ReportView, AppError> {
    let mut report = summary(pool, caller, filter, grouping, today).await?;
    if let Some(refusal) = export_refusal(report.total.count) {
        return Err(AppError::field("filter", refusal));
    }
    let mut query = QueryBuilder::new(ROW_COLUMNS);
    push_status(&mut query, today);
    query.push(" as status, g.name as group_name");
    let join = format!("{CUSTOMER_JOIN}{}", group_join(grouping));
    push_matching(&mut query, caller, filter, today, &join);
    query.push(" order by g.name, r.due_date, r.id");
    for row in query.build().fetch_all(pool).await? {
        let name: String = row.try_get("group_name")?;
        let group = report
            .groups
            .iter_mut()
            .find(|g| g.name == name)
            .ok_or(AppError::Internal)?;
        group.rows.push(list_row(&row)?);
    }
    Ok(report)
}
