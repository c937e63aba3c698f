-- API keys: long-lived bearer secrets for scripts and OpenAI-compatible clients. Only the SHA-256
-- of a key is stored; its first characters (prefix) are kept so its owner can tell keys apart.

create table api_keys (
    id            uuid primary key,
    user_id       uuid        not null references users (id) on delete cascade,
    name          text        not null check (char_length(name) between 1 and 100),
    prefix        text        not null,
    key_hash      bytea       not null unique,
    created_at    timestamptz not null,
    expires_at    timestamptz,
    last_used_at  timestamptz,
    revoked_at    timestamptz
);

-- The owner's list: active keys, newest first.
create index api_keys_user_idx on api_keys (user_id, created_at desc, id desc) where revoked_at is null;
