-- Carriers and drivers, and fleet vehicles (issue 11, R-SALES-10): code + description rows of
-- lookup_entries with terms of their own (a carrier's CNPJ or a driver's CPF; a vehicle's
-- plate), and the ones a customer's pickup orders may use, per company.

alter table lookup_entries drop constraint lookup_entries_kind_check;
alter table lookup_entries add constraint lookup_entries_kind_check check (kind in (
    'customer_group', 'activity_branch', 'region', 'salesperson', 'category',
    'billing_type', 'currency', 'bearer', 'freight_table', 'incoterm',
    'commission_table', 'financial_class', 'insurance', 'charge_message', 'invoice_message',
    'price_list', 'payment_plan', 'carrier', 'fleet_vehicle'));

create table carrier_terms (
    tenant_id bigint not null,
    entry_id bigint not null,
    -- A driver (CPF) rather than a carrier company (CNPJ).
    driver boolean not null default false,
    document text not null,
    primary key (tenant_id, entry_id),
    foreign key (tenant_id, entry_id) references lookup_entries (tenant_id, id) on delete cascade
);

create table fleet_vehicle_terms (
    tenant_id bigint not null,
    entry_id bigint not null,
    -- Bare and upper-case: ABC1D23 (Mercosul) or ABC1234.
    plate text not null,
    primary key (tenant_id, entry_id),
    foreign key (tenant_id, entry_id) references lookup_entries (tenant_id, id) on delete cascade
);

create table customer_allowed_carriers (
    tenant_id bigint not null,
    company_id bigint not null,
    customer_id bigint not null,
    carrier_id bigint not null,
    primary key (tenant_id, company_id, customer_id, carrier_id),
    foreign key (tenant_id, company_id) references companies (tenant_id, id),
    foreign key (tenant_id, customer_id) references customers (tenant_id, id) on delete cascade,
    foreign key (tenant_id, carrier_id) references lookup_entries (tenant_id, id)
);
create index customer_allowed_carriers_by_carrier
    on customer_allowed_carriers (tenant_id, carrier_id, company_id, customer_id);

create table customer_allowed_fleet (
    tenant_id bigint not null,
    company_id bigint not null,
    customer_id bigint not null,
    vehicle_id bigint not null,
    primary key (tenant_id, company_id, customer_id, vehicle_id),
    foreign key (tenant_id, company_id) references companies (tenant_id, id),
    foreign key (tenant_id, customer_id) references customers (tenant_id, id) on delete cascade,
    foreign key (tenant_id, vehicle_id) references lookup_entries (tenant_id, id)
);
create index customer_allowed_fleet_by_vehicle
    on customer_allowed_fleet (tenant_id, vehicle_id, company_id, customer_id);
