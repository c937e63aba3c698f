-- Users' data connections (today: a Google Analytics 4 property read with the user's own service
-- account). The service account key JSON is stored only sealed with AES-256-GCM under the server's
-- key-encryption key, exactly as provider keys are (see V6): key_version names that key, key_nonce
-- is the value's random 12-byte nonce, key_ciphertext the encrypted JSON and its 16-byte tag. The
-- owner's id and the purpose are the associated data, so a value copied to another row does not open.
create table data_connections (
    id              uuid primary key,
    user_id         uuid        not null references users (id) on delete cascade,
    kind            text        not null check (kind in ('google_analytics')),
    name            text        not null,
    property_id     text        not null,
    -- The service account's e-mail, the one part of the key that is shown.
    client_email    text        not null,
    key_ciphertext  bytea       not null,
    key_nonce       bytea       not null check (length(key_nonce) = 12),
    key_version     integer     not null,
    created_at      timestamptz not null,
    -- A connection is named in tool calls, so a name means one connection of its owner.
    constraint data_connections_user_name_key unique (user_id, name)
);

create index data_connections_user_id_idx on data_connections (user_id, id);
