-- Chats and their messages, with full-text search over titles and message text.

create table chats (
    id              uuid primary key,
    user_id         uuid        not null references users (id) on delete cascade,
    title           text,
    model           text,
    system_prompt   text,
    archived        boolean     not null default false,
    bookmarked      boolean     not null default false,
    -- Kept by SQL (message_count = message_count + 1) in the transaction that adds or removes a message.
    message_count   integer     not null default 0 check (message_count >= 0),
    last_message_at timestamptz,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    version         bigint      not null,
    -- What lists order by: the last message's time, or the creation time of a chat without messages.
    activity_at     timestamptz not null generated always as (coalesce(last_message_at, created_at)) stored,
    title_search    tsvector    not null generated always as (to_tsvector('english', coalesce(title, ''))) stored
);

-- Keyset pagination of a user's chats, newest activity first (the archived filter is always applied).
create index chats_user_activity_idx on chats (user_id, archived, activity_at desc, id desc);
create index chats_title_search_idx on chats using gin (title_search);

create table messages (
    id                uuid primary key,
    chat_id           uuid        not null references chats (id) on delete cascade,
    role              text        not null check (role in ('USER', 'SYSTEM', 'ASSISTANT', 'TOOL')),
    content           text        not null,
    status            text        not null check (status in ('COMPLETED', 'STREAMING', 'FAILED', 'INTERRUPTED')),
    model             text,
    prompt_tokens     integer,
    completion_tokens integer,
    total_tokens      integer,
    created_at        timestamptz not null,
    updated_at        timestamptz not null,
    version           bigint      not null,
    content_search    tsvector    not null generated always as (to_tsvector('english', content)) stored
);

-- Ids are UUIDv7, so (chat_id, id) is a chat's history in the order it was written.
create index messages_chat_idx on messages (chat_id, id);
create index messages_content_search_idx on messages using gin (content_search);
