-- a closed line (exit strategy): from this time on, people writing in get the referral to other services
-- instead of the bot or the inbox; its data keeps following its retention periods
alter table admin_line add column closed_at timestamptz;
