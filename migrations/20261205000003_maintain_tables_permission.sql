-- R-PERM-1: maintaining the auxiliary and commercial tables ("Tabelas") is a permission of its
-- own, where "alter customers" covered it until now. Profiles that could maintain the tables
-- keep that right.
insert into profile_permissions (tenant_id, profile_id, permission)
select tenant_id, profile_id, 'tables.maintain' from profile_permissions
where permission = 'customer.alter'
on conflict do nothing;
