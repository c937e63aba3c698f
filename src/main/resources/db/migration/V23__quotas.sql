-- Quotas admins set per user, per API key and per role (a role's quota applies to each of its users).
-- A null limit is no limit. USD limits are kept in micro-dollars, as the counters count them.
create table quotas (
    subject_type        text        not null check (subject_type in ('user', 'api_key', 'role')),
    subject_id          text        not null,
    tokens_per_day      bigint      check (tokens_per_day >= 0),
    tokens_per_month    bigint      check (tokens_per_month >= 0),
    usd_micros_per_day  bigint      check (usd_micros_per_day >= 0),
    usd_micros_per_month bigint     check (usd_micros_per_month >= 0),
    requests_per_minute integer     check (requests_per_minute >= 0),
    updated_at          timestamptz not null,
    primary key (subject_type, subject_id)
);
