-- report: what became of each decision of a week, recorded the week after ("these decisions must also
-- be recorded for further evaluation"). A decision is a line of that week's report_weekly_decision.
create table report_decision_follow_up (
    organisation_id  bigint not null references admin_organisation (id),
    decision_week    date not null,
    decision         text not null,
    status           text not null check (status in ('PENDING', 'IN_PROGRESS', 'DONE', 'DROPPED')),
    note             text not null default '',
    updated_by       bigint references admin_user (id),
    updated_at       timestamptz not null default now(),
    primary key (organisation_id, decision_week, decision)
);
