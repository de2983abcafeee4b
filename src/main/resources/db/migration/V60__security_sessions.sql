-- Signed-in sessions kept by Spring Session JDBC (spring.session.jdbc.table-name: security_session),
-- so a session survives a restart, any node serves it, and all of one user's sessions can be ended.
-- Times are epoch milliseconds, as the library writes them.
create table security_session (
    primary_id char(36) primary key,
    session_id char(36) not null,
    creation_time bigint not null,
    last_access_time bigint not null,
    max_inactive_interval int not null,
    expiry_time bigint not null,
    -- the signed-in username, the index used to end a user's other sessions
    principal_name varchar(100)
);

create unique index security_session_session_id on security_session (session_id);
create index security_session_expiry_time on security_session (expiry_time);
create index security_session_principal_name on security_session (principal_name);

create table security_session_attributes (
    session_primary_id char(36) not null references security_session (primary_id) on delete cascade,
    attribute_name varchar(200) not null,
    attribute_bytes bytea not null,
    primary key (session_primary_id, attribute_name)
);
