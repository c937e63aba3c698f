-- MCP servers users register; their tools appear as mcp:<name>:<tool>. The headers sent to a server
-- (an Authorization header, say) are stored only sealed with AES-256-GCM under the server's
-- key-encryption key, bound to the owner and the row; header_names keeps their names (comma
-- separated, never the values) to show. The last_* columns tell what the last connection attempt found.
create table mcp_servers (
    id                  uuid primary key,
    user_id             uuid        not null references users (id) on delete cascade,
    name                text        not null check (name ~ '^[a-z0-9_-]{1,32}$'),
    url                 text        not null,
    transport           text        not null check (transport in ('streamable-http', 'sse')),
    header_names        text        not null default '',
    headers_ciphertext  bytea,
    headers_nonce       bytea check (length(headers_nonce) = 12),
    headers_key_id      integer,
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    last_status         text        not null default 'unknown',
    last_error          text,
    last_checked_at     timestamptz,
    tool_count          integer,
    version             bigint      not null,
    -- Tool names carry the server's name, so it is unique among the user's servers.
    constraint mcp_servers_user_name_key unique (user_id, name)
);
