-- knowledge: phrasings an entry learns from the line's own work (a message an operator answered with
-- the entry as a quick reply, a wrong answer corrected to the right entry, an unanswered question a
-- coordinator assigned) and phrasings imported with their entry. Only APPROVED ones join the bot's
-- index. Phrasings taken from a conversation are a person's words: they follow the bot_questions
-- retention and erasure (the row is deleted), found by conversation_id.
create table knowledge_phrasing (
    id               bigserial primary key,
    line_id          bigint not null references admin_line (id),
    entry_key        text not null,
    text             text not null check (length(text) between 1 and 1000),
    source           text not null check (source in ('QUICK_REPLY', 'CORRECTED', 'ASSIGNED', 'IMPORTED')),
    status           text not null check (status in ('PROPOSED', 'APPROVED', 'REJECTED')),
    conversation_id  bigint,
    message_id       bigint,
    proposed_by      bigint references admin_user (id),
    proposed_at      timestamptz not null default now(),
    reviewed_by      bigint references admin_user (id),
    reviewed_at      timestamptz,
    check ((source = 'IMPORTED') = (conversation_id is null))
);
create index knowledge_phrasing_line_idx on knowledge_phrasing (line_id, status, proposed_at desc);
create index knowledge_phrasing_conversation_idx on knowledge_phrasing (conversation_id) where conversation_id is not null;
-- one proposal per message and entry: proposing it again (a second quick reply) changes nothing
create unique index knowledge_phrasing_message_idx on knowledge_phrasing (message_id, entry_key) where message_id is not null;
