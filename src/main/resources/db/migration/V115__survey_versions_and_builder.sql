-- surveys built or edited on the survey page, and versions of a form.
-- A form can be edited in place until its first invitation (frozen from then on: respondents answered
-- what it said); an edit of a frozen form becomes a new survey, a later version of it.
alter table survey_survey add column source text not null default 'XLSFORM' check (source in ('XLSFORM', 'BUILDER', 'READY_MADE'));
alter table survey_survey add column frozen boolean not null default false;
alter table survey_survey add column previous_id bigint references survey_survey (id);
alter table survey_survey add column updated_at timestamptz;
-- a form whose people were already asked never changes again
update survey_survey s set frozen = true where exists (select 1 from survey_session x where x.survey_id = s.id);
-- serves "later versions of this survey" on the survey page
create index survey_survey_previous_idx on survey_survey (previous_id) where previous_id is not null;
