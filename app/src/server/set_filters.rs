//! R-BULK-2 on the customer's own price lists and payment plans, read from
//! `customers.profile_entries` like the profile filters (migration `20261205000002`): the
//! entries of the customer's sets and, per company, a marker saying whether each set holds any.

use rules::table_kind::LinkedKind;
use sqlx::{Postgres, QueryBuilder};

use super::customer_list::Scope;
use crate::customers::set_filter::{SetChoice, SetOp};

/// -(company * 16 + slot): slot 6/7 the set holds an entry, 14/15 it holds none. Only the
/// commercial sets (price lists, plans) are kept in `profile_entries`.
fn marker(kind: LinkedKind, holds: bool, company_id: i64) -> Option<i64> {
    let slot = match (kind, holds) {
        (LinkedKind::PriceList, true) => 6,
        (LinkedKind::PaymentPlan, true) => 7,
        (LinkedKind::PriceList, false) => 14,
        (LinkedKind::PaymentPlan, false) => 15,
        _ => return None,
    };
    Some(-(company_id * 16 + slot))
}

/// Appends the sets' conditions. Entry ids come from the request, so each list must be
/// entries of this company's table of that kind, or the condition matches nothing (checked
/// once, before the scan, as the profile filters do).
pub fn push_sets(query: &mut QueryBuilder<'_, Postgres>, scope: Scope, sets: &[SetChoice]) {
    for choice in sets.iter().filter(|c| c.kind.is_commercial()) {
        let ids = choice.ids.clone();
        match choice.op {
            SetOp::Empty | SetOp::NotEmpty => {
                let Some(marker) =
                    marker(choice.kind, choice.op == SetOp::NotEmpty, scope.company_id)
                else {
                    continue;
                };
                query.push(format_args!(
                    " and c.profile_entries @> '{{{marker}}}'::bigint[]"
                ));
                continue;
            }
            SetOp::AnyOf => query.push(" and (c.profile_entries && "),
            SetOp::NoneOf => query.push(" and not (c.profile_entries && "),
            SetOp::Only => query.push(" and (c.profile_entries @> "),
        };
        query
            .push_bind(ids.clone())
            .push(
                "::bigint[]) and \
                 (select count(*) from lookup_entries e where e.tenant_id = ",
            )
            .push_bind(scope.tenant_id)
            .push(" and e.company_id = ")
            .push_bind(scope.company_id)
            .push(" and e.kind = ")
            .push_bind(choice.kind.code())
            .push(" and e.id = any(")
            .push_bind(ids.clone())
            .push(format_args!(")) = {}", ids.len()));
        if choice.op == SetOp::Only {
            // "Linked to these only": no other entry of the set, read from the link table
            // for the few customers the index left.
            query.push(format_args!(
                " and not exists (select 1 from {table} l where l.tenant_id = c.tenant_id \
                 and l.customer_id = c.id and l.company_id = ",
                table = choice.kind.link_table()
            ));
            query
                .push_bind(scope.company_id)
                .push(format_args!(
                    " and l.{column} <> all(",
                    column = choice.kind.entry_column()
                ))
                .push_bind(ids)
                .push("))");
        }
    }
}
