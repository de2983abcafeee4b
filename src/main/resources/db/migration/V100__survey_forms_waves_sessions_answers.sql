-- surveys: forms imported from XLSForms, their waves, one session per person and wave, the answers,
-- and the conversations survey traffic went through.

-- a form as imported: the parsed definition (JSON) runs it, the original file is exported back
create table survey_survey (
    id                bigserial primary key,
    line_id           bigint not null references admin_line (id),
    form_id           text not null,
    version           text not null,
    title             text not null,
    default_language  text not null,
    definition        jsonb not null,
    xlsform           bytea not null,
    created_by        bigint references admin_user (id),
    created_at        timestamptz not null default now()
);
-- serves the survey list of a line, newest first
create index survey_survey_line_idx on survey_survey (line_id, created_at desc);

-- one sending of the survey: the first invitation, then the same cohort again months later
create table survey_wave (
    id          bigserial primary key,
    survey_id   bigint not null references survey_survey (id),
    number      integer not null check (number > 0),
    started_at  timestamptz not null default now(),
    unique (survey_id, number)
);

-- a person taking a survey in a wave.
-- ACTIVE (asked, answering) -> COMPLETE | STOPPED (stop keyword, opt-out, safeguarding) | TIMED_OUT
create table survey_session (
    id                bigserial primary key,
    survey_id         bigint not null references survey_survey (id),
    wave_id           bigint not null references survey_wave (id),
    line_id           bigint not null references admin_line (id),
    contact_id        bigint not null references contact_contact (id),
    respondent_code   text not null,
    status            text not null check (status in ('ACTIVE', 'COMPLETE', 'STOPPED', 'TIMED_OUT')),
    language          text not null,
    current_question  text,
    -- waiting for the team after a question handed over mid-survey: the reminder resumes it
    paused            boolean not null default false,
    invited_at        timestamptz not null,
    answered_at       timestamptz,
    finished_at       timestamptz,
    last_asked_at     timestamptz not null,
    reminders_sent    integer not null default 0,
    messages_sent     integer not null default 0,
    unique (wave_id, contact_id)
);
-- one survey at a time per person, and the pipeline's lookup of a person's running survey
create unique index survey_session_one_active_idx on survey_session (contact_id) where status = 'ACTIVE';
-- serves the reminder and timeout job: running sessions by when they were last asked
create index survey_session_active_asked_idx on survey_session (last_asked_at) where status = 'ACTIVE';
-- serves results and rates: a survey's sessions by wave
create index survey_session_survey_idx on survey_session (survey_id, wave_id);

-- an answer by question name, as the results export names columns (select_multiple: names space-separated)
create table survey_answer (
    session_id   bigint not null references survey_session (id),
    question     text not null,
    value        text,
    answered_at  timestamptz not null,
    primary key (session_id, question)
);
-- serves retention: answers of a line older than the cutoff
create index survey_answer_answered_idx on survey_answer (answered_at);

-- the conversations survey messages went through, so the feedback log types them as surveys
create table survey_conversation (
    conversation_id  bigint primary key references conversation_conversation (id),
    session_id       bigint not null references survey_session (id)
);
