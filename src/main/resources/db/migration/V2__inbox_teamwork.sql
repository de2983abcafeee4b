-- Teams and queues, availability, notes and mentions, triage, referrals, coding and the closing flow.

-- admin: a line's response-time objective (first answer within N minutes)
alter table admin_line add column first_response_minutes integer not null default 30
    check (first_response_minutes between 1 and 10080);

-- inbox: teams of a line (general, health, psychosocial support, and any a coordinator adds) ------
create table inbox_team (
    id          bigserial primary key,
    line_id     bigint not null references admin_line (id),
    team_key    text not null check (team_key ~ '^[a-z0-9][a-z0-9-]{1,39}$'),
    name        text not null,
    -- conversations are handed to available members automatically, up to each member's limit
    auto_assign boolean not null default false,
    created_at  timestamptz not null default now(),
    unique (line_id, team_key)
);

create table inbox_team_member (
    team_id           bigint not null references inbox_team (id) on delete cascade,
    user_id           bigint not null references admin_user (id) on delete cascade,
    max_open          integer not null default 8 check (max_open between 1 and 100),
    last_assigned_at  timestamptz,
    primary key (team_id, user_id)
);
create index inbox_team_member_user_idx on inbox_team_member (user_id);

-- whether an operator takes new conversations now
create table inbox_availability (
    user_id  bigint primary key references admin_user (id) on delete cascade,
    status   text not null check (status in ('ONLINE', 'AWAY')),
    since    timestamptz not null default now()
);

-- up to which message each staff member has read each conversation
create table inbox_read_marker (
    user_id          bigint not null references admin_user (id) on delete cascade,
    conversation_id  bigint not null references conversation_conversation (id),
    last_read_id     bigint not null,
    primary key (user_id, conversation_id)
);

create table inbox_mention (
    id               bigserial primary key,
    conversation_id  bigint not null references conversation_conversation (id),
    message_id       bigint not null references conversation_message (id),
    user_id          bigint not null references admin_user (id) on delete cascade,
    created_at       timestamptz not null default now(),
    seen_at          timestamptz
);
-- serves "my unseen mentions"
create index inbox_mention_unseen_idx on inbox_mention (user_id) where seen_at is null;

-- a referral to a specialist or service, followed until done
create table inbox_referral (
    id               bigserial primary key,
    conversation_id  bigint not null references conversation_conversation (id),
    line_id          bigint not null references admin_line (id),
    service          text not null,
    appointment_at   timestamptz,
    status           text not null default 'PENDING' check (status in ('PENDING', 'BOOKED', 'DONE', 'CANCELLED')),
    note             text,
    created_by       bigint references admin_user (id),
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now()
);
create index inbox_referral_open_idx on inbox_referral (line_id, status) where status in ('PENDING', 'BOOKED');

-- conversation: its queue, triage colour and tags ----------------------------------------------
alter table conversation_conversation
    add column team_id bigint references inbox_team (id),
    add column triage text check (triage in ('GREEN', 'YELLOW', 'RED')),
    add column tags text[] not null default '{}',
    add column escalated_at timestamptz;
drop index conversation_queue_idx;
-- serves the inbox queues: open conversations of a line (with the bot or with people), by team,
-- longest waiting first; queries say "state <> 'CLOSED'" so the planner can use it
create index conversation_queue_idx on conversation_conversation (line_id, team_id, waiting_since)
    where state <> 'CLOSED';
-- serves "my conversations"
create index conversation_assignee_idx on conversation_conversation (assignee_id) where state = 'ASSIGNED';

-- feedback: how an operator coded the interaction when closing it ------------------------------
create table feedback_coding (
    conversation_id  bigint primary key references conversation_conversation (id),
    line_id          bigint not null references admin_line (id),
    topics           text[] not null default '{}',
    info_types       text[] not null default '{}',
    feedback_type    text not null check (feedback_type in ('QUESTION', 'COMPLAINT', 'COMMENT', 'SUGGESTION',
                                          'APPRECIATION', 'RUMOUR', 'REQUEST_FOR_HELP')),
    coded_by         bigint references admin_user (id),
    coded_at         timestamptz not null default now()
);

-- bot: the closing conversation (satisfaction, then consent and demographics) ------------------
create table bot_closing_flow (
    id               bigserial primary key,
    conversation_id  bigint not null unique references conversation_conversation (id),
    contact_id       bigint not null references contact_contact (id),
    line_id          bigint not null references admin_line (id),
    step             text not null,
    wording_version  text not null,
    satisfaction     smallint check (satisfaction between 1 and 5),
    demographics_consent_id bigint references contact_consent_event (id),
    started_at       timestamptz not null default now(),
    last_asked_at    timestamptz not null default now(),
    finished_at      timestamptz,
    outcome          text check (outcome in ('COMPLETED', 'NO_ANSWER', 'STOPPED', 'SKIPPED'))
);
-- serves the pipeline: is this person in a closing flow?
create index bot_closing_flow_active_idx on bot_closing_flow (contact_id) where finished_at is null;

-- contact: demographics, kept only with consent; each answer may be "prefer not to say" ----------
create table contact_demographics (
    contact_id       bigint primary key references contact_contact (id) on delete cascade,
    gender           text,
    age_range        text,
    location         text,
    migrant_status   text,
    consent_event_id bigint references contact_consent_event (id),
    updated_at       timestamptz not null default now()
);

-- default teams for the lines that exist
insert into inbox_team (line_id, team_key, name)
select l.id, t.team_key, t.name
from admin_line l
cross join (values ('general', 'General'), ('health', 'Salud / Health'), ('pss', 'Apoyo psicosocial / PSS')) as t (team_key, name);
