"""The words of the demo history (all CoPDesk's own, all fictional): for the sessions the team runs, and for those it
attends (Spotlight and Themed sessions, run by others), where the facilitator records what was learned rather than a
case discussion they led.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class DemoWords:
    topics: tuple[str, ...]
    notes: tuple[str, ...]  # three are drawn for each session's notes
    learning: tuple[str, ...]
    actions: tuple[str, ...]


RUN_BY_THE_TEAM = DemoWords(
    topics=(
        "Supporting a carer under strain to keep going",
        "Least restrictive options after a fall at home",
        "Working with a family who disagree about care",
        "Self-neglect and building trust over time",
        "Hospital discharge when the person wants to go home",
        "Creative use of community resources for isolation",
        "Capacity and fluctuating decisions about finances",
        "Strengths-based review of a long-standing package",
        "Learning from a recent safeguarding training day",
        "Systems theory and a multi-agency stalemate",
        "A student's reflections on their first review",
        "Partnership with the local voluntary sector hub",
    ),
    notes=(
        "The presenter described building rapport over several short visits before any assessment.",
        "Group discussed how the family's goals and the person's goals differed, and how to hold both.",
        "Several colleagues shared examples of community groups that reduced isolation.",
        "We looked at what 'prevent, reduce or delay' meant in this situation.",
        "Discussion of the least restrictive option and how risk was shared with the person.",
        "Reflection on assumptions made at the first contact and how they changed.",
    ),
    learning=(
        "Check early what the person wants to achieve, in their own words.",
        "Use the voluntary sector hub's directory before commissioning new support.",
        "Summarise back to the family to check shared meaning before the next step.",
        "Name our assumptions at the start of a complex review.",
    ),
    actions=(
        "Share the carers' assessment checklist with the team",
        "Invite the occupational therapy lead to a future CoP",
        "Circulate the voluntary sector hub's directory",
        "Find a research article on strengths-based reviews for next time",
        "Ask a practitioner to present a case next session",
        "Update the team's reflective log template",
        "Book a joint session with the hospital discharge team",
        "Bring the Weather model to the next reflective discussion",
        "Collect examples of creative support for the team's resource list",
        "Check the policy portal for the updated carers' guidance",
        "Agree trigger-warning wording for difficult case presentations",
        "Share the webinar recording on professional curiosity",
    ),
)

ATTENDED = DemoWords(
    topics=(
        "The new carers' support offer",
        "Housing options for people leaving hospital",
        "Learning from safeguarding adults reviews",
        "Strengths-based conversations at the first contact",
        "Working alongside the local hospice team",
        "Professional curiosity in everyday practice",
    ),
    notes=(
        "The speakers set out what has changed and who to contact.",
        "Practitioners from other teams shared how they use the service.",
        "Questions about waiting times were taken away, to be answered by email.",
        "Examples from across the locality showed different ways of working.",
        "The slides and links are to be sent round after the session.",
    ),
    learning=(
        "Check the new referral route before signposting anyone.",
        "Ask the speakers' team for advice early in a complex case.",
        "Other teams' approaches are worth bringing to our reflective sessions.",
    ),
    actions=(
        "Share the session's slides with colleagues who could not attend",
        "Add the speakers' contact details to the team's resource list",
        "Bring one idea from this session to the next reflective discussion",
        "Check the updated referral route on the policy portal",
    ),
)
