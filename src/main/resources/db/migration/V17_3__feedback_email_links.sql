-- The links of feedback mails (issue 11): one row per link, so that a link works once. The link's
-- token is signed and carries this row's nonce; the row says what the link answers and whether it
-- was used.
create table feedback_email_links (
    nonce        uuid        primary key,
    request_id   uuid        not null,
    recipient_id uuid        not null references users (id) on delete cascade,
    -- The address the mail went to: the link stops working once it is no longer the recipient's.
    address      text        not null,
    -- The question, for the confirmation page.
    question     text        not null,
    -- The option this link answers with; null for the link to the free-text form.
    answer       text,
    expires_at   timestamptz not null,
    used_at      timestamptz,
    created_at   timestamptz not null
);

create index feedback_email_links_request on feedback_email_links (request_id);
create index feedback_email_links_expiry on feedback_email_links (expires_at);
