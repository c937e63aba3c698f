-- Where a user is reached with feedback requests (issue 11). One row per user who changed anything;
-- without a row (or with a null email) requests go to the account's email and not to Slack.
create table user_channels (
    user_id       uuid        primary key references users (id) on delete cascade,
    -- An address other than the account's; null: the account's email.
    email         text,
    -- The Slack member id (U…/W…) direct messages go to; null: not on Slack.
    slack_user_id text,
    updated_at    timestamptz not null
);
