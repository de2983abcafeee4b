-- Installation administrators and organisation administrators become different roles: the
-- installation-wide ADMIN becomes INSTALLATION_ADMIN, ADMIN is held in one organisation only.
alter table admin_membership drop constraint if exists admin_membership_role_check;
alter table admin_membership drop constraint if exists admin_membership_check;
update admin_membership set role = 'INSTALLATION_ADMIN' where organisation_id is null and role = 'ADMIN';
alter table admin_membership
    add constraint admin_membership_role_check
        check (role in ('INSTALLATION_ADMIN', 'ADMIN', 'COORDINATOR', 'OPERATOR', 'SPECIALIST', 'SAFEGUARDING', 'ANALYST')),
    add constraint admin_membership_scope_check
        check ((role = 'INSTALLATION_ADMIN') = (organisation_id is null));
