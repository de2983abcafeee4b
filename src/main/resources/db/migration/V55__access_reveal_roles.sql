-- Which roles may show a contact's full number on a line. No row for a line: the default roles
-- (coordinator, specialist, safeguarding focal point).
create table access_reveal_role (
    line_id  bigint not null references admin_line (id) on delete cascade,
    role     text not null check (role in ('COORDINATOR', 'OPERATOR', 'SPECIALIST', 'SAFEGUARDING')),
    primary key (line_id, role)
);
