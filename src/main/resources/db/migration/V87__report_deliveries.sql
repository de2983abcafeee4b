-- report: each Monday email of the weekly report to each recipient, once per week, retried on failure
-- and shown to the coordinators with its last error.
create table report_delivery (
    id               bigserial primary key,
    recipient_id     bigint not null references report_recipient (id) on delete cascade,
    organisation_id  bigint not null references admin_organisation (id),
    week_start       date not null,
    status           text not null check (status in ('PENDING', 'SENT', 'FAILED')),
    attempts         integer not null default 0,
    next_attempt_at  timestamptz not null,
    last_error       text,
    sent_at          timestamptz,
    created_at       timestamptz not null default now(),
    unique (recipient_id, week_start)
);
create index report_delivery_due_idx on report_delivery (next_attempt_at) where status in ('PENDING', 'FAILED');
create index report_delivery_organisation_idx on report_delivery (organisation_id, week_start desc);
