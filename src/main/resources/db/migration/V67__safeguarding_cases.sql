-- safeguarding: a report becomes a restricted case in the organisation's safeguarding queue; only
-- SAFEGUARDING members of the organisation see its content, others see that a case exists -----------
create table safeguarding_case (
    id                  bigserial primary key,
    organisation_id     bigint not null references admin_organisation (id),
    line_id             bigint not null references admin_line (id),
    -- null once the conversation is erased (retention, a person's erasure): the case stays, without content
    conversation_id     bigint references conversation_conversation (id) on delete set null,
    -- shown to staff instead of any content, e.g. 26PE0042 (year, country, number)
    code                text not null unique,
    category            text not null check (category in ('SEA', 'FRAUD', 'GBV', 'CHILD', 'TRAFFICKING', 'SELF_HARM', 'CONDUCT')),
    urgent              boolean not null,
    -- the concepts and rules that fired (never message text), for the focal point and for review
    signals             text[] not null default '{}',
    -- DETECTED by the signals, or FLAGGED by an operator
    source              text not null check (source in ('DETECTED', 'FLAGGED')),
    trigger_message_id  bigint references conversation_message (id) on delete set null,
    flagged_by          bigint references admin_user (id),
    status              text not null default 'OPEN' check (status in ('OPEN', 'ACKNOWLEDGED', 'CLOSED', 'NOT_SENSITIVE')),
    opened_at           timestamptz not null default now(),
    acknowledged_at     timestamptz,
    acknowledged_by     bigint references admin_user (id),
    closed_at           timestamptz,
    closed_by           bigint references admin_user (id),
    -- how far down the line's on-call rota alerts have gone, and when the last one went out
    alert_level         integer not null default 0,
    last_alerted_at     timestamptz,
    -- for NOT_SENSITIVE: kept, with the signals, to review what fired wrongly
    outcome             text check (length(outcome) <= 500)
);
-- one open case per conversation
create unique index safeguarding_case_open_idx on safeguarding_case (conversation_id) where status in ('OPEN', 'ACKNOWLEDGED');
-- the safeguarding queue of an organisation: urgent first, then oldest
create index safeguarding_case_queue_idx on safeguarding_case (organisation_id, status, urgent, opened_at);

-- the last number given to a case per year and country
create table safeguarding_case_sequence (
    prefix  text primary key,
    last    integer not null
);
