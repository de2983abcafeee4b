-- safeguarding: a line's on-call rota (who is alerted, in order, on which days and hours in the
-- line's time zone) and every alert sent (in the app or by email, never with content) -------------
create table safeguarding_rota (
    id        bigserial primary key,
    line_id   bigint not null references admin_line (id),
    position  integer not null check (position between 1 and 50),
    user_id   bigint not null references admin_user (id),
    -- where alert emails go; the email says only the case code, the line and a link
    email     text not null check (email ~ '^[^@\s]+@[^@\s]+$' and length(email) <= 254),
    -- e.g. MON-FRI 08:00-18:00; SAT 09:00-13:00 (as a line's opening hours); empty is always on call
    on_call   text not null default '',
    unique (line_id, position)
);

create table safeguarding_alert (
    id        bigserial primary key,
    case_id   bigint not null references safeguarding_case (id),
    user_id   bigint not null references admin_user (id),
    -- ALERT when the case opens, REALERT when it waits unacknowledged, ESCALATION to the next on call
    kind      text not null check (kind in ('ALERT', 'REALERT', 'ESCALATION')),
    channel   text not null check (channel in ('IN_APP', 'EMAIL')),
    sent_at   timestamptz not null default now(),
    seen_at   timestamptz
);
create index safeguarding_alert_user_idx on safeguarding_alert (user_id, seen_at);
