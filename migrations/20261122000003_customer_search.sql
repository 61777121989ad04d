-- Customer list search: folded names (computed by rules::customer_search::search_name on every
-- write, back-filled at start-up for older rows), trigram search and keyset orders.

create extension if not exists pg_trgm;
create extension if not exists btree_gin;

alter table customers add column search_name text;

create index customers_search_name_trgm on customers using gin (tenant_id, search_name gin_trgm_ops);
create index customers_document_prefix on customers (tenant_id, document text_pattern_ops);
create index customers_name_order on customers (tenant_id, legal_name, id);
create index customers_city on customers (tenant_id, city_id);
create index customers_status on customers (tenant_id, status);
