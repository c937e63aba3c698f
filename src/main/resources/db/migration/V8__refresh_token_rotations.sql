-- Each rotated-in refresh token names the token its rotation consumed, so that a replay can tell the
-- family's last rotated token (whose successor is still unused: a concurrent request, excused within
-- parley.identity.refresh-reuse-grace) from any older one (theft: the family is revoked). A token has
-- at most one successor. Tokens issued at login, and those from before this change, name none.
alter table refresh_tokens add column rotated_from bytea;

create unique index refresh_tokens_rotated_from_key on refresh_tokens (rotated_from) where rotated_from is not null;
