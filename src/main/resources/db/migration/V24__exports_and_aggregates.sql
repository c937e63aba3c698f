-- Exports of everything a user owns (the right of access): a job per request, its zip kept under
-- ./data/exports until it expires.
create table data_exports (
    id            uuid primary key,
    user_id       uuid        not null references users (id) on delete cascade,
    requested_by  uuid        not null,
    status        text        not null check (status in ('pending', 'running', 'ready', 'failed')),
    error         text,
    size_bytes    bigint,
    created_at    timestamptz not null,
    started_at    timestamptz,
    completed_at  timestamptz,
    expires_at    timestamptz
);

create index data_exports_user_idx on data_exports (user_id, created_at desc);
create index data_exports_pending_idx on data_exports (created_at) where status in ('pending', 'running');

-- Usage of erased accounts, kept only as anonymous totals per day, model and provider.
create table usage_aggregates (
    day                date          not null,
    model              text          not null,
    provider           text          not null,
    requests           bigint        not null,
    prompt_tokens      bigint        not null,
    completion_tokens  bigint        not null,
    cost_usd           numeric(20, 10) not null,
    primary key (day, model, provider)
);
