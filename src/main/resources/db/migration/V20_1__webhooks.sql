-- Webhook endpoints users (and admins, for everyone's events) register, and the durable outbox of
-- their deliveries. The signing secret is stored only sealed (AES-256-GCM under the server's
-- key-encryption key, bound to the owner); it is shown once, when the endpoint is created.
create table webhook_endpoints (
    id                 uuid primary key,
    user_id            uuid        not null references users (id) on delete cascade,
    scope              text        not null check (scope in ('own', 'all')),
    url                text        not null,
    events             text[]      not null,
    description        text,
    secret_ciphertext  bytea       not null,
    secret_nonce       bytea       not null check (length(secret_nonce) = 12),
    secret_key_id      integer     not null,
    status             text        not null check (status in ('active', 'disabled')),
    disabled_reason    text,
    created_at         timestamptz not null
);

create index webhook_endpoints_user_idx on webhook_endpoints (user_id);

-- One row per event per endpoint, written in the transaction of what it tells. Delivered in order
-- per endpoint: a delivery waits until every earlier one of its endpoint has succeeded or failed.
create table webhook_deliveries (
    id                uuid primary key,
    endpoint_id       uuid        not null references webhook_endpoints (id) on delete cascade,
    event_type        text        not null,
    payload           text        not null,
    status            text        not null check (status in ('pending', 'succeeded', 'failed')),
    attempts          integer     not null default 0,
    next_attempt_at   timestamptz not null,
    last_status_code  integer,
    last_error        text,
    created_at        timestamptz not null,
    ended_at          timestamptz
);

create index webhook_deliveries_due_idx on webhook_deliveries (endpoint_id, created_at, id) where status = 'pending';
create index webhook_deliveries_endpoint_idx on webhook_deliveries (endpoint_id, created_at desc, id desc);
