-- The customer list's filters and search on the customer's own row, in one GIN index
-- (issue 10, items 4 and 9).
--
-- Profile filters: group + region + salesperson joined customer_profiles once per table, and
-- a page in code order probed the profile of every customer walked: 230 ms at 500,000
-- customers for a combination that 0.75% of them match, and the capped count as much again.
-- `profile_entries` holds every lookup entry of the customer's profiles (entry ids are unique
-- in the tenant, so an id names its company and table), plus one marker per table that has a
-- value, -(company_id * 8 + n) with n = 1 group, 2 branch, 3 region, 4 salesperson,
-- 5 category (app/src/server/customer_list.rs, `filled_marker`). Kept by the statement
-- triggers below from whatever writes customer_profiles (the record form, batches and their
-- undo, seeds, tests), in one set-based update per statement. Every writer locks the customer
-- row before its profile, so the update takes no lock out of order.
--
-- Search: each word typed must start a word of the names, in any order. `search_words` holds
-- every start of every word of the folded names (`search_name`, written by
-- rules::customer_search::search_name); words are runs of A-Z and 0-9, so an emoji or any
-- punctuation, typographic ones included, only separates them — rows folded before the
-- typographic apostrophe became ASCII give the same words. The trigram index answered
-- "ferreira padaria" by intersecting trigram lists of a quarter of the table (23 ms per
-- scan, twice per page with the count); two word lists take 2 ms.
--
-- One GIN index over both arrays and the status intersects any combination inside one scan;
-- the arrays' element statistics give the planner each entry's and word's share.

alter table customers add column profile_entries bigint[] not null default '{}';

-- What one profile row contributes; a sql function so PostgreSQL inlines it.
create function customer_profile_row_entries(p customer_profiles)
returns bigint[] language sql immutable as $$
    select array_remove(array[
        p.customer_group_id,
        p.activity_branch_id,
        p.region_id,
        p.salesperson_id,
        p.category_id,
        case when p.customer_group_id is not null then -(p.company_id * 8 + 1) end,
        case when p.activity_branch_id is not null then -(p.company_id * 8 + 2) end,
        case when p.region_id is not null then -(p.company_id * 8 + 3) end,
        case when p.salesperson_id is not null then -(p.company_id * 8 + 4) end,
        case when p.category_id is not null then -(p.company_id * 8 + 5) end
    ], null)
$$;

create function customers_sync_profile_entries() returns trigger language plpgsql as $$
begin
    with touched as (
        select distinct tenant_id, customer_id from changed
    ), entries as (
        select p.tenant_id, p.customer_id, array_agg(entry order by entry) as entries
        from customer_profiles p
        join touched t on t.tenant_id = p.tenant_id and t.customer_id = p.customer_id
        cross join lateral unnest(customer_profile_row_entries(p)) as entry
        group by p.tenant_id, p.customer_id
    )
    update customers c
    set profile_entries = coalesce(e.entries, '{}')
    from touched t
    left join entries e on e.tenant_id = t.tenant_id and e.customer_id = t.customer_id
    where c.tenant_id = t.tenant_id and c.id = t.customer_id
      and c.profile_entries is distinct from coalesce(e.entries, '{}');
    return null;
end
$$;

create trigger customer_profiles_inserted after insert on customer_profiles
    referencing new table as changed
    for each statement execute function customers_sync_profile_entries();
create trigger customer_profiles_updated after update on customer_profiles
    referencing new table as changed
    for each statement execute function customers_sync_profile_entries();
create trigger customer_profiles_deleted after delete on customer_profiles
    referencing old table as changed
    for each statement execute function customers_sync_profile_entries();

update customers c
set profile_entries = e.entries
from (
    select p.tenant_id, p.customer_id, array_agg(entry order by entry) as entries
    from customer_profiles p
    cross join lateral unnest(customer_profile_row_entries(p)) as entry
    group by p.tenant_id, p.customer_id
) e
where c.tenant_id = e.tenant_id and c.id = e.customer_id;

create function search_word_prefixes(name text) returns text[]
language sql immutable parallel safe as $$
    select coalesce(array_agg(distinct left(word, n)), '{}')
    from regexp_split_to_table(coalesce(name, ''), '[^A-Z0-9]+') as word
    cross join lateral generate_series(1, length(word)) as n
    where word <> ''
$$;

alter table customers add column search_words text[]
    generated always as (search_word_prefixes(search_name)) stored;

create index customers_list_filters on customers
    using gin (tenant_id, search_words, profile_entries, status);
drop index customers_search_name_trgm;

analyze customers;
