-- Files users upload: the bytes live in the file store (a directory, ./data/files by default), the
-- row says what they are. content_type is what the bytes are (sniffed), never what the client said.
create table files (
    id            uuid primary key,
    user_id       uuid        not null references users (id) on delete cascade,
    name          text        not null check (length(name) between 1 and 255),
    content_type  text        not null,
    size_bytes    bigint      not null check (size_bytes >= 0),
    sha256        text        not null,
    storage_key   text        not null,
    created_at    timestamptz not null
);

create index files_user_idx on files (user_id, created_at desc, id desc);

-- Files a message carries (images for the model to see, documents whose text goes into the prompt).
create table message_files (
    message_id  uuid not null references messages (id) on delete cascade,
    file_id     uuid not null references files (id) on delete cascade,
    position    integer not null,
    primary key (message_id, file_id)
);

create index message_files_file_idx on message_files (file_id);
