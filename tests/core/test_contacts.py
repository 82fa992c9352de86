"""Resources and contacts: each cell of an entry is credited as the shipped list credits it, or as the facilitator's."""

from __future__ import annotations

import json

from copdesk.core.contacts import YOURS, edited, from_json, shipped_entries, to_json
from copdesk.core.masterclass import shipped_texts

SHIPPED = shipped_texts().contacts
SUPERVISORS = "Practice Supervisors"


def test_a_copdesk_label_beside_a_masterclass_mailbox_is_credited_cell_by_cell() -> None:
    [supervisors] = [entry for entry in shipped_entries(SHIPPED) if entry.title == SUPERVISORS]
    assert supervisors.source == (
        "Name: CoPDesk's words, drawn from the masterclass's Introduction and icebreaker; address and what it is "
        "for: Masterclass, Introduction and icebreaker"
    )


def test_an_edited_cell_is_yours_and_the_others_keep_their_credit() -> None:
    policy = shipped_entries(SHIPPED)[2]
    assert policy.source == "Masterclass, Resources"
    changed = edited(policy, policy.title, "https://example.org/policies", policy.what_for, shipped=SHIPPED)
    assert changed.source == f"Name and what it is for: Masterclass, Resources; address: {YOURS}"
    assert edited(policy, "Ours", "x", "Ours too", shipped=SHIPPED).source == YOURS


def test_a_list_kept_with_an_older_credit_is_credited_afresh() -> None:
    """An earlier CoPDesk stored the row's what-it-is-for credit as the whole row's; the words alone now decide."""
    [entry] = [entry for entry in shipped_entries(SHIPPED) if entry.title == SUPERVISORS]
    kept = json.dumps([[*entry.words, "Masterclass, Introduction and icebreaker"]])
    assert from_json(kept, SHIPPED) == [entry]
    assert from_json(to_json([entry]), SHIPPED) == [entry]
