-- A name an earlier CoPDesk stored with a joiner or non-joiner at the edge of a word ("Sam Lee" with one pasted after
-- it) kept a key of its own, so the same name typed today was taken for a second person who looks the same. Each name
-- is written as today's rule writes it, with its key: members and teams, an action's owner typed by hand, and a guest
-- held for Undo. The rules are CoPDesk's own, given to the connection by copdesk.store.migrations.
--
-- Two people one roster would then hold under one name (or two teams) are both kept, never merged: the name written
-- so already stays as it is, and the one rewritten keeps a number after it ("Sam Lee (2)"), so the roster shows two
-- people, to rename or to erase. The name each had before is kept among its former names, for an erasure to find.
CREATE TEMP TABLE member_written_today AS
SELECT json_extract(pair.value, '$[0]') AS id, json_extract(pair.value, '$[1]') AS name
FROM (
    SELECT copdesk_roster_written_today(json_group_array(json_array(id, display_name))) AS written
    FROM member GROUP BY team_id
) AS roster, json_each(roster.written) AS pair;
-- An action keeps its owner's name as it was written when it was given: one given to a member rewritten here reads as
-- they now do, so the two people a roster holds apart are told apart on their actions too.
UPDATE action SET owner_name = today.name
FROM member_written_today AS today JOIN member ON member.id = today.id
WHERE action.owner_member_id = today.id AND action.owner_name = member.display_name;
UPDATE member SET display_name = today.name, name_key = copdesk_name_key(today.name)
FROM member_written_today AS today WHERE today.id = member.id;
DROP TABLE member_written_today;

CREATE TEMP TABLE team_written_today AS
SELECT json_extract(pair.value, '$[0]') AS id, json_extract(pair.value, '$[1]') AS name
FROM (SELECT copdesk_roster_written_today(json_group_array(json_array(id, name))) AS written FROM team) AS teams,
    json_each(teams.written) AS pair;
UPDATE team SET name = today.name, name_key = copdesk_name_key(today.name)
FROM team_written_today AS today WHERE today.id = team.id;
DROP TABLE team_written_today;

UPDATE action SET owner_name = copdesk_written_today(owner_name)
WHERE owner_name IS NOT NULL AND copdesk_written_today(owner_name) NOT IN ('', owner_name);
UPDATE attendance_taken_off SET guest_name = copdesk_written_today(guest_name)
WHERE guest_name IS NOT NULL AND copdesk_written_today(guest_name) NOT IN ('', guest_name);
