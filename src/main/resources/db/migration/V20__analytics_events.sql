-- What happened, as named events: sent by clients (source 'client') or recorded by the server from
-- the modules' own past-tense events (source 'server': chat.created, message.posted, ...).
create table analytics_events (
    id           uuid primary key,
    user_id      uuid        not null references users (id) on delete cascade,
    name         text        not null check (name ~ '^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$' and length(name) <= 64),
    source       text        not null check (source in ('client', 'server')),
    properties   jsonb       not null default '{}'::jsonb,
    occurred_at  timestamptz not null,
    received_at  timestamptz not null
);

create index analytics_events_user_time_idx on analytics_events (user_id, occurred_at, id);
create index analytics_events_name_time_idx on analytics_events (name, occurred_at);
