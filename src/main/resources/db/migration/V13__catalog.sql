-- The catalogue: categories (a tree), products with full-text search, and affiliate clicks.

-- A category has at most one parent; the tree has any depth and no cycles (the application refuses
-- a move under the category itself or one of its descendants). A category with products or child
-- categories cannot be deleted (restrict): its products move first.
create table categories (
    id          uuid primary key,
    parent_id   uuid references categories (id) on delete restrict,
    name        text        not null check (length(name) between 1 and 200),
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    version     bigint      not null,
    check (parent_id is null or parent_id <> id)
);

-- Sibling names are unique, case-insensitively (roots are siblings of one another).
create unique index categories_sibling_name_key
    on categories (coalesce(parent_id, '00000000-0000-0000-0000-000000000000'::uuid), lower(name));
create index categories_parent_idx on categories (parent_id);

-- Tags joined into one text for the search vector (array_to_string is only stable, a generated
-- column needs an immutable expression; tags are plain text, so this is safe).
create function catalog_tags_text(tags text[]) returns text
    language sql immutable parallel safe
    return coalesce(array_to_string(tags, ' '), '');

-- A product of a shop. The price is an exact decimal in the currency (ISO 4217) with at most the
-- currency's minor digits (checked by the application). popularity = the number of recorded
-- affiliate clicks plus the interactions other modules report (Products.recordInteraction); it
-- orders sort=popular. A product with external_id is the one a bulk import upserts by that id.
-- Rows that reference products (swipes, recommendations) should cascade on delete: DELETE
-- /api/v1/products/{id} removes the row.
create table products (
    id              uuid primary key,
    external_id     text unique check (external_id is null or length(external_id) between 1 and 200),
    name            text           not null check (length(name) between 1 and 300),
    description     text           not null default '',
    price_amount    numeric(19, 4) not null check (price_amount >= 0),
    price_currency  char(3)        not null check (price_currency ~ '^[A-Z]{3}$'),
    category_id     uuid references categories (id) on delete restrict,
    tags            text[]         not null default '{}',
    image_url       text,
    url             text,
    featured        boolean        not null default false,
    active          boolean        not null default true,
    attributes      jsonb          not null default '{}' check (jsonb_typeof(attributes) = 'object'),
    popularity      bigint         not null default 0,
    created_at      timestamptz    not null,
    updated_at      timestamptz    not null,
    version         bigint         not null,
    search          tsvector generated always as (
        setweight(to_tsvector('english', name), 'A')
        || setweight(to_tsvector('english', catalog_tags_text(tags)), 'B')
        || setweight(to_tsvector('english', description), 'C')
    ) stored
);

create index products_search_idx on products using gin (search);
create index products_tags_idx on products using gin (tags);
create index products_attributes_idx on products using gin (attributes jsonb_path_ops);
create index products_category_idx on products (category_id);
-- Keyset orders: (key, id) for every sort.
create index products_newest_idx on products (created_at desc, id desc);
create index products_price_idx on products (price_amount, id);
create index products_popular_idx on products (popularity desc, id desc);
create index products_featured_idx on products (created_at desc, id desc) where featured and active;
create index products_active_idx on products (id) where active;

-- One followed affiliate link: which product, who (null when anonymous or the user is deleted), when,
-- and to which shop host. Clicks are a user's own: only that user (and admins' reports) see them.
create table product_clicks (
    id          uuid primary key,
    product_id  uuid        not null references products (id) on delete cascade,
    user_id     uuid references users (id) on delete set null,
    shop_host   text        not null,
    clicked_at  timestamptz not null
);

create index product_clicks_product_idx on product_clicks (product_id, clicked_at);
create index product_clicks_user_idx on product_clicks (user_id, clicked_at) where user_id is not null;
