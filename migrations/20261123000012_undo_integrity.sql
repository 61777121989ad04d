-- Undo (R-BULK) blocks only on a later change to a field the batch wrote, per customer: the
-- customers it keeps as they are get their items marked, and the batch counts both sides.
alter table bulk_batch_items add column kept boolean not null default false;
alter table bulk_batches add column undone_count integer, add column kept_count integer;

-- The table entries a batch may still write back (its old and new values). A foreign key, so
-- an entry cannot be deleted while a batch that can still be undone needs it; undoing the
-- batch releases them.
create table bulk_batch_entries (
    tenant_id bigint not null,
    batch_id bigint not null,
    entry_id bigint not null,
    primary key (tenant_id, batch_id, entry_id),
    foreign key (tenant_id, batch_id) references bulk_batches (tenant_id, id) on delete cascade,
    constraint bulk_batch_entries_entry_fkey
        foreign key (tenant_id, entry_id) references lookup_entries (tenant_id, id)
);
create index bulk_batch_entries_by_entry on bulk_batch_entries (tenant_id, entry_id);

insert into bulk_batch_entries (tenant_id, batch_id, entry_id)
select distinct i.tenant_id, i.batch_id, e.id
from bulk_batch_items i
join bulk_batches b on b.tenant_id = i.tenant_id and b.id = i.batch_id and b.undone_at is null
cross join lateral (values (i.old_value), (i.new_value)) as v (value)
join lookup_entries e on e.tenant_id = i.tenant_id and e.id = v.value::bigint
where i.field in ('salesperson', 'customer_group', 'activity_branch', 'region', 'category')
  and v.value is not null;

-- A preview's moment, taken by the server: "apply" refuses (or leaves out) customers saved
-- after it. Kept in the database so any server process can apply what another previewed.
create table bulk_previews (
    tenant_id bigint not null,
    id uuid not null,
    user_id bigint not null,
    company_id bigint not null,
    taken_at timestamptz not null default now(),
    primary key (tenant_id, id)
);
create index bulk_previews_by_age on bulk_previews (taken_at);

-- Profile changes belong to one company (R-COMPANY-1): history shows them in that company only
-- (R-COMPANY-3). Identity changes are shared by every company of the tenant.
alter table customer_changes add column company_scoped boolean not null default false;
update customer_changes set company_scoped = true
where field in ('Grupo', 'Ramo de atividade', 'Região', 'Vendedor', 'Categoria');

-- Every change to an auxiliary table: who, when, field, old and new value (R-COMPANY-2).
create table lookup_changes (
    tenant_id bigint not null references tenants (id),
    id bigint generated always as identity,
    company_id bigint not null,
    kind text not null,
    code text not null,
    changed_at timestamptz not null default now(),
    user_id bigint not null,
    user_name text not null,
    field text not null,
    old_value text not null,
    new_value text not null,
    primary key (tenant_id, id)
);
create index lookup_changes_by_table on lookup_changes (tenant_id, company_id, kind, changed_at desc, id desc);

-- A running batch's step, readable by any server process. The row names the database backend
-- and transaction running the batch: a row whose transaction is gone (the server died) is not
-- running, whatever the row says.
create table bulk_progress (
    tenant_id bigint not null,
    user_id bigint not null,
    token text not null,
    step integer not null,
    steps integer not null,
    label text not null,
    started_at timestamptz not null default now(),
    backend_pid integer not null,
    xact_start timestamptz not null,
    primary key (tenant_id, user_id, token)
);
