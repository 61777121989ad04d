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
