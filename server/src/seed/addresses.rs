//! Demo addresses: a preferred main address for every generated customer that has a city and
//! no address yet, in that city, with a CEP of the city's state (issue 10, item 16: CEPs were
//! drawn from the whole country, "CEP 10007-919" for a city in PR).

use rules::cep_range::cep_of_state;
use sqlx::PgPool;

const CHUNK: usize = 10_000;

/// A customer's CEP follows from its id, spread over its state's ranges.
fn cep_for(customer_id: i64, uf: &str) -> Option<String> {
    let draw = customer_id
        .unsigned_abs()
        .wrapping_mul(0x9E37_79B9_7F4A_7C15);
    cep_of_state(uf, draw).map(|cep| cep.digits().to_string())
}

/// Customers whose city has no Brazilian state (none among the IBGE cities the seed draws
/// from) get no address: there is no CEP to give them.
pub async fn assign_main_addresses(pool: &PgPool, tenant_id: i64) -> Result<u64, sqlx::Error> {
    let without: Vec<(i64, String)> = sqlx::query_as(
        "select c.id, ci.state_code
         from customers c join cities ci on ci.id = c.city_id
         where c.tenant_id = $1
           and not exists (select 1 from customer_addresses a
                           where a.tenant_id = c.tenant_id and a.customer_id = c.id)
         order by c.id",
    )
    .bind(tenant_id)
    .fetch_all(pool)
    .await?;
    let mut inserted = 0;
    for chunk in without.chunks(CHUNK) {
        let (ids, ceps): (Vec<i64>, Vec<String>) = chunk
            .iter()
            .filter_map(|(id, uf)| cep_for(*id, uf).map(|cep| (*id, cep)))
            .unzip();
        inserted += sqlx::query(
            "insert into customer_addresses (tenant_id, customer_id, role, preferred, cep, street,
                                             number, district, city_id, updated_by_name)
             select c.tenant_id, c.id, 'main', true, p.cep,
                    (array['Rua das Flores', 'Avenida Brasil', 'Rua XV de Novembro',
                           'Rua Sete de Setembro', 'Avenida Independência', 'Rua Tiradentes',
                           'Rua Marechal Deodoro', 'Rua Bento Gonçalves'])[1 + c.id % 8],
                    (1 + (c.id * 37) % 2000)::text,
                    (array['Centro', 'Vila Nova', 'São José', 'Boa Vista', 'Distrito Industrial',
                           'Jardim América'])[1 + (c.id / 8) % 6],
                    c.city_id, 'Carga inicial'
             from unnest($2::bigint[], $3::text[]) as p(customer_id, cep)
             join customers c on c.tenant_id = $1 and c.id = p.customer_id
             where not exists (select 1 from customer_addresses a
                               where a.tenant_id = c.tenant_id and a.customer_id = c.id)",
        )
        .bind(tenant_id)
        .bind(&ids)
        .bind(&ceps)
        .execute(pool)
        .await?
        .rows_affected();
    }
    Ok(inserted)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rules::address::Cep;
    use rules::cep_range::cep_in_state;

    #[test]
    fn demo_ceps_are_of_the_customers_state() {
        for id in 1..5_000 {
            for uf in ["PR", "SC", "RS", "SP", "AM", "GO", "DF"] {
                let cep = Cep::parse(&cep_for(id, uf).unwrap()).unwrap();
                assert!(
                    cep_in_state(&cep, uf),
                    "customer {id} in {uf}: {}",
                    cep.masked()
                );
            }
        }
        assert_eq!(cep_for(1, "FL"), None);
    }
}
