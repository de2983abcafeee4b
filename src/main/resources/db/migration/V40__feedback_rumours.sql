-- Rumours: reports flagged by staff on messages or interactions, grouped by text similarity, each
-- group with its status, its counter-message and the people sent it (closing the loop).

-- a group of alike rumours of an organisation; its reports may come from any of its lines
create table feedback_rumour (
    id                 bigserial primary key,
    organisation_id    bigint not null references admin_organisation (id),
    title              text not null,
    status             text not null default 'NEW' check (status in ('NEW', 'VERIFYING', 'ANSWERED', 'CLOSED')),
    -- the knowledge-bank entry answering it, by its stable key on each line (e.g. RUM-03)
    counter_entry_key  text,
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now()
);
-- serves the rumours page: an organisation's groups
create index feedback_rumour_organisation_idx on feedback_rumour (organisation_id, status);

-- one flag: a person's message, or a whole interaction (message_id null)
create table feedback_rumour_report (
    id               bigserial primary key,
    rumour_id        bigint not null references feedback_rumour (id),
    line_id          bigint not null references admin_line (id),
    conversation_id  bigint not null references conversation_conversation (id),
    -- no foreign key: retention may erase messages while the report stays
    message_id       bigint,
    contact_id       bigint not null,
    language         text not null,
    -- what was said, kept for grouping and for coordinators; never in the log or exports
    text             text not null,
    -- the place the person consented to give, if any
    location         text,
    flagged_by       bigint not null references admin_user (id),
    flagged_at       timestamptz not null default now()
);
-- a message or an interaction is flagged once
create unique index feedback_rumour_report_once_idx on feedback_rumour_report (conversation_id, coalesce(message_id, 0));
-- serves counts over time per group and the dashboard's counts per line and dates
create index feedback_rumour_report_rumour_idx on feedback_rumour_report (rumour_id, flagged_at);
create index feedback_rumour_report_line_idx on feedback_rumour_report (line_id, flagged_at);

-- every status a group was given, with who and when
create table feedback_rumour_status_change (
    id          bigserial primary key,
    rumour_id   bigint not null references feedback_rumour (id),
    status      text not null,
    changed_by  bigint references admin_user (id),
    changed_at  timestamptz not null default now()
);
create index feedback_rumour_status_change_rumour_idx on feedback_rumour_status_change (rumour_id, id);

-- the counter-message going back to each person who raised the rumour, or why it did not
create table feedback_rumour_delivery (
    id               bigserial primary key,
    rumour_id        bigint not null references feedback_rumour (id),
    contact_id       bigint not null,
    line_id          bigint not null references admin_line (id),
    -- the conversation message sent, null when skipped
    message_id       bigint,
    outcome          text not null check (outcome in ('TEXT', 'TEMPLATE', 'OPTED_OUT', 'NO_TEMPLATE', 'NO_ANSWER')),
    entry_key        text not null,
    language         text,
    sent_by          bigint not null references admin_user (id),
    sent_at          timestamptz not null default now()
);
-- a person gets a group's counter-message once
create unique index feedback_rumour_delivery_once_idx on feedback_rumour_delivery (rumour_id, contact_id)
    where outcome in ('TEXT', 'TEMPLATE');
create index feedback_rumour_delivery_rumour_idx on feedback_rumour_delivery (rumour_id, id);
