-- report: each organisation's distribution list of the weekly report (programme focal points), with
-- the lines and sections each receives, and the Monday hour (in the line's time zone) it is sent at.
create table report_recipient (
    id               bigserial primary key,
    organisation_id  bigint not null references admin_organisation (id),
    name             text not null,
    email            text not null,
    programme        text not null check (programme in ('HEALTH', 'PSS', 'CTP', 'MIGRATION', 'OTHER')),
    language         text not null,
    -- empty: every line of the organisation, and every section
    line_ids         bigint[] not null default '{}',
    sections         text[] not null default '{}',
    created_at       timestamptz not null default now(),
    unique (organisation_id, email)
);

create table report_delivery_hour (
    organisation_id  bigint primary key references admin_organisation (id),
    hour             smallint not null check (hour between 0 and 23)
);
