//! The demo companies' charts of accounts (issue 11, R-SALES-12): the synthetic accounts the
//! settings point to — customers, doubtful debts, revenue — as a Brazilian distributor's
//! accountant lays them out, the managerial doubtful-debt synthetic linked to the real one.

use sqlx::PgPool;

/// (company code, chart kind, code, description, synthetic, linked real account).
type DemoAccount = (
    i32,
    &'static str,
    &'static str,
    &'static str,
    bool,
    Option<&'static str>,
);

const M: &str = "ledger_managerial";
const R: &str = "ledger_real";

const DEMO_CHART: &[DemoAccount] = &[
    (1, R, "1", "ATIVO", true, None),
    (1, R, "1.1", "ATIVO CIRCULANTE", true, None),
    (1, R, "1.1.01", "CRÉDITOS DE CURTO PRAZO", true, None),
    (
        1,
        R,
        "1.1.01.02.00000",
        "(-) PERDAS ESTIMADAS COM DEVEDORES DUVIDOSOS",
        true,
        None,
    ),
    (1, R, "1.1.02", "CLIENTES", true, None),
    (1, R, "1.1.02.01", "CLIENTES - COMBUSTÍVEIS", true, None),
    (1, R, "3", "RECEITAS", true, None),
    (1, R, "3.1.01", "RECEITA BRUTA DE VENDAS", true, None),
    (
        1,
        R,
        "3.1.01.001",
        "VENDAS DE COMBUSTÍVEIS E LUBRIFICANTES",
        false,
        None,
    ),
    (1, R, "3.1.01.009", "OUTRAS RECEITAS DE VENDAS", false, None),
    (
        1,
        M,
        "0101",
        "CLIENTES - DISTRIBUIDORA",
        true,
        Some("1.1.02.01"),
    ),
    (
        1,
        M,
        "0100053",
        "(-) DEVEDORES DUVIDOSOS",
        true,
        Some("1.1.01.02.00000"),
    ),
    (2, R, "1", "ATIVO", true, None),
    (2, R, "1.1", "ATIVO CIRCULANTE", true, None),
    (2, R, "1.1.02", "CLIENTES", true, None),
    (2, R, "1.1.02.02", "CLIENTES - ALIMENTOS", true, None),
    (2, R, "3", "RECEITAS", true, None),
    (2, R, "3.1.01", "RECEITA BRUTA DE VENDAS", true, None),
    (
        2,
        R,
        "3.1.01.002",
        "VENDAS DE ALIMENTOS E BEBIDAS",
        false,
        None,
    ),
    (2, M, "0102", "CLIENTES - ATACADO", true, Some("1.1.02.02")),
    (2, M, "0100054", "(-) DEVEDORES DUVIDOSOS", true, None),
];

pub async fn seed_demo_chart(pool: &PgPool, tenant_id: i64) -> Result<(), sqlx::Error> {
    let column = |pick: fn(&DemoAccount) -> String| DEMO_CHART.iter().map(pick).collect();
    let companies: Vec<i32> = DEMO_CHART.iter().map(|a| a.0).collect();
    let kinds: Vec<String> = column(|a| a.1.to_string());
    let codes: Vec<String> = column(|a| a.2.to_string());
    let descriptions: Vec<String> = column(|a| a.3.to_string());
    let synthetic: Vec<bool> = DEMO_CHART.iter().map(|a| a.4).collect();
    let links: Vec<Option<String>> = DEMO_CHART.iter().map(|a| a.5.map(String::from)).collect();
    sqlx::query(
        "with rows as (
             select c.id as company_id, t.kind, t.code, t.description, t.synthetic, t.link
             from unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::bool[], $7::text[])
                  as t(company, kind, code, description, synthetic, link)
             join companies c on c.tenant_id = $1 and c.code = t.company
         ), entries as (
             insert into lookup_entries (tenant_id, company_id, kind, code, description)
             select $1, company_id, kind, code, description from rows
             on conflict (tenant_id, company_id, kind, code) do nothing
             returning id, company_id, kind, code
         )
         insert into ledger_account_terms (tenant_id, entry_id, synthetic, real_account)
         select $1, e.id, r.synthetic, r.link
         from entries e join rows r using (company_id, kind, code)",
    )
    .bind(tenant_id)
    .bind(&companies)
    .bind(&kinds)
    .bind(&codes)
    .bind(&descriptions)
    .bind(&synthetic)
    .bind(&links)
    .execute(pool)
    .await?;
    Ok(())
}
