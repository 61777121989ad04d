-- The customer's carrier (seed 003, "Transportadora") and the one a company's new customers start
-- with (R-SALES-1): one entry of the carriers and drivers table (lookup_entries of kind 'carrier'),
-- beside the allowed carriers of pickup orders (R-SALES-10).

alter table customer_sales_defaults add column carrier_id bigint;
alter table customer_sales_defaults add foreign key (tenant_id, carrier_id) references lookup_entries (tenant_id, id);
create index customer_sales_defaults_carrier on customer_sales_defaults (tenant_id, carrier_id) where carrier_id is not null;

alter table company_sales_settings add column carrier_id bigint;
alter table company_sales_settings add foreign key (tenant_id, carrier_id) references lookup_entries (tenant_id, id);
