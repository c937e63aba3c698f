-- How long a user keeps chats that are not archived (days of no activity); none: the server's setting.
create table chat_retention_settings (
    user_id  uuid    primary key references users (id) on delete cascade,
    days     integer not null check (days between 1 and 36500)
);
