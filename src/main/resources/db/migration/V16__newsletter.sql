-- The newsletter (catalog): subscriptions with double opt-in, their single-use tokens, and the
-- consent ledger (append-only, erased per subject on request).
create table newsletter_subscriptions (
    id              uuid primary key,
    email           text        not null unique,
    lists           text[]      not null default '{}',
    status          text        not null check (status in ('pending', 'confirmed', 'unsubscribed')),
    consent_text_version text,
    created_at      timestamptz not null,
    confirmed_at    timestamptz,
    unsubscribed_at timestamptz
);

create table newsletter_tokens (
    id              uuid primary key,
    subscription_id uuid        not null references newsletter_subscriptions (id) on delete cascade,
    purpose         text        not null check (purpose in ('confirm', 'unsubscribe')),
    lists           text[]      not null default '{}',
    consent_text_version text,
    expires_at      timestamptz not null,
    used_at         timestamptz
);

create index newsletter_tokens_subscription on newsletter_tokens (subscription_id);

create table newsletter_consents (
    id                   uuid primary key,
    email                text        not null,
    action               text        not null check (action in ('subscribe_requested', 'confirmed', 'unsubscribed')),
    lists                text[]      not null default '{}',
    consent_text_version text,
    client_address       text,
    user_agent           text,
    occurred_at          timestamptz not null
);

create index newsletter_consents_email on newsletter_consents (email, occurred_at);
