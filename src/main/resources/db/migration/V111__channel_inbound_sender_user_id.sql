-- channel: the sender's BSUID as the webhook gave it (sender_encrypted holds the number, or the BSUID
-- when Meta withheld the number)
alter table channel_inbound_message add column sender_user_id_encrypted bytea;
