-- Users' own provider keys. A key is stored only sealed with AES-256-GCM under the server's
-- key-encryption key: key_version names that key (an id derived from it), key_nonce is the
-- value's random 12-byte nonce, key_ciphertext the encrypted key and its 16-byte tag. The owner's
-- id and the provider are the associated data, so a value copied to another row does not decrypt.
create table integrations (
    id              uuid primary key,
    user_id         uuid        not null references users (id) on delete cascade,
    provider        text        not null,
    label           text,
    base_url        text,
    key_ciphertext  bytea       not null,
    key_nonce       bytea       not null check (length(key_nonce) = 12),
    key_version     integer     not null,
    -- The key's last four characters, to recognise it; null for keys too short to show any.
    key_last4       text,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    last_tested_at  timestamptz,
    last_test_ok    boolean,
    version         bigint      not null,
    -- One key per provider per user: that key is the one used for the user's calls to the provider.
    constraint integrations_user_provider_key unique (user_id, provider)
);
