-- Who changed which company setting, when, from what to what (one row per field).
create table company_settings_changes (
    tenant_id bigint not null,
    company_id bigint not null,
    id bigint generated always as identity,
    changed_at timestamptz not null default now(),
    user_id bigint not null,
    user_name text not null,
    field text not null,
    old_value text not null,
    new_value text not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, company_id) references companies (tenant_id, id) on delete cascade
);

create index company_settings_changes_by_company
    on company_settings_changes (tenant_id, company_id, changed_at desc, id desc);
