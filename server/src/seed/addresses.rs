//! Demo addresses: a preferred main address for every generated customer that has a city and
//! no address yet, in that city. One statement.

use sqlx::PgPool;

pub async fn assign_main_addresses(pool: &PgPool, tenant_id: i64) -> Result<u64, sqlx::Error> {
    Ok(sqlx::query!(
        "insert into customer_addresses (tenant_id, customer_id, role, preferred, cep, street, number,
                                         district, city_id, updated_by_name)
         select c.tenant_id, c.id, 'main', true,
                (10000000 + (c.id * 7919) % 89999999)::text,
                (array['Rua das Flores', 'Avenida Brasil', 'Rua XV de Novembro', 'Rua Sete de Setembro',
                       'Avenida Independência', 'Rua Tiradentes', 'Rua Marechal Deodoro',
                       'Rua Bento Gonçalves'])[1 + c.id % 8],
                (1 + (c.id * 37) % 2000)::text,
                (array['Centro', 'Vila Nova', 'São José', 'Boa Vista', 'Distrito Industrial',
                       'Jardim América'])[1 + (c.id / 8) % 6],
                c.city_id, 'Carga inicial'
         from customers c
         where c.tenant_id = $1 and c.city_id is not null
           and not exists (select 1 from customer_addresses a
                           where a.tenant_id = c.tenant_id and a.customer_id = c.id)",
        tenant_id,
    )
    .execute(pool)
    .await?
    .rows_affected())
}
