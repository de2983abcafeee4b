-- a person outside WhatsApp's 24-hour window is invited with an approved template; their survey
-- starts (introduction, first question) when they reply, which opens the window again
alter table survey_session add column waiting_reply boolean not null default false;
