-- "Times carried" has one owner, and an automatic carry is an outcome of its own, not free text.
--
-- At the end of a session every follow-up still open is carried to the next one, whether or not anyone pressed
-- Carry. Until now such a carry was told apart from a manual one only by the words in `detail`; it is now the
-- column `automatic` (1 for the end-of-session carry), and the old words are moved into it.
--
-- The view `action_carry` is every carry, numbered per action in the order made (`carry_number` 1, 2, ...).
-- Whatever counts carries (an action's times carried, a record's "carried N times", a quarter's tally) reads
-- it, so what counts as a carry is said once, here.

ALTER TABLE action_review ADD COLUMN automatic INTEGER NOT NULL DEFAULT 0 CHECK (automatic IN (0, 1));

UPDATE action_review SET automatic = 1, detail = NULL
WHERE outcome = 'carried' AND detail = 'still open at the end of the session';

CREATE VIEW action_carry AS
SELECT r.id AS review_id,
       r.action_id,
       r.session_id,
       r.at,
       r.automatic,
       (SELECT count(*) FROM action_review e
        WHERE e.action_id = r.action_id AND e.outcome = 'carried' AND e.id <= r.id) AS carry_number
FROM action_review r
WHERE r.outcome = 'carried';
