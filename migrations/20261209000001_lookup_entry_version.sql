-- A table row's version: bumped by every save, so that of two people editing one row the
-- second is refused instead of silently undoing the first's change.
alter table lookup_entries add column version integer not null default 1;
