//! The demo tenant's generated customers look like a real customer base (issue 10, item 16).

use rules::address::Cep;
use rules::cep_range::cep_in_state;
use server::seed::demo::DEMO_CUSTOMERS;
use sqlx::PgPool;

async fn demo(pool: &PgPool) {
    server::cities::ensure_loaded(pool).await.unwrap();
    assert!(server::seed::demo::ensure_demo(pool)
        .await
        .unwrap()
        .is_some());
}

#[sqlx::test(migrations = "../migrations")]
async fn demo_customers_are_mostly_active_with_a_few_pending_and_some_inactive(pool: PgPool) {
    // Finding: every demo customer was active, so "situação pendente" listed nothing.
    demo(&pool).await;
    let (active, pending, inactive): (i64, i64, i64) = sqlx::query_as(
        "select count(*) filter (where status = 'active'), count(*) filter (where status = 'pending'),
                count(*) filter (where status = 'inactive')
         from customers",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(active + pending + inactive, DEMO_CUSTOMERS as i64);
    // 3 % and 10 % of 2,000, give or take what a random draw gives.
    assert!((30..=90).contains(&pending), "{pending} pending");
    assert!((140..=260).contains(&inactive), "{inactive} inactive");
}

#[sqlx::test(migrations = "../migrations")]
async fn demo_ceps_fall_in_their_citys_state(pool: PgPool) {
    // Finding: "CEP 10007-919" for a city in PR.
    demo(&pool).await;
    let addresses: Vec<(String, String, String)> = sqlx::query_as(
        "select a.cep, ci.state_code, ci.identification
         from customer_addresses a join cities ci on ci.id = a.city_id
         where a.role = 'main' and a.preferred",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(addresses.len(), DEMO_CUSTOMERS);
    for (cep, uf, city) in &addresses {
        let cep = Cep::parse(cep).unwrap();
        assert!(cep_in_state(&cep, uf), "CEP {} for {city}", cep.masked());
    }
}

#[sqlx::test(migrations = "../migrations")]
async fn demo_names_never_repeat_a_surname(pool: PgPool) {
    // Finding: "Raimundo Nunes Nunes".
    demo(&pool).await;
    let names: Vec<String> = sqlx::query_scalar("select legal_name from customers")
        .fetch_all(&pool)
        .await
        .unwrap();
    assert_eq!(names.len(), DEMO_CUSTOMERS);
    for name in names {
        let words: Vec<&str> = name.split(' ').filter(|w| *w != "&").collect();
        let mut distinct = words.clone();
        distinct.sort_unstable();
        distinct.dedup();
        assert_eq!(distinct.len(), words.len(), "{name}");
    }
}

#[sqlx::test(migrations = "../migrations")]
async fn issue_11_demo_customers_have_sales_defaults_mostly_on_their_companys_terms(pool: PgPool) {
    demo(&pool).await;
    // Every customer used in a company has its sales defaults there.
    let without: i64 = sqlx::query_scalar(
        "select count(*) from customer_profiles p where not exists (
             select 1 from customer_sales_defaults d
             where d.tenant_id = p.tenant_id and d.company_id = p.company_id and d.customer_id = p.customer_id)",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(without, 0);
    let (rows, own_limit, no_credit, company_limit, discount, prepayment, company_interest): (
        i64,
        i64,
        i64,
        i64,
        i64,
        i64,
        i64,
    ) = sqlx::query_as(
        "select count(*), count(*) filter (where credit_limit > 0),
                count(*) filter (where credit_limit = 0), count(*) filter (where credit_limit is null),
                count(*) filter (where discount > 0), count(*) filter (where requires_prepayment),
                count(*) filter (where d.daily_interest = s.daily_interest)
         from customer_sales_defaults d
         join company_sales_settings s using (tenant_id, company_id)",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    let share = |n: i64| n * 100 / rows;
    assert!(
        (45..=70).contains(&share(own_limit)),
        "{own_limit} of {rows} with a limit"
    );
    assert!(
        (2..=8).contains(&share(no_credit)),
        "{no_credit} of {rows} without credit"
    );
    assert!(
        (25..=50).contains(&share(company_limit)),
        "{company_limit} of {rows} on the pre-approved"
    );
    assert!(
        (5..=20).contains(&share(discount)),
        "{discount} of {rows} with a discount"
    );
    assert!(
        (1..=8).contains(&share(prepayment)),
        "{prepayment} of {rows} paying in advance"
    );
    assert_eq!(
        company_interest, rows,
        "R-SALES-1: the interest came from the company"
    );
    let settings: Vec<(Option<String>, Option<String>)> = sqlx::query_as(
        "select pre_approved_credit_limit::text, daily_interest::text from company_sales_settings s
         join companies c on c.tenant_id = s.tenant_id and c.id = s.company_id order by c.code",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(settings[0], (Some("5000.00".into()), Some("0.0333".into())));
    assert_eq!(
        settings[1],
        (Some("10000.00".into()), Some("0.0330".into()))
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn issue_11_demo_customers_have_the_ledger_accounts_of_their_companys_chart(pool: PgPool) {
    demo(&pool).await;
    let (rows, matching): (i64, i64) = sqlx::query_as(
        "select count(*), count(*) filter (where a.ledger_account = s.ledger_prefix || lpad(c.code::text, 5, '0'))
         from customer_ledger_accounts a
         join customers c on c.tenant_id = a.tenant_id and c.id = a.customer_id
         join company_sales_settings s on s.tenant_id = a.tenant_id and s.company_id = a.company_id",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    let profiles: i64 = sqlx::query_scalar("select count(*) from customer_profiles")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(
        rows, profiles,
        "R-SALES-12: every customer used in a company has its accounts"
    );
    assert_eq!(matching, rows);
}

#[sqlx::test(migrations = "../migrations")]
async fn issue_11_demo_commercial_tables_are_filled_and_used(pool: PgPool) {
    demo(&pool).await;
    let kinds: Vec<(String, i64)> = sqlx::query_as(
        "select kind, count(*) from lookup_entries e join companies c on c.id = e.company_id
         where c.code = 1 group by kind order by kind",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    for kind in rules::table_kind::CommercialKind::ALL {
        let rows = kinds
            .iter()
            .find(|(k, _)| k == kind.code())
            .map(|(_, n)| *n);
        assert!(
            rows.unwrap_or(0) >= 2,
            "{} has {rows:?} demo rows",
            kind.code()
        );
    }
    let (rows, boleto, pix, with_freight): (i64, i64, i64, i64) = sqlx::query_as(
        "select count(*), count(*) filter (where b.code = 'BOL'), count(*) filter (where b.code = 'PIX'),
                count(*) filter (where d.freight_table_id is not null)
         from customer_sales_defaults d join lookup_entries b on b.id = d.billing_type_id",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    let share = |n: i64| n * 100 / rows;
    assert!(share(boleto) >= 60, "{boleto} of {rows} by boleto");
    assert!((8..=25).contains(&share(pix)), "{pix} of {rows} by PIX");
    assert_eq!(with_freight, rows);
}

#[sqlx::test(migrations = "../migrations")]
async fn issue_11_demo_settings_point_to_synthetic_accounts_of_each_companys_chart(pool: PgPool) {
    demo(&pool).await;
    // R-SALES-12: every doubtful-debt synthetic the settings name is a synthetic account of
    // its chart, in the same company; the managerial one of company 1 is linked to the real.
    let checked: Vec<(i32, String, bool, Option<String>)> = sqlx::query_as(
        "select c.code, e.kind, t.synthetic, t.real_account
         from company_sales_settings s
         join companies c on c.tenant_id = s.tenant_id and c.id = s.company_id
         cross join lateral (values ('ledger_managerial', s.doubtful_debt_synthetic),
                                    ('ledger_real', s.doubtful_debt_real_synthetic)) as v(kind, code)
         join lookup_entries e on e.tenant_id = s.tenant_id and e.company_id = s.company_id
                              and e.kind = v.kind and e.code = v.code
         join ledger_account_terms t on t.tenant_id = e.tenant_id and t.entry_id = e.id
         order by c.code, e.kind",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(
        checked,
        vec![
            (
                1,
                "ledger_managerial".into(),
                true,
                Some("1.1.01.02.00000".into())
            ),
            (1, "ledger_real".into(), true, None),
            (2, "ledger_managerial".into(), true, None),
        ]
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn issue_12_demo_receivables_show_every_status_with_settlements_and_credits(pool: PgPool) {
    demo(&pool).await;
    let (total, cancelled, received, overdue, open, listed, collection): (i64, i64, i64, i64, i64, i64, i64) =
        sqlx::query_as(
            "select count(*),
                    count(*) filter (where cancelled_at is not null),
                    count(*) filter (where cancelled_at is null and balance = 0),
                    count(*) filter (where cancelled_at is null and balance > 0 and due_date < current_date
                                     and not sent_to_credit_bureau and not in_collection),
                    count(*) filter (where cancelled_at is null and balance > 0 and due_date >= current_date),
                    count(*) filter (where cancelled_at is null and balance > 0 and sent_to_credit_bureau),
                    count(*) filter (where cancelled_at is null and balance > 0 and in_collection)
             from receivables",
        )
        .fetch_one(&pool)
        .await
        .unwrap();
    // A few tens per customer and company, over about three years.
    assert!(total > DEMO_CUSTOMERS as i64 * 12, "{total} receivables");
    for (name, n) in [
        ("cancelled", cancelled),
        ("overdue", overdue),
        ("open", open),
        ("negative-listed", listed),
        ("in collection", collection),
    ] {
        assert!(n > 0, "no {name} receivable");
    }
    assert!(
        received * 2 > total,
        "most are received: {received} of {total}"
    );
    // Every paid part has its settlement, and no settlement pays more than the receivable.
    let unpaid_settled: i64 = sqlx::query_scalar(
        "select count(*) from receivables r
         where r.balance < r.amount and r.cancelled_at is null
           and (select coalesce(sum(principal), 0) from receivable_settlements s
                where s.tenant_id = r.tenant_id and s.receivable_id = r.id) <> r.amount - r.balance",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(unpaid_settled, 0);
    let kinds: Vec<String> =
        sqlx::query_scalar("select distinct kind from customer_credits order by kind")
            .fetch_all(&pool)
            .await
            .unwrap();
    assert_eq!(kinds, ["advance", "sales_return"]);
    // A second start adds nothing.
    let tenant_id = server::seed::demo::demo_tenant_id(&pool).await.unwrap();
    server::seed::receivables::ensure_demo_receivables(&pool, tenant_id)
        .await
        .unwrap();
    let again: i64 = sqlx::query_scalar("select count(*) from receivables")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(again, total);
}
