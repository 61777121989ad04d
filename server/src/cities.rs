//! The IBGE municipalities shipped with the product, loaded once into `cities` with the
//! identification computed by `rules` (R-CUST-4).

use rules::city::brazilian_city_identification;
use sqlx::PgPool;

const IBGE_CSV: &str = include_str!("../data/ibge_municipalities.csv");

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Municipality {
    pub ibge_code: i32,
    pub name: String,
    pub uf: String,
    pub state_name: String,
}

impl Municipality {
    pub fn identification(&self) -> String {
        brazilian_city_identification(&self.name, &self.uf)
    }
}

pub fn municipalities() -> Vec<Municipality> {
    IBGE_CSV
        .lines()
        .skip(1)
        .filter_map(|line| {
            let mut cols = line.split(',');
            Some(Municipality {
                ibge_code: cols.next()?.parse().ok()?,
                name: cols.next()?.to_string(),
                uf: cols.next()?.to_string(),
                state_name: cols.next()?.to_string(),
            })
        })
        .collect()
}

/// Inserts the municipalities that are missing, in one statement. Returns how many were added.
pub async fn ensure_loaded(pool: &PgPool) -> Result<u64, sqlx::Error> {
    let all = municipalities();
    let present =
        sqlx::query_scalar!(r#"select count(*) as "n!" from cities where ibge_code is not null"#)
            .fetch_one(pool)
            .await?;
    if present as usize == all.len() {
        return Ok(0);
    }
    let codes: Vec<i32> = all.iter().map(|m| m.ibge_code).collect();
    let identifications: Vec<String> = all.iter().map(Municipality::identification).collect();
    let names: Vec<String> = all.iter().map(|m| m.name.clone()).collect();
    let ufs: Vec<String> = all.iter().map(|m| m.uf.clone()).collect();
    let states: Vec<String> = all.iter().map(|m| m.state_name.clone()).collect();
    let inserted = sqlx::query!(
        "insert into cities (ibge_code, identification, name, state_code, state_name)
         select * from unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[])
         on conflict (ibge_code) do nothing",
        &codes,
        &identifications,
        &names,
        &ufs,
        &states,
    )
    .execute(pool)
    .await?;
    Ok(inserted.rows_affected())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn r_cust_4_all_5570_municipalities_ship_with_unique_identifications() {
        let all = municipalities();
        assert_eq!(all.len(), 5570);
        let ids: HashSet<String> = all.iter().map(Municipality::identification).collect();
        assert_eq!(ids.len(), all.len());
        let sbo = all
            .iter()
            .find(|m| m.ibge_code == 3545803)
            .expect("Santa Bárbara d'Oeste");
        assert_eq!(sbo.identification(), "SANTA BARBARA D'OESTE - SP");
    }
}
