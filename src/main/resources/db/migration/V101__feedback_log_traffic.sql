-- feedback: whether an interaction was the person's own feedback or survey traffic
alter table feedback_log add column traffic text not null default 'FEEDBACK' check (traffic in ('FEEDBACK', 'SURVEY'));
