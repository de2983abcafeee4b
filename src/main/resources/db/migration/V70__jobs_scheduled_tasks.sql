-- jobs: db-scheduler's table, the project's one mechanism for cluster-safe scheduled work. Each
-- execution is picked by one node (optimistic update of `picked`/`version`); a dead node's executions
-- are taken over after its heartbeat stops.
create table jobs_scheduled_task (
    task_name             text not null,
    task_instance         text not null,
    task_data             bytea,
    execution_time        timestamptz not null,
    picked                boolean not null,
    picked_by             text,
    last_success          timestamptz,
    last_failure          timestamptz,
    consecutive_failures  integer,
    last_heartbeat        timestamptz,
    version               bigint not null,
    priority              smallint,
    primary key (task_name, task_instance)
);
create index jobs_scheduled_task_execution_idx on jobs_scheduled_task (execution_time);
create index jobs_scheduled_task_heartbeat_idx on jobs_scheduled_task (last_heartbeat);
create index jobs_scheduled_task_priority_idx on jobs_scheduled_task (priority desc, execution_time asc);
