-- R-SALES-11: the customer's insurance profile, mortgage and bail, and whether the company
-- works with cargo insurance at all.
alter table customer_sales_defaults
    add column insurance_profile text not null default 'none',
    add column mortgage_due date,
    add column mortgage_credit_limit numeric(15, 2),
    add column mortgage_value numeric(15, 2),
    add column bail_due date,
    add column bail_issued date,
    add column bail_property_registry text,
    add column bail_guarantor text;

alter table company_sales_settings add column insurance_enabled boolean not null default false;

-- R-SALES-10: pickup orders take the economic group buyer's allowed carriers and fleet.
alter table customer_sales_defaults add column uses_buyers_lists boolean not null default false;

-- Company switches of the sales terms: pickup orders restricted to the allowed carriers / fleet
-- (R-SALES-10), commission table chosen per customer.
alter table company_sales_settings
    add column restricts_pickup_carriers boolean not null default false,
    add column restricts_pickup_fleet boolean not null default false,
    add column commission_per_customer boolean not null default false;
