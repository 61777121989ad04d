//! The demo tenant of the run command: two companies and four users, one per kind of work.
//! The README lists these logins; keep both in step.

use rules::permission::Permission;
use sqlx::PgPool;

use super::customers::insert_generated;
use super::lookups::{assign_profiles, seed_demo_lookups};
use super::tenant::{
    create_tenant, CompanySpec, CreatedTenant, ProfileSpec, SeedError, TenantSpec, UserSpec,
};

pub const DEMO_TENANT: &str = "Grupo Demonstração";

/// Customers generated for the demo tenant.
pub const DEMO_CUSTOMERS: usize = 2_000;

pub fn demo_tenant() -> TenantSpec {
    use Permission::*;
    TenantSpec {
        name: DEMO_TENANT,
        companies: vec![
            CompanySpec {
                code: 1,
                legal_name: "Distribuidora Gaúcha de Combustíveis Ltda",
                trade_name: "Gaúcha Combustíveis",
                cnpj: "11222333000181",
                city_identification: "SAO LEOPOLDO - RS",
            },
            CompanySpec {
                code: 2,
                legal_name: "Atacado Catarinense de Alimentos S.A.",
                trade_name: "Atacado Catarinense",
                cnpj: "12ABC34501DE35",
                city_identification: "JOINVILLE - SC",
            },
        ],
        profiles: vec![
            ProfileSpec {
                name: "Administrador",
                permissions: Permission::ALL.to_vec(),
            },
            ProfileSpec {
                name: "Auxiliar de escritório",
                permissions: vec![
                    IncludeCustomer,
                    AlterCustomer,
                    AlterSalesDefaults,
                    RegisterAllowedCarriers,
                    RegisterAllowedFleet,
                    MaintainTables,
                ],
            },
            ProfileSpec {
                name: "Financeiro",
                permissions: vec![
                    AlterCustomer,
                    AlterCreditLimit,
                    ModifyLedgerAccounts,
                    AlterMortgageAndBail,
                    UnblockCustomer,
                    RegisterReceivables,
                    SettleReceivables,
                    CancelReceivables,
                    RegisterAdvances,
                    RefundAdvances,
                ],
            },
            ProfileSpec {
                name: "Vendedor externo",
                permissions: vec![IncludeCustomer],
            },
        ],
        users: vec![
            UserSpec {
                email: "admin@demo.clientela.app",
                name: "Ana Administradora",
                password: "Admin@2026",
                profile: "Administrador",
                companies: vec![1, 2],
            },
            UserSpec {
                email: "escritorio@demo.clientela.app",
                name: "Eduardo do Escritório",
                password: "Escritorio@2026",
                profile: "Auxiliar de escritório",
                companies: vec![1, 2],
            },
            UserSpec {
                email: "financeiro@demo.clientela.app",
                name: "Fernanda Financeiro",
                password: "Financeiro@2026",
                profile: "Financeiro",
                companies: vec![1, 2],
            },
            UserSpec {
                email: "vendedor@demo.clientela.app",
                name: "Vítor Vendedor",
                password: "Vendedor@2026",
                profile: "Vendedor externo",
                companies: vec![1],
            },
        ],
    }
}

/// Loads the demo tenant unless it is already there. Returns it when it was created now.
pub async fn ensure_demo(pool: &PgPool) -> Result<Option<CreatedTenant>, SeedError> {
    let exists = sqlx::query_scalar!(
        r#"select exists(select 1 from tenants where name = $1) as "exists!""#,
        DEMO_TENANT
    )
    .fetch_one(pool)
    .await?;
    if exists {
        // A demo database made by an earlier version gets what later versions add.
        let tenant_id = demo_tenant_id(pool).await?;
        super::receivables::ensure_demo_receivables(pool, tenant_id).await?;
        return Ok(None);
    }
    let created = create_tenant(pool, &demo_tenant()).await?;
    insert_generated(pool, created.tenant_id, DEMO_CUSTOMERS, 2026).await?;
    seed_demo_lookups(pool, created.tenant_id).await?;
    assign_profiles(pool, created.tenant_id).await?;
    super::sales::seed_demo_company_settings(pool, created.tenant_id).await?;
    super::chart::seed_demo_chart(pool, created.tenant_id).await?;
    super::sales::assign_sales_defaults(pool, created.tenant_id).await?;
    super::sales::seed_demo_table_terms(pool, created.tenant_id).await?;
    super::sales::assign_own_entries(pool, created.tenant_id).await?;
    super::sales::assign_ledger_accounts(pool, created.tenant_id).await?;
    super::addresses::assign_main_addresses(pool, created.tenant_id).await?;
    super::receivables::ensure_demo_receivables(pool, created.tenant_id).await?;
    Ok(Some(created))
}

pub async fn demo_tenant_id(pool: &PgPool) -> Result<i64, SeedError> {
    Ok(
        sqlx::query_scalar!("select id from tenants where name = $1", DEMO_TENANT)
            .fetch_one(pool)
            .await?,
    )
}

pub fn print_logins() {
    println!("Usuários de demonstração (e-mail / senha):");
    for user in demo_tenant().users {
        println!(
            "  {:<32} {:<18} {}",
            user.email, user.password, user.profile
        );
    }
}
