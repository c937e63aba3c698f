-- WebSocket sessions (/ws), visible to every node: a user may hold a few at once on all nodes together,
-- lists them and closes any of them from any node. Each node refreshes the heartbeat of its own
-- sessions every 15 seconds; a row whose heartbeat is older than a minute belongs to a node that
-- stopped and no longer counts (it is swept). A row deleted by another node closes its socket at the
-- owner's next heartbeat at the latest.
create table live_sessions (
    id                 uuid primary key,
    user_id            uuid        not null references users (id) on delete cascade,
    node_id            text        not null,
    authenticated_with text        not null check (authenticated_with in ('ticket', 'access_token', 'api_key')),
    user_agent         text,
    opened_at          timestamptz not null,
    heartbeat_at       timestamptz not null
);

create index live_sessions_user on live_sessions (user_id);
create index live_sessions_node on live_sessions (node_id);

-- Single-use tickets that open a WebSocket from a browser (which cannot set an Authorization header on
-- one): only their SHA-256 is kept; using one deletes it.
create table realtime_tickets (
    token_sha256 text primary key,
    user_id      uuid        not null references users (id) on delete cascade,
    expires_at   timestamptz not null
);

create index realtime_tickets_expiry on realtime_tickets (expires_at);
