//! What uses an entry of a "Tabelas" table: the counts its screen shows, and the check that
//! refuses deleting an entry while a customer, a company's settings (R-SALES-1) or a set holds
//! it.

use rules::table_kind::{CommercialKind, LedgerChart, TableKind};

/// `(ref, n)`: how many customers of the company point to each row of `kind` — their profile
/// for the five profile tables, their sales defaults for a commercial one, their sets for the
/// linked ones. `$1` the tenant, `$2` the company.
pub fn usage_sql(kind: TableKind) -> String {
    match kind {
        TableKind::Profile(_) => "select v.ref, count(*) as n
           from customer_profiles p,
                lateral (values (p.customer_group_id), (p.activity_branch_id), (p.region_id),
                                (p.salesperson_id), (p.category_id)) as v(ref)
           where p.tenant_id = $1 and p.company_id = $2 and v.ref is not null
           group by v.ref"
            .to_string(),
        TableKind::Commercial(table) => format!(
            "select d.{column} as ref, count(*) as n from customer_sales_defaults d
         where d.tenant_id = $1 and d.company_id = $2 and d.{column} is not null
         group by d.{column}",
            column = table.column()
        ),
        TableKind::Linked(table) => format!(
            "select l.{column} as ref, count(*) as n from {link} l
         where l.tenant_id = $1 and l.company_id = $2
         group by l.{column}",
            column = table.entry_column(),
            link = table.link_table()
        ),
        TableKind::Ledger(chart) => format!(
            "select e.id as ref, count(*) as n
             from customer_ledger_accounts a
             join lookup_entries e on e.tenant_id = a.tenant_id and e.company_id = a.company_id
                                  and e.kind = '{kind}' and e.code in ({columns})
             where a.tenant_id = $1 and a.company_id = $2
             group by e.id",
            kind = chart.code(),
            columns = account_columns(chart)
        ),
    }
}

/// The customer's accounts that belong to `chart`; the expense/revenue account may be of
/// either.
fn account_columns(chart: LedgerChart) -> &'static str {
    match chart {
        LedgerChart::Managerial => {
            "a.ledger_account, a.doubtful_debt_account, a.expense_revenue_account"
        }
        LedgerChart::Real => {
            "a.real_ledger_account, a.doubtful_debt_real_account, a.expense_revenue_account"
        }
    }
}

/// A chart account is held by customers, by its company's settings (the doubtful-debt
/// synthetics and the expense/revenue account) and, a real one, by the managerial accounts
/// linked to it: those three counts, `$1` the tenant, `$2` the entry.
pub fn ledger_uses_sql(chart: LedgerChart) -> String {
    let (settings, links) = match chart {
        LedgerChart::Managerial => ("s.doubtful_debt_synthetic, s.expense_revenue_account", "0"),
        LedgerChart::Real => (
            "s.doubtful_debt_real_synthetic, s.expense_revenue_account",
            "(select count(*) from lookup_entries m
              join ledger_account_terms t on t.tenant_id = m.tenant_id and t.entry_id = m.id
              where m.tenant_id = e.tenant_id and m.company_id = e.company_id
                and m.kind = 'ledger_managerial' and t.real_account = e.code)",
        ),
    };
    format!(
        "select (select count(*) from customer_ledger_accounts a
                 where a.tenant_id = e.tenant_id and a.company_id = e.company_id
                   and e.code in ({columns})),
                (select count(*) from company_sales_settings s
                 where s.tenant_id = e.tenant_id and s.company_id = e.company_id
                   and e.code in ({settings})),
                {links}::bigint
         from lookup_entries e where e.tenant_id = $1 and e.id = $2",
        columns = account_columns(chart)
    )
}

/// How many rows hold one entry (`$2`) of `kind` in the tenant (`$1`): a delete waits until
/// none does.
pub fn in_use_sql(kind: TableKind) -> String {
    match kind {
    TableKind::Profile(_) => "select count(*) from customer_profiles
         where tenant_id = $1 and $2 in (customer_group_id, activity_branch_id, region_id, salesperson_id, category_id)"
        .to_string(),
    TableKind::Commercial(table) => chosen_sql(table),
    // A carrier is also one customer's or company's carrier (a commercial table's choice).
    TableKind::Linked(table) if CommercialKind::from_code(table.code()).is_some() => format!(
        "select (select count(*) from {link} where tenant_id = $1 and {column} = $2) + ({chosen})",
        link = table.link_table(),
        column = table.entry_column(),
        chosen = CommercialKind::from_code(table.code()).map(chosen_sql).unwrap_or_default()
    ),
    TableKind::Linked(table) if table.is_commercial() => format!(
        "select (select count(*) from {link} where tenant_id = $1 and {column} = $2)
              + ({company})",
        link = table.link_table(),
        column = table.entry_column(),
        company = company_default_sql(table.entry_column())
    ),
    TableKind::Linked(table) => format!(
        "select count(*) from {link} where tenant_id = $1 and {column} = $2",
        link = table.link_table(),
        column = table.entry_column()
    ),
    TableKind::Ledger(chart) => format!(
        "select customers + settings + links from ({}) as uses(customers, settings, links)",
        ledger_uses_sql(chart)
    ),
    }
}

/// How many companies' settings hold the entry as the default for new customers (R-SALES-1),
/// out of what `in_use_sql` counts: a refusal names them apart. `None` for the tables no
/// setting points to. `$1` the tenant, `$2` the entry.
pub fn company_defaults_sql(kind: TableKind) -> Option<String> {
    match kind {
        TableKind::Commercial(_) => Some(any_company_default_sql()),
        TableKind::Linked(table) if CommercialKind::from_code(table.code()).is_some() => {
            Some(any_company_default_sql())
        }
        TableKind::Linked(table) if table.is_commercial() => {
            Some(company_default_sql(table.entry_column()))
        }
        _ => None,
    }
}

/// How many companies' settings hold `$2` as their default `column` for new customers.
fn company_default_sql(column: &str) -> String {
    format!("select count(*) from company_sales_settings where tenant_id = $1 and {column} = $2")
}

/// How many companies' settings hold `$2` in any of their defaults for new customers.
fn any_company_default_sql() -> String {
    format!(
        "select count(*) from company_sales_settings where tenant_id = $1 and $2 in ({})",
        super::company_settings_store::default_columns().join(", ")
    )
}

/// How many customers and company settings (R-SALES-1) hold an entry as their choice of a
/// commercial table: `$1` the tenant, `$2` the entry.
fn chosen_sql(table: CommercialKind) -> String {
    format!(
        "select (select count(*) from customer_sales_defaults where tenant_id = $1 and {column} = $2)
              + ({company})",
        column = table.column(),
        company = any_company_default_sql()
    )
}
