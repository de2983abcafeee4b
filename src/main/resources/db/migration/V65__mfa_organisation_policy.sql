-- An organisation's choice to require two-step sign-in of all its staff (admins and safeguarding always need it).
create table mfa_organisation_policy (
    organisation_id  bigint primary key references admin_organisation (id) on delete cascade,
    staff_required   boolean not null default false,
    changed_at       timestamptz not null default now(),
    changed_by       bigint references admin_user (id) on delete set null
);
