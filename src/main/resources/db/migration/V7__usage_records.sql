-- One row per generation: who, which model and key, tokens, cost, speed and outcome.
create table usage_records (
    id                 uuid primary key,
    user_id            uuid          not null references users (id) on delete cascade,
    chat_id            uuid,
    model              text          not null,
    provider           text          not null,
    key_source         text          not null check (key_source in ('server', 'own')),
    prompt_tokens      integer       not null,
    completion_tokens  integer       not null,
    cost_usd           numeric(20, 10),
    latency_ms         bigint        not null,
    time_to_first_token_ms bigint,
    status             text          not null check (status in ('completed', 'failed', 'cancelled')),
    created_at         timestamptz   not null
);

create index usage_records_user_time_idx on usage_records (user_id, created_at);
create index usage_records_time_idx on usage_records (created_at);
