-- Token buckets of Bucket4j's PostgreSQL backend (select-for-update variant): sign-in throttles and
-- rate limits counted once for every node. id names the limit and its subject, e.g.
-- "sign-in-address:203.0.113.7"; state is the library's serialised bucket; expires_at (epoch ms)
-- lets full buckets be deleted.
create table security_rate_limit (
    id varchar(300) primary key,
    state bytea,
    expires_at bigint
);

create index security_rate_limit_expires_at on security_rate_limit (expires_at);
