-- "Is empty" on a profile table as an entry of `customers.profile_entries` the list's GIN
-- index finds, where it was the negation of the "filled" marker (issue 10, item 4).
--
-- A negation reads every customer the other filters leave: "category is empty" when every
-- customer has a category walked all 500,000 rows to count none (150–270 ms). Each customer
-- now carries, per company of its tenant, either its profile's entries and one marker per
-- table (filled or empty), or one marker saying it has no profile there. "Is empty" is then
-- `profile_entries && {empty marker, no-profile marker}`: positive, answered by the index.
--
-- Markers are -(company_id * 16 + slot) (app/src/server/customer_list.rs, `Marker`):
--   slot 1..5   the table has a value: 1 group, 2 branch, 3 region, 4 salesperson, 5 category
--   slot 8      the customer has no profile in the company
--   slot 9..13  the customer's profile in the company leaves the table (slot - 8) empty
-- Entry ids are positive and unique in the database, so nothing collides.
--
-- Kept by triggers: the statement triggers on customer_profiles (replaced below), a row
-- trigger on new customers (no profile anywhere yet) and statement triggers on companies (a
-- new company adds its no-profile marker to every customer of the tenant).

-- What one company contributes to a customer's entries; `p` is null when the customer has no
-- profile there. A sql function so PostgreSQL inlines it.
create function customer_company_entries(company_id bigint, p customer_profiles)
returns bigint[] language sql immutable as $$
    select case when p.customer_id is null then array[-(company_id * 16 + 8)]
    else array_remove(array[
        p.customer_group_id,
        p.activity_branch_id,
        p.region_id,
        p.salesperson_id,
        p.category_id,
        -(company_id * 16 + case when p.customer_group_id is null then 9 else 1 end),
        -(company_id * 16 + case when p.activity_branch_id is null then 10 else 2 end),
        -(company_id * 16 + case when p.region_id is null then 11 else 3 end),
        -(company_id * 16 + case when p.salesperson_id is null then 12 else 4 end),
        -(company_id * 16 + case when p.category_id is null then 13 else 5 end)
    ], null) end
$$;

-- Recomputes the entries of the given customers (pairs of tenant and customer ids) from
-- their profiles and their tenant's companies, in one update, writing only rows that change.
-- A subquery per customer, so that the work grows with the customers touched whatever the
-- planner guesses of the arrays' length.
create function customers_refresh_profile_entries(tenant_ids bigint[], customer_ids bigint[])
returns void language sql as $$
    update customers c
    set profile_entries = n.entries
    from (
        select t.tenant_id, t.customer_id, coalesce((
            select array_agg(entry order by entry)
            from companies co
            left join customer_profiles p on p.tenant_id = co.tenant_id and p.company_id = co.id
                                         and p.customer_id = t.customer_id
            cross join lateral unnest(customer_company_entries(co.id, p)) as entry
            where co.tenant_id = t.tenant_id
        ), '{}') as entries
        from (select distinct tenant_id, customer_id
              from unnest(tenant_ids, customer_ids) as u(tenant_id, customer_id)) t
        offset 0 -- computed once per customer, not again in the update's condition
    ) n
    where c.tenant_id = n.tenant_id and c.id = n.customer_id
      and c.profile_entries is distinct from n.entries
$$;

-- The statement triggers on customer_profiles keep their names and transition tables.
create or replace function customers_sync_profile_entries() returns trigger language plpgsql as $$
begin
    perform customers_refresh_profile_entries(
        array(select tenant_id from changed), array(select customer_id from changed));
    return null;
end
$$;

drop function customer_profile_row_entries(customer_profiles);

-- A new customer has no profile in any company of its tenant.
create function customers_start_profile_entries() returns trigger language plpgsql as $$
begin
    new.profile_entries := coalesce(
        (select array_agg(-(co.id * 16 + 8) order by -(co.id * 16 + 8))
         from companies co where co.tenant_id = new.tenant_id),
        '{}');
    return new;
end
$$;

create trigger customers_start_profile_entries before insert on customers
    for each row execute function customers_start_profile_entries();

-- A company added to (or removed from) a tenant changes what every customer of the tenant
-- has no profile in.
create function companies_sync_profile_entries() returns trigger language plpgsql as $$
begin
    perform customers_refresh_profile_entries(array_agg(c.tenant_id), array_agg(c.id))
    from customers c
    where c.tenant_id in (select tenant_id from changed);
    return null;
end
$$;

create trigger companies_inserted after insert on companies
    referencing new table as changed
    for each statement execute function companies_sync_profile_entries();
create trigger companies_deleted after delete on companies
    referencing old table as changed
    for each statement execute function companies_sync_profile_entries();

select customers_refresh_profile_entries(array_agg(tenant_id), array_agg(id)) from customers;

analyze customers;
