//! Demo auxiliary tables and every demo customer's commercial profile in each company.

use sqlx::PgPool;

/// (kind, code, description), created in every company of the tenant.
const DEMO_LOOKUPS: &[(&str, &str, &str)] = &[
    ("customer_group", "POSTOS", "Postos de combustíveis"),
    ("customer_group", "SUPER", "Supermercados"),
    ("customer_group", "TRANSP", "Transportadoras"),
    ("customer_group", "AGRO", "Produtores rurais"),
    ("customer_group", "VAREJO", "Varejo em geral"),
    ("activity_branch", "4731800", "Varejo de combustíveis"),
    ("activity_branch", "4711302", "Supermercados"),
    (
        "activity_branch",
        "4930202",
        "Transporte rodoviário de cargas",
    ),
    ("activity_branch", "0115600", "Cultivo de soja"),
    ("activity_branch", "4744099", "Materiais de construção"),
    ("region", "RS", "Rio Grande do Sul"),
    ("region", "SC", "Santa Catarina"),
    ("region", "PR", "Paraná"),
    ("region", "OUTROS", "Outras regiões"),
    ("salesperson", "V01", "Carlos Bortolini"),
    ("salesperson", "V02", "Juliana Schneider"),
    ("salesperson", "V03", "Marcos Tomazi"),
    ("salesperson", "V04", "Patrícia Zanella"),
    ("category", "A", "Clientes A (grandes contas)"),
    ("category", "B", "Clientes B"),
    ("category", "C", "Clientes C"),
    // Commercial tables (issue 11); the terms of price lists and plans are `sales`'s.
    ("price_list", "VAREJO-RS", "Varejo Rio Grande do Sul"),
    ("price_list", "VAREJO-SC", "Varejo Santa Catarina"),
    ("price_list", "ATACADO-RS", "Atacado Rio Grande do Sul"),
    ("price_list", "ATACADO-SC", "Atacado Santa Catarina"),
    ("price_list", "PROMO-VER", "Promoção de verão"),
    ("payment_plan", "AV", "À vista"),
    ("payment_plan", "30", "30 dias"),
    ("payment_plan", "30-60-90", "30/60/90 dias"),
    ("payment_plan", "28-35-42", "28/35/42 dias"),
    ("payment_plan", "ANTECIP", "Pagamento antecipado"),
    ("carrier", "TRANSLOG", "Translog Transportes Ltda"),
    ("carrier", "RODOSUL", "Rodosul Cargas S.A."),
    ("carrier", "MOT-JOAO", "João Carlos Bortolini (motorista)"),
    ("fleet_vehicle", "CAM-01", "Caminhão toco baú"),
    ("fleet_vehicle", "CAR-02", "Carreta tanque 30 m³"),
    ("fleet_vehicle", "VAN-01", "Van de entregas"),
    ("billing_type", "BOL", "Boleto bancário"),
    ("billing_type", "CHQ", "Cheque"),
    ("billing_type", "OP", "Ordem de pagamento"),
    ("billing_type", "PIX", "PIX"),
    ("currency", "BRL", "Real"),
    ("currency", "USD", "Dólar americano"),
    ("bearer", "CART", "CARTEIRA"),
    ("bearer", "BB", "BANCO DO BRASIL"),
    ("bearer", "SICREDI", "SICREDI"),
    ("freight_table", "T1", "TABELA 1 - DENTRO CIDADE"),
    ("freight_table", "T2", "TABELA 2 - REGIÃO METROPOLITANA"),
    ("freight_table", "T3", "TABELA 3 - INTERIOR"),
    ("incoterm", "CIF", "Custo, seguro e frete"),
    ("incoterm", "FOB", "Livre a bordo"),
    ("incoterm", "DDP", "Entregue com direitos pagos"),
    ("commission_table", "COM1", "Comissão padrão 1%"),
    ("commission_table", "COM2", "Comissão grandes contas 0,5%"),
    ("financial_class", "REV", "Receita de revenda"),
    ("financial_class", "CONS", "Receita de consumo"),
    ("insurance", "CARGA", "Seguro de carga"),
    ("insurance", "CRED", "Seguro de crédito"),
    (
        "charge_message",
        "ATRASO",
        "Após o vencimento cobrar juros de mora",
    ),
    (
        "charge_message",
        "PROTESTO",
        "Sujeito a protesto após 5 dias do vencimento",
    ),
    (
        "invoice_message",
        "ICMS-ST",
        "ICMS recolhido por substituição tributária",
    ),
    (
        "invoice_message",
        "ENTREGA",
        "Conferir a mercadoria no ato da entrega",
    ),
];

pub async fn seed_demo_lookups(pool: &PgPool, tenant_id: i64) -> Result<(), sqlx::Error> {
    let kinds: Vec<String> = DEMO_LOOKUPS.iter().map(|l| l.0.to_string()).collect();
    let codes: Vec<String> = DEMO_LOOKUPS.iter().map(|l| l.1.to_string()).collect();
    let descriptions: Vec<String> = DEMO_LOOKUPS.iter().map(|l| l.2.to_string()).collect();
    sqlx::query!(
        "insert into lookup_entries (tenant_id, company_id, kind, code, description)
         select $1, c.id, t.kind, t.code, t.description
         from companies c cross join unnest($2::text[], $3::text[], $4::text[]) as t(kind, code, description)
         where c.tenant_id = $1
         on conflict (tenant_id, company_id, kind, code) do nothing",
        tenant_id,
        &kinds,
        &codes,
        &descriptions,
    )
    .execute(pool)
    .await?;
    Ok(())
}

/// Gives every customer without one a profile in company 1, and three in five of them one in
/// the other companies: group, branch, salesperson and category spread evenly, the region
/// following the state of the customer's city. One statement.
pub async fn assign_profiles(pool: &PgPool, tenant_id: i64) -> Result<u64, sqlx::Error> {
    Ok(sqlx::query!(
        "with lists as (
             select company_id, kind, array_agg(id order by code) as ids
             from lookup_entries where tenant_id = $1 and active
             group by company_id, kind)
         insert into customer_profiles (tenant_id, company_id, customer_id, customer_group_id,
                                        activity_branch_id, region_id, salesperson_id, category_id)
         select c.tenant_id, co.id, c.id,
                g.ids[1 + c.id % cardinality(g.ids)],
                b.ids[1 + (c.id / 3) % cardinality(b.ids)],
                coalesce(
                    (select e.id from lookup_entries e
                     where e.tenant_id = c.tenant_id and e.company_id = co.id and e.kind = 'region'
                       and e.code = ci.state_code),
                    (select e.id from lookup_entries e
                     where e.tenant_id = c.tenant_id and e.company_id = co.id and e.kind = 'region'
                       and e.code = 'OUTROS')),
                s.ids[1 + (c.id / 7) % cardinality(s.ids)],
                k.ids[1 + (c.id / 11) % cardinality(k.ids)]
         from customers c
         join companies co on co.tenant_id = c.tenant_id
         left join cities ci on ci.id = c.city_id
         join lists g on g.company_id = co.id and g.kind = 'customer_group'
         join lists b on b.company_id = co.id and b.kind = 'activity_branch'
         join lists s on s.company_id = co.id and s.kind = 'salesperson'
         join lists k on k.company_id = co.id and k.kind = 'category'
         where c.tenant_id = $1 and (co.code = 1 or c.id % 5 < 3)
         on conflict (tenant_id, company_id, customer_id) do nothing",
        tenant_id,
    )
    .execute(pool)
    .await?
    .rows_affected())
}
