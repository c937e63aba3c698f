-- The API key a generation was asked for with (null for login sessions): the admins' cost view by key.
-- No foreign key: a deleted key's spending stays attributed to it.
alter table usage_records add column api_key_id uuid;
create index usage_records_key_time_idx on usage_records (api_key_id, created_at) where api_key_id is not null;
