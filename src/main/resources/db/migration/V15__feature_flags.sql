-- Feature flags (platform): the rules admins store; built-in flags without a row use their default
-- from the settings. Every write bumps feature_flag_version in its transaction; each node polls that
-- one row and reloads the rules when it moved.
create table feature_flags (
    key             text primary key check (key ~ '^[a-z0-9][a-z0-9_.-]{0,63}$'),
    enabled         boolean     not null,
    rollout_percent integer     not null check (rollout_percent between 0 and 100),
    roles           text[]      not null default '{}',
    users           uuid[]      not null default '{}',
    description     text,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    updated_by      uuid
);

create table feature_flag_version (
    id      boolean primary key default true check (id),
    version bigint  not null
);

insert into feature_flag_version (id, version) values (true, 0);
