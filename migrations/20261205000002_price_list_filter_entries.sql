-- R-BULK-2 on the customer's price lists and payment plans (issue 11), answered by the list's
-- GIN index on `customers.profile_entries` like the profile filters: the entries of the
-- customer's own lists and plans join the array, with one marker per company and set saying
-- whether the set has any entry. Markers are -(company_id * 16 + slot) (app/src/server/
-- customer_list.rs, `Marker`): slot 6 holds a price list, 7 holds a payment plan, 14 holds no
-- price list, 15 holds no payment plan (slots 1..5, 8, 9..13 are the profile's). A customer
-- without a profile in a company may still hold lists there, so these markers are counted
-- apart from the profile's.

create or replace function customers_refresh_profile_entries(tenant_ids bigint[], customer_ids bigint[])
returns void language sql as $$
    update customers c
    set profile_entries = n.entries
    from (
        select t.tenant_id, t.customer_id, coalesce((
            select array_agg(entry order by entry) from (
                select entry
                from companies co
                left join customer_profiles p on p.tenant_id = co.tenant_id and p.company_id = co.id
                                             and p.customer_id = t.customer_id
                cross join lateral unnest(customer_company_entries(co.id, p)) as entry
                where co.tenant_id = t.tenant_id
                union all
                select entry
                from companies co
                cross join lateral (
                    select coalesce(array_agg(l.price_list_id), '{}') as lists
                    from customer_price_lists l
                    where l.tenant_id = co.tenant_id and l.company_id = co.id
                      and l.customer_id = t.customer_id) pl
                cross join lateral (
                    select coalesce(array_agg(l.payment_plan_id), '{}') as plans
                    from customer_payment_plans l
                    where l.tenant_id = co.tenant_id and l.company_id = co.id
                      and l.customer_id = t.customer_id) pp
                cross join lateral unnest(
                    pl.lists || pp.plans
                    || -(co.id * 16 + case when cardinality(pl.lists) > 0 then 6 else 14 end)
                    || -(co.id * 16 + case when cardinality(pp.plans) > 0 then 7 else 15 end)
                ) as entry
                where co.tenant_id = t.tenant_id
            ) all_entries
        ), '{}') as entries
        from (select distinct tenant_id, customer_id
              from unnest(tenant_ids, customer_ids) as u(tenant_id, customer_id)) t
        offset 0 -- computed once per customer, not again in the update's condition
    ) n
    where c.tenant_id = n.tenant_id and c.id = n.customer_id
      and c.profile_entries is distinct from n.entries
$$;

-- A new customer has no profile, price list or payment plan in any company of its tenant.
create or replace function customers_start_profile_entries() returns trigger language plpgsql as $$
begin
    new.profile_entries := coalesce(
        (select array_agg(marker order by marker)
         from companies co
         cross join lateral unnest(array[-(co.id * 16 + 8), -(co.id * 16 + 14), -(co.id * 16 + 15)]) as marker
         where co.tenant_id = new.tenant_id),
        '{}');
    return new;
end
$$;

-- The statement function of customer_profiles reads (tenant_id, customer_id) from `changed`,
-- which the link tables have too.
create trigger customer_price_lists_inserted after insert on customer_price_lists
    referencing new table as changed
    for each statement execute function customers_sync_profile_entries();
create trigger customer_price_lists_deleted after delete on customer_price_lists
    referencing old table as changed
    for each statement execute function customers_sync_profile_entries();
create trigger customer_payment_plans_inserted after insert on customer_payment_plans
    referencing new table as changed
    for each statement execute function customers_sync_profile_entries();
create trigger customer_payment_plans_deleted after delete on customer_payment_plans
    referencing old table as changed
    for each statement execute function customers_sync_profile_entries();

select customers_refresh_profile_entries(array_agg(tenant_id), array_agg(id)) from customers;

analyze customers;
