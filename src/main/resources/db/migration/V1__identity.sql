-- Accounts, refresh-token families and their tokens.

create table users (
    id             uuid primary key,
    email          text        not null,
    username       text,
    name           text,
    password_hash  text        not null,
    role           text        not null check (role in ('USER', 'ADMIN')),
    preferences    jsonb       not null default '{}',
    created_at     timestamptz not null,
    updated_at     timestamptz not null,
    version        bigint      not null
);

create unique index users_email_key on users (lower(email));
create unique index users_username_key on users (lower(username)) where username is not null;

-- A family is one login session: every refresh token rotated from the same login belongs to it.
-- Access tokens carry the family id (sid) and stop working when the family is revoked.
create table refresh_token_families (
    id             uuid primary key,
    user_id        uuid        not null references users (id) on delete cascade,
    created_at     timestamptz not null,
    revoked_at     timestamptz,
    revoked_reason text
);

create index refresh_token_families_user_idx on refresh_token_families (user_id) where revoked_at is null;

-- Refresh tokens are stored only as SHA-256 hashes of the random value the client holds.
create table refresh_tokens (
    token_hash     bytea primary key,
    family_id      uuid        not null references refresh_token_families (id) on delete cascade,
    created_at     timestamptz not null,
    expires_at     timestamptz not null,
    used_at        timestamptz
);

create index refresh_tokens_family_idx on refresh_tokens (family_id);
