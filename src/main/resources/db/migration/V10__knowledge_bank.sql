-- knowledge: each line's bank of questions and answers and key messages, with every version --------

-- Topics of a line's bank, by slug (the slug is what files and entries name).
create table knowledge_topic (
    id          bigserial primary key,
    line_id     bigint not null references admin_line (id),
    slug        text not null check (slug ~ '^[a-z0-9][a-z0-9_-]{0,39}$'),
    name        text not null,
    created_at  timestamptz not null default now(),
    unique (line_id, slug)
);

-- An entry's current state. content holds what a coordinator writes (questions, answers per
-- language, attachments, tags, source, review date) as JSON; its stable key is entry_key.
-- status: DRAFT -> VALIDATED -> RETIRED; only VALIDATED entries are sent.
create table knowledge_entry (
    id          bigserial primary key,
    line_id     bigint not null references admin_line (id),
    entry_key   text not null check (entry_key ~ '^[A-Z0-9][A-Z0-9_-]{0,31}$'),
    topic       text not null,
    kind        text not null check (kind in ('FAQ', 'KEY_MESSAGE')),
    status      text not null check (status in ('DRAFT', 'VALIDATED', 'RETIRED')),
    content     jsonb not null,
    version     integer not null,
    updated_at  timestamptz not null default now(),
    updated_by  text not null,
    unique (line_id, entry_key)
);
-- serves the bot's load of a line's validated entries
create index knowledge_entry_validated_idx on knowledge_entry (line_id) where status = 'VALIDATED';

-- Every version of every entry, never changed once written: view and restore.
create table knowledge_entry_version (
    id          bigserial primary key,
    entry_id    bigint not null references knowledge_entry (id),
    version     integer not null,
    status      text not null,
    content     jsonb not null,
    change      text not null check (change in ('CREATED', 'EDITED', 'STATUS', 'RESTORED', 'IMPORTED')),
    changed_at  timestamptz not null default now(),
    changed_by  text not null,
    unique (entry_id, version)
);

-- A line's bank as a whole: revision goes up with every change, so every node's bot sees when its
-- in-memory index is stale; the row's existence says the bank was set up (the demo is seeded once).
create table knowledge_bank (
    line_id     bigint primary key references admin_line (id),
    revision    bigint not null default 0,
    changed_at  timestamptz not null default now()
);
