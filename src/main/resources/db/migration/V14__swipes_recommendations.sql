-- Swipe sessions, swipes, recommendations and what people did with them, and the item-item
-- similarities the recommender learns from all of it.

-- A swipe session of a user, with the context it was started for (all optional).
create table swipe_sessions (
    id               uuid primary key,
    user_id          uuid        not null references users (id) on delete cascade,
    occasion         text check (length(occasion) <= 200),
    recipient        text check (length(recipient) <= 200),
    budget_amount    numeric(19, 4) check (budget_amount >= 0),
    budget_currency  char(3) check (budget_currency ~ '^[A-Z]{3}$'),
    created_at       timestamptz not null
);

create index swipe_sessions_user_idx on swipe_sessions (user_id, created_at desc, id desc);

-- The cards a session has dealt, in order: a product is dealt at most once per session. arm is the
-- category arm (or 'uncategorised') whose sample chose it.
create table swipe_cards (
    session_id  uuid        not null references swipe_sessions (id) on delete cascade,
    product_id  uuid        not null references products (id) on delete cascade,
    position    integer     not null,
    arm         text        not null,
    dealt_at    timestamptz not null,
    primary key (session_id, product_id)
);

create index swipe_cards_order_idx on swipe_cards (session_id, position);

-- One swipe per session and product: the same swipe again changes nothing, another direction
-- replaces it (updated_at moves). user_id repeats the session's owner for the per-user reads.
create table swipes (
    session_id  uuid        not null references swipe_sessions (id) on delete cascade,
    product_id  uuid        not null references products (id) on delete cascade,
    user_id     uuid        not null references users (id) on delete cascade,
    direction   text        not null check (direction in ('like', 'dislike', 'superlike', 'skip')),
    dwell_ms    integer check (dwell_ms >= 0),
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    primary key (session_id, product_id)
);

-- A user's signals for one recommendation (an index-only scan), and everyone's for the refresh.
create index swipes_user_idx on swipes (user_id) include (product_id, direction, updated_at);
create index swipes_product_idx on swipes (product_id);

-- A set of recommendations served to a user: by the feed (GET) or generated on request (POST).
-- model is the model that re-ranked it, or null when Parley's own ranking stands.
create table recommendation_sets (
    id               uuid primary key,
    user_id          uuid        not null references users (id) on delete cascade,
    source           text        not null check (source in ('feed', 'generate')),
    context          text check (length(context) <= 500),
    recipient        text check (length(recipient) <= 200),
    budget_amount    numeric(19, 4) check (budget_amount >= 0),
    budget_currency  char(3) check (budget_currency ~ '^[A-Z]{3}$'),
    model            text,
    created_at       timestamptz not null
);

create index recommendation_sets_user_idx on recommendation_sets (user_id, created_at desc, id desc);

create table recommendations (
    id           uuid primary key,
    set_id       uuid             not null references recommendation_sets (id) on delete cascade,
    user_id      uuid             not null references users (id) on delete cascade,
    product_id   uuid             not null references products (id) on delete cascade,
    position     integer          not null,
    score        double precision not null,
    reason_kind  text             not null,
    reason       text             not null,
    unique (set_id, product_id)
);

create index recommendations_set_idx on recommendations (set_id, position);

create table recommendation_interactions (
    id                 uuid primary key,
    recommendation_id  uuid        not null references recommendations (id) on delete cascade,
    user_id            uuid        not null references users (id) on delete cascade,
    product_id         uuid        not null references products (id) on delete cascade,
    action             text        not null check (action in ('view', 'click', 'save', 'purchase', 'dismiss')),
    created_at         timestamptz not null
);

create index recommendation_interactions_user_idx on recommendation_interactions (user_id)
    include (product_id, action, created_at);

-- Item-item similarity: for each product, its nearest neighbours (cosine over everyone's net
-- signals, shrunk for few co-raters), rewritten whole by the scheduled refresh of one node.
create table item_similarity (
    product_id   uuid not null references products (id) on delete cascade,
    neighbour_id uuid not null references products (id) on delete cascade,
    score        real not null,
    primary key (product_id, neighbour_id)
);

-- What the last refresh did (one row): when, from how many signals, how many pairs, how long.
create table item_similarity_refresh (
    id            integer primary key check (id = 1),
    refreshed_at  timestamptz not null,
    signals       bigint      not null,
    pairs         bigint      not null,
    millis        bigint      not null
);
