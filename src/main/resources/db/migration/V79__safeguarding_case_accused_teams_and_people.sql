-- safeguarding: for a report against staff (SEA, FRAUD, CONDUCT), the teams and people it concerns (the
-- team the conversation was with, teams and staff the message names): they are never alerted and never
-- see the case, whatever their role ----------------------------------------------------------------
alter table safeguarding_case
    add column accused_team_ids bigint[] not null default '{}',
    add column accused_user_ids bigint[] not null default '{}';
