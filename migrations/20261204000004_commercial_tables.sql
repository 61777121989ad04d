-- Commercial tables (issue 11): code + description tables kept in lookup_entries beside the
-- five profile tables (R-COMPANY-2), and the customer's choice of each in its sales defaults.

alter table lookup_entries drop constraint lookup_entries_kind_check;
alter table lookup_entries add constraint lookup_entries_kind_check check (kind in (
    'customer_group', 'activity_branch', 'region', 'salesperson', 'category',
    'billing_type', 'currency', 'bearer', 'freight_table', 'incoterm',
    'commission_table', 'financial_class', 'insurance', 'charge_message', 'invoice_message'));

alter table customer_sales_defaults
    add column billing_type_id bigint,
    add column currency_id bigint,
    add column bearer_id bigint,
    add column freight_table_id bigint,
    add column incoterm_id bigint,
    add column commission_table_id bigint,
    add column financial_class_id bigint,
    add column insurance_id bigint,
    add column charge_message_id bigint,
    add column invoice_message_id bigint;

alter table customer_sales_defaults add foreign key (tenant_id, billing_type_id) references lookup_entries (tenant_id, id);
alter table customer_sales_defaults add foreign key (tenant_id, currency_id) references lookup_entries (tenant_id, id);
alter table customer_sales_defaults add foreign key (tenant_id, bearer_id) references lookup_entries (tenant_id, id);
alter table customer_sales_defaults add foreign key (tenant_id, freight_table_id) references lookup_entries (tenant_id, id);
alter table customer_sales_defaults add foreign key (tenant_id, incoterm_id) references lookup_entries (tenant_id, id);
alter table customer_sales_defaults add foreign key (tenant_id, commission_table_id) references lookup_entries (tenant_id, id);
alter table customer_sales_defaults add foreign key (tenant_id, financial_class_id) references lookup_entries (tenant_id, id);
alter table customer_sales_defaults add foreign key (tenant_id, insurance_id) references lookup_entries (tenant_id, id);
alter table customer_sales_defaults add foreign key (tenant_id, charge_message_id) references lookup_entries (tenant_id, id);
alter table customer_sales_defaults add foreign key (tenant_id, invoice_message_id) references lookup_entries (tenant_id, id);

-- What uses an entry (delete refused while in use, counts on the table screens): found by index.
create index customer_sales_defaults_billing_type on customer_sales_defaults (tenant_id, billing_type_id) where billing_type_id is not null;
create index customer_sales_defaults_currency on customer_sales_defaults (tenant_id, currency_id) where currency_id is not null;
create index customer_sales_defaults_bearer on customer_sales_defaults (tenant_id, bearer_id) where bearer_id is not null;
create index customer_sales_defaults_freight_table on customer_sales_defaults (tenant_id, freight_table_id) where freight_table_id is not null;
create index customer_sales_defaults_incoterm on customer_sales_defaults (tenant_id, incoterm_id) where incoterm_id is not null;
create index customer_sales_defaults_commission_table on customer_sales_defaults (tenant_id, commission_table_id) where commission_table_id is not null;
create index customer_sales_defaults_financial_class on customer_sales_defaults (tenant_id, financial_class_id) where financial_class_id is not null;
create index customer_sales_defaults_insurance on customer_sales_defaults (tenant_id, insurance_id) where insurance_id is not null;
create index customer_sales_defaults_charge_message on customer_sales_defaults (tenant_id, charge_message_id) where charge_message_id is not null;
create index customer_sales_defaults_invoice_message on customer_sales_defaults (tenant_id, invoice_message_id) where invoice_message_id is not null;

-- R-SALES-1: the billing type, currency and bearer a new customer starts with.
alter table company_sales_settings
    add column billing_type_id bigint,
    add column currency_id bigint,
    add column bearer_id bigint;
alter table company_sales_settings add foreign key (tenant_id, billing_type_id) references lookup_entries (tenant_id, id);
alter table company_sales_settings add foreign key (tenant_id, currency_id) references lookup_entries (tenant_id, id);
alter table company_sales_settings add foreign key (tenant_id, bearer_id) references lookup_entries (tenant_id, id);
