-- The feedback log, its codebook and correction history, and the weekly report's decisions.

-- feedback: one anonymous record per interaction, kept up to date from conversation events --------
-- It holds no message text, phone number or name, so it outlives message retention.
create table feedback_log (
    conversation_id    bigint primary key references conversation_conversation (id),
    line_id            bigint not null references admin_line (id),
    organisation_id    bigint not null references admin_organisation (id),
    -- contact code + sequence of the person's interactions, e.g. 26PE0001-03
    record_code        text not null,
    -- for "users reached" and "new vs returning"; never shown or exported
    contact_id         bigint not null,
    returning_contact  boolean not null,
    channel            text not null check (channel in ('WHATSAPP', 'SMS', 'WEB')),
    language           text not null,
    opened_at          timestamptz not null,
    -- the day and week it opened in the line's time zone, so weeks never straddle a zone boundary
    opened_day         date not null,
    opened_week        date not null,
    first_response_at  timestamptz,
    closed_at          timestamptz,
    answered_by        text not null check (answered_by in ('BOT', 'PERSON', 'NONE')),
    operator_ids       bigint[] not null default '{}',
    messages_in        integer not null default 0,
    messages_bot       integer not null default 0,
    messages_operator  integer not null default 0,
    -- answered later than the line's first-response objective
    late               boolean not null default false,
    topics             text[] not null default '{}',
    info_types         text[] not null default '{}',
    feedback_type      text,
    coded_by           bigint references admin_user (id),
    coded_at           timestamptz,
    satisfaction       smallint check (satisfaction between 1 and 5),
    -- only what the person consented to give; cleared when consent is withdrawn
    gender             text,
    age_range          text,
    location           text,
    migrant_status     text,
    refreshed_at       timestamptz not null default now()
);
-- serves the dashboard, the weekly report and the export: a line's records by local day
create index feedback_log_line_day_idx on feedback_log (line_id, opened_day);

-- every coding an interaction was given, first by the operator closing it, then by coders' corrections
create table feedback_coding_history (
    id               bigserial primary key,
    conversation_id  bigint not null references conversation_conversation (id),
    topics           text[] not null,
    info_types       text[] not null,
    feedback_type    text not null,
    coded_by         bigint references admin_user (id),
    coded_at         timestamptz not null default now(),
    reason           text
);
create index feedback_coding_history_conversation_idx on feedback_coding_history (conversation_id, id);
insert into feedback_coding_history (conversation_id, topics, info_types, feedback_type, coded_by, coded_at)
select conversation_id, topics, info_types, feedback_type, coded_by, coded_at from feedback_coding;

-- an organisation's codebook: category / code under the IFRC framework's feedback types ------------
create table feedback_codebook_entry (
    id               bigserial primary key,
    organisation_id  bigint not null references admin_organisation (id),
    category         text not null,
    code             text not null check (code ~ '^[a-z0-9_]{2,40}$'),
    label_es         text not null,
    label_en         text not null,
    active           boolean not null default true,
    unique (organisation_id, code)
);

-- report: the weekly report's "decisions taken", kept for the next report ------------------------
create table report_weekly_decision (
    organisation_id  bigint not null references admin_organisation (id),
    week_start       date not null,
    decisions        text not null,
    updated_by       bigint references admin_user (id),
    updated_at       timestamptz not null default now(),
    primary key (organisation_id, week_start)
);
