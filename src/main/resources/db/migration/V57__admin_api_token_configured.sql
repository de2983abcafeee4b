-- Marks the token set by LINEA_ADMIN_TOKEN, so that a changed value revokes the one it replaces.
alter table admin_api_token add column configured boolean not null default false;
update admin_api_token set configured = true where name = 'LINEA_ADMIN_TOKEN';
