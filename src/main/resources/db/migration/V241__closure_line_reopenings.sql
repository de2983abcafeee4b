-- a closure called off (the line goes on: new funding, a mistake): what it was and who reopened the line
create table closure_line_reopening (
    id            bigserial primary key,
    line_id       bigint not null references admin_line (id),
    closes_at     timestamptz not null,
    alternatives  text not null,
    broadcast_id  bigint not null,
    closed_by     bigint references admin_user (id),
    closed_on     timestamptz not null,
    reopened_by   bigint references admin_user (id),
    reopened_at   timestamptz not null default now()
);
create index closure_line_reopening_line on closure_line_reopening (line_id);
