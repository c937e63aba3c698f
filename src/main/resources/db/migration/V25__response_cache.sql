-- Answers kept for identical requests that asked to be cached (temperature 0 or a seed, no tools).
-- key: SHA-256 (hex) of the canonical JSON of the scope, the model, the whole prompt and every parameter.
-- scope: user:<id>, or agent:<id> for an agent an admin marked as shared (every user of it shares).
-- user_id: whose request stored it; erasing that user deletes it (the foreign key cascades).
create table response_cache (
    key         text        primary key,
    scope       text        not null,
    user_id     uuid        not null references users (id) on delete cascade,
    model       text        not null,
    -- 'generation' (JSON of the result), 'openai-json' or 'openai-sse' (the upstream's bytes as text)
    kind        text        not null check (kind in ('generation', 'openai-json', 'openai-sse')),
    response    text        not null,
    prompt_tokens     integer not null,
    completion_tokens integer not null,
    created_at  timestamptz not null,
    expires_at  timestamptz not null
);

create index response_cache_expires_idx on response_cache (expires_at);
create index response_cache_user_idx on response_cache (user_id);

-- A generation answered from the cache: no provider call, no cost.
alter table usage_records add column cache_hit boolean not null default false;

-- An agent's answers may be cached ({enabled, ttl_seconds, shared}); shared (admins only) means one
-- cache for every user of the agent, who may then run it.
alter table agents add column cache_enabled boolean not null default false;
alter table agents add column cache_ttl_seconds integer;
alter table agents add column cache_shared boolean not null default false;
