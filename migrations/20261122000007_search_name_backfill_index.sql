-- The start-up backfill of search names looks only for rows without one: index exactly
-- those, so a start over a million customers does not scan them all.
create index customers_missing_search_name on customers (tenant_id, id) where search_name is null;
