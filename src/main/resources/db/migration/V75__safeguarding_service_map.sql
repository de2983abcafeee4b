-- safeguarding: per line, the services a focal point refers people to (protection services, hotlines,
-- shelters, health, police), with how to reach them, when and in which languages ----------------------
create table safeguarding_service (
    id          bigserial primary key,
    line_id     bigint not null references admin_line (id),
    name        text not null check (length(name) between 1 and 200),
    kind        text not null check (kind in ('PROTECTION', 'HOTLINE', 'SHELTER', 'HEALTH', 'POLICE', 'OTHER')),
    -- phones, addresses, a contact person: as the focal point writes them
    contacts    text not null default '' check (length(contacts) <= 500),
    -- e.g. MON-FRI 08:00-18:00, or 24/7
    hours       text not null default '' check (length(hours) <= 200),
    -- two-letter codes of the languages the service attends in
    languages   text[] not null default '{}',
    -- a service no longer used stays, so past referrals keep its name
    active      boolean not null default true,
    updated_at  timestamptz not null default now(),
    updated_by  bigint references admin_user (id)
);
create index safeguarding_service_line_idx on safeguarding_service (line_id, active, kind);
