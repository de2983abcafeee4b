-- bot: every automatic decision, with its score and the entry chosen ---------------------------------
create table bot_decision (
    id                  bigserial primary key,
    line_id             bigint not null references admin_line (id),
    conversation_id     bigint,
    inbound_message_id  bigint,
    kind                text not null check (kind in ('ANSWER', 'MENU', 'GREETING', 'HANDOFF', 'SENSITIVE')),
    reason              text not null,
    language            text,
    entry_key           text,
    score               double precision not null,
    candidates          jsonb not null default '[]',
    menu                text[] not null default '{}',
    -- kept only for questions the bot could not answer, so coordinators can write entries for them;
    -- erased with the line's message retention
    question            text,
    decided_at          timestamptz not null default now(),
    marked_wrong_at     timestamptz,
    marked_wrong_by     bigint references admin_user (id)
);
-- serves the menu follow-up and "mark wrong": a conversation's latest decisions
create index bot_decision_conversation_idx on bot_decision (conversation_id, id) where conversation_id is not null;
-- serves the list of unanswered questions of a line
create index bot_decision_unanswered_idx on bot_decision (line_id, decided_at) where question is not null;
