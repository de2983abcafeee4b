-- what a closed line answers, written by the organisation per language ({"es": "...", "pt": "..."});
-- languages without a text get the shipped referral with the alternatives
alter table closure_line_closure add column referral jsonb;
