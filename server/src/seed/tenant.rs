//! Creates a whole tenant (companies, profiles, users) in one transaction, set-based.

use std::collections::HashMap;

use app::server::passwords::hash_password;
use rules::permission::Permission;
use sqlx::PgPool;

pub struct CompanySpec {
    pub code: i32,
    pub legal_name: &'static str,
    pub trade_name: &'static str,
    pub cnpj: &'static str,
    pub city_identification: &'static str,
}

pub struct ProfileSpec {
    pub name: &'static str,
    pub permissions: Vec<Permission>,
}

pub struct UserSpec {
    pub email: &'static str,
    pub name: &'static str,
    pub password: &'static str,
    pub profile: &'static str,
    /// Codes of the companies the user may act in.
    pub companies: Vec<i32>,
}

pub struct TenantSpec {
    pub name: &'static str,
    pub companies: Vec<CompanySpec>,
    pub profiles: Vec<ProfileSpec>,
    pub users: Vec<UserSpec>,
}

#[derive(Debug, Clone)]
pub struct CreatedTenant {
    pub tenant_id: i64,
    /// Company id by company code.
    pub companies: HashMap<i32, i64>,
    /// User id by e-mail.
    pub users: HashMap<String, i64>,
}

#[derive(Debug, thiserror::Error)]
pub enum SeedError {
    #[error("database: {0}")]
    Database(#[from] sqlx::Error),
    #[error("seed specification: {0}")]
    Spec(String),
}

pub async fn create_tenant(pool: &PgPool, spec: &TenantSpec) -> Result<CreatedTenant, SeedError> {
    let mut tx = pool.begin().await?;
    let tenant_id = sqlx::query_scalar!(
        "insert into tenants (name) values ($1) returning id",
        spec.name
    )
    .fetch_one(&mut *tx)
    .await?;

    let companies: HashMap<i32, i64> =
        sqlx::query!(
        "insert into companies (tenant_id, code, legal_name, trade_name, cnpj, city_identification)
         select $1, * from unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::text[])
         returning code, id",
        tenant_id,
        &spec.companies.iter().map(|c| c.code).collect::<Vec<_>>(),
        &spec.companies.iter().map(|c| c.legal_name.to_string()).collect::<Vec<_>>(),
        &spec.companies.iter().map(|c| c.trade_name.to_string()).collect::<Vec<_>>(),
        &spec.companies.iter().map(|c| c.cnpj.to_string()).collect::<Vec<_>>(),
        &spec.companies.iter().map(|c| c.city_identification.to_string()).collect::<Vec<_>>(),
    )
        .fetch_all(&mut *tx)
        .await?
        .into_iter()
        .map(|row| (row.code, row.id))
        .collect();

    let profiles: HashMap<String, i64> = sqlx::query!(
        "insert into profiles (tenant_id, name) select $1, * from unnest($2::text[]) returning name, id",
        tenant_id,
        &spec.profiles.iter().map(|p| p.name.to_string()).collect::<Vec<_>>(),
    )
    .fetch_all(&mut *tx)
    .await?
    .into_iter()
    .map(|row| (row.name, row.id))
    .collect();

    let (grant_profiles, grant_codes): (Vec<i64>, Vec<String>) = spec
        .profiles
        .iter()
        .flat_map(|p| {
            let profile_id = profiles[p.name];
            p.permissions
                .iter()
                .map(move |perm| (profile_id, perm.code().to_string()))
        })
        .unzip();
    sqlx::query!(
        "insert into profile_permissions (tenant_id, profile_id, permission)
         select $1, * from unnest($2::bigint[], $3::text[])",
        tenant_id,
        &grant_profiles,
        &grant_codes,
    )
    .execute(&mut *tx)
    .await?;

    let mut hashes = Vec::with_capacity(spec.users.len());
    let mut user_profiles = Vec::with_capacity(spec.users.len());
    for user in &spec.users {
        hashes.push(hash_password(user.password).map_err(|_| SeedError::Spec("hash".into()))?);
        user_profiles.push(
            *profiles
                .get(user.profile)
                .ok_or_else(|| SeedError::Spec(format!("unknown profile {}", user.profile)))?,
        );
    }
    let users: HashMap<String, i64> = sqlx::query!(
        "insert into users (tenant_id, email, name, password_hash, profile_id)
         select $1, * from unnest($2::text[], $3::text[], $4::text[], $5::bigint[])
         returning email, id",
        tenant_id,
        &spec
            .users
            .iter()
            .map(|u| u.email.to_string())
            .collect::<Vec<_>>(),
        &spec
            .users
            .iter()
            .map(|u| u.name.to_string())
            .collect::<Vec<_>>(),
        &hashes,
        &user_profiles,
    )
    .fetch_all(&mut *tx)
    .await?
    .into_iter()
    .map(|row| (row.email, row.id))
    .collect();

    let mut member_users = Vec::new();
    let mut member_companies = Vec::new();
    for user in &spec.users {
        for code in &user.companies {
            member_users.push(users[user.email]);
            member_companies.push(
                *companies
                    .get(code)
                    .ok_or_else(|| SeedError::Spec(format!("unknown company {code}")))?,
            );
        }
    }
    sqlx::query!(
        "insert into user_companies (tenant_id, user_id, company_id)
         select $1, * from unnest($2::bigint[], $3::bigint[])",
        tenant_id,
        &member_users,
        &member_companies,
    )
    .execute(&mut *tx)
    .await?;

    tx.commit().await?;
    Ok(CreatedTenant {
        tenant_id,
        companies,
        users,
    })
}
