-- privacy: how long each line keeps each type of data, how it handles a person's erasure request,
-- the tombstones of erased people and the requests waiting for a coordinator.

-- a period for one data type of a line; a type without a row is kept for admin_line.retention_days
create table privacy_retention_period (
    line_id    bigint not null references admin_line (id),
    data_type  text not null check (data_type ~ '^[a-z][a-z_]{1,39}$'),
    days       integer not null check (days between 1 and 3650),
    primary key (line_id, data_type)
);

-- whether "BORRAR MIS DATOS" erases at once or waits for a coordinator
create table privacy_line_policy (
    line_id             bigint primary key references admin_line (id),
    erasure_on_request  text not null default 'AFTER_CONFIRMATION'
                        check (erasure_on_request in ('AT_ONCE', 'AFTER_CONFIRMATION'))
);

-- what is left of an erased person: the code, when, who, and how much went (no personal data)
create table privacy_erasure (
    id            bigserial primary key,
    line_id       bigint not null references admin_line (id),
    contact_code  text not null,
    requested_by  text not null check (requested_by in ('STAFF', 'PERSON')),
    erased_at     timestamptz not null default now(),
    erased_by     bigint references admin_user (id),
    erased_by_name text not null,
    erased        jsonb not null
);
create index privacy_erasure_line_idx on privacy_erasure (line_id, erased_at);

-- an erasure a person asked for by keyword, waiting for a coordinator where the line wants that
create table privacy_erasure_request (
    id            bigserial primary key,
    line_id       bigint not null references admin_line (id),
    contact_id    bigint not null,
    contact_code  text not null,
    requested_at  timestamptz not null default now(),
    status        text not null default 'PENDING' check (status in ('PENDING', 'SCHEDULED', 'DONE', 'REJECTED')),
    decided_by    bigint references admin_user (id),
    decided_at    timestamptz
);
create unique index privacy_erasure_request_open_idx on privacy_erasure_request (contact_id) where status in ('PENDING', 'SCHEDULED');
create index privacy_erasure_request_line_idx on privacy_erasure_request (line_id, status);
