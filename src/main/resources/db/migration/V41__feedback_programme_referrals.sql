-- Complaints and requests referred to a programme (e.g. cash transfers), followed until the person
-- is told the programme's answer: REFERRED -> RESPONDED -> INFORMED -> CLOSED.
create table feedback_programme_referral (
    id               bigserial primary key,
    conversation_id  bigint not null references conversation_conversation (id),
    line_id          bigint not null references admin_line (id),
    programme        text not null,
    -- the record's feedback type when referred; it sets the due date
    category         text not null check (category in ('COMPLAINT', 'REQUEST_FOR_HELP')),
    due_on           date not null,
    status           text not null default 'REFERRED' check (status in ('REFERRED', 'RESPONDED', 'INFORMED', 'CLOSED')),
    note             text,
    referred_by      bigint not null references admin_user (id),
    referred_at      timestamptz not null default now(),
    response         text,
    responded_by     bigint references admin_user (id),
    responded_at     timestamptz,
    informed_by      bigint references admin_user (id),
    informed_at      timestamptz,
    closed_by        bigint references admin_user (id),
    closed_at        timestamptz
);
-- serves the record page: a record's referrals
create index feedback_programme_referral_conversation_idx on feedback_programme_referral (conversation_id, id);
