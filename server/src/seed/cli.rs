//! `server seed [--customers N] [--seed S]`: the demo tenant plus N generated customers.

use sqlx::PgPool;

use super::{addresses, customers, demo, lookups};

pub struct SeedArgs {
    pub customers: usize,
    pub seed: u64,
}

pub fn parse_args(args: &[String]) -> Result<SeedArgs, String> {
    let mut parsed = SeedArgs {
        customers: 0,
        seed: 1,
    };
    let mut iter = args.iter();
    while let Some(flag) = iter.next() {
        let value = iter
            .next()
            .ok_or_else(|| format!("{flag} precisa de um valor"))?;
        match flag.as_str() {
            "--customers" => {
                parsed.customers = value
                    .replace('_', "")
                    .parse()
                    .map_err(|_| format!("--customers inválido: {value}"))?
            }
            "--seed" => {
                parsed.seed = value
                    .parse()
                    .map_err(|_| format!("--seed inválido: {value}"))?
            }
            _ => return Err(format!("opção desconhecida: {flag}")),
        }
    }
    Ok(parsed)
}

pub async fn run(pool: &PgPool, args: &[String]) -> Result<(), Box<dyn std::error::Error>> {
    let args = parse_args(args)?;
    demo::ensure_demo(pool).await?;
    let tenant_id = demo::demo_tenant_id(pool).await?;
    let started = std::time::Instant::now();
    let inserted = customers::insert_generated(pool, tenant_id, args.customers, args.seed).await?;
    lookups::assign_profiles(pool, tenant_id).await?;
    super::sales::assign_sales_defaults(pool, tenant_id).await?;
    super::sales::assign_own_entries(pool, tenant_id).await?;
    super::sales::assign_ledger_accounts(pool, tenant_id).await?;
    addresses::assign_main_addresses(pool, tenant_id).await?;
    // Fresh statistics: right after a large load the planner would otherwise pick plans for
    // empty tables (a preview over 50,000 customers ran past the statement limit).
    sqlx::query("analyze").execute(pool).await?;
    println!(
        "{inserted} clientes inseridos em {:.1} s",
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn size_flag_accepts_underscores_for_large_numbers() {
        let args: Vec<String> = ["--customers", "1_000_000", "--seed", "9"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let parsed = parse_args(&args).unwrap();
        assert_eq!((parsed.customers, parsed.seed), (1_000_000, 9));
        assert!(parse_args(&["--customers".to_string()]).is_err());
        assert!(parse_args(&["--rows".to_string(), "3".to_string()]).is_err());
    }
}
