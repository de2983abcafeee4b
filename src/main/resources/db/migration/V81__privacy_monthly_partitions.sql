-- privacy: the three large, append-mostly tables become partitioned by month (range on the time each
-- row was written, in UTC), so that a month every line is past its retention for goes as one
-- DROP TABLE instead of millions of row updates. MonthlyPartitions creates the next months ahead and
-- drops expired ones; a DEFAULT partition catches any row outside the monthly ones (a late job, a
-- back-dated row), so a write never fails for want of a partition.
--
-- Keys: a partitioned table's primary key must include the partition key, so it becomes
-- (id, <time>); ids stay unique by their sequence. The foreign keys that pointed at these tables
-- (inbox_mention.message_id, safeguarding_case.trigger_message_id -> conversation_message;
-- channel_inbound_message.event_id -> channel_inbound_event) would need the referencing tables to carry
-- the referenced row's month and would forbid dropping a month they still point into: they become
-- plain ids that may outlive the row; no code relies on it still being there (docs/data-protection.md).
do $$
declare
    t          record;
    fk         record;
    old        text;
    defs       text[];
    fks        text[];
    def        text;
    month      date;
    last_month date := (date_trunc('month', now() at time zone 'UTC') + interval '3 months')::date;
begin
    for t in select * from (values ('conversation_message', 'created_at'), ('channel_inbound_event', 'received_at'),
                                   ('privacy_audit_log', 'occurred_at')) as v (name, key) loop
        old := t.name || '_unpartitioned';
        execute format('alter table %I rename to %I', t.name, old);
        for fk in select conname, conrelid::regclass as rel from pg_constraint where contype = 'f' and confrelid = old::regclass loop
            execute format('alter table %s drop constraint %I', fk.rel, fk.conname);
        end loop;
        fks := array(select pg_get_constraintdef(oid) from pg_constraint where contype = 'f' and conrelid = old::regclass);
        defs := array(select pg_get_indexdef(indexrelid) from pg_index where indrelid = old::regclass and not indisprimary);

        execute format('create table %I (like %I including defaults including constraints including storage) partition by range (%I)',
                       t.name, old, t.key);
        execute format('create table %I partition of %I default', t.name || '_default', t.name);
        execute format('select date_trunc(''month'', coalesce(min(%I), now()) at time zone ''UTC'')::date from %I', t.key, old) into month;
        while month <= last_month loop
            execute format('create table %I partition of %I for values from (%L) to (%L)', t.name || '_' || to_char(month, 'YYYY_MM'),
                           t.name, month::timestamp at time zone 'UTC', (month + interval '1 month')::timestamp at time zone 'UTC');
            month := (month + interval '1 month')::date;
        end loop;

        execute format('insert into %I select * from %I', t.name, old);
        execute format('alter sequence %s owned by %I.id', pg_get_serial_sequence(old, 'id'), t.name);
        execute format('drop table %I', old);
        execute format('alter table %I add primary key (id, %I)', t.name, t.key);
        foreach def in array fks loop
            execute format('alter table %I add %s', t.name, def);
        end loop;
        foreach def in array defs loop
            execute regexp_replace(def, ' ON (ONLY )?(\S+\.)?' || old || ' ', ' ON ' || t.name || ' ');
        end loop;
    end loop;
end $$;
