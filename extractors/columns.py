"""What each column of a plan table holds, from its header, whatever the plan calls it."""
from __future__ import annotations

import re

# role -> header words (folded), most specific first. A header takes the first role it matches.
COLUMN_ROLES: list[tuple[str, tuple[str, ...]]] = [
    ("priority", ("priority", "priorities", "priority area", "code", "focus area", "area")),
    ("member_state", ("member state", "member states", "country", "countries", "state", "states", "geographical scope", "scope")),
    ("deadline", ("time limit", "deadline", "timeline", "time frame", "timeframe", "timing", "when", "date", "dates",
                  "period", "schedule", "time", "due")),
    ("funding", ("funding", "budget", "financing", "finance", "costs", "cost", "resources", "funds")),
    ("partners", ("partners", "partner", "in cooperation with", "cooperation partners", "participants", "support")),
    ("responsible", ("responsible", "responsibility", "lead", "lead partner", "who", "organiser", "organizer",
                     "implementer", "implementing body", "owner", "coordinator")),
    ("tools", ("tools and methods", "tools", "methods", "method", "means", "how")),
    ("results", ("results and outputs", "results", "expected results", "outputs", "output", "outcome", "outcomes",
                 "indicators", "indicator", "deliverables")),
    ("follow_up", ("follow up", "follow-up", "followup", "reporting", "monitoring", "report")),
    ("activity", ("activity", "activities", "action", "actions", "task", "tasks", "measure", "measures", "what",
                  "description", "project", "initiative", "objective")),
]


def _fold(text: str) -> str:
    return " ".join(re.sub(r"[^a-z ]+", " ", text.lower().replace("-", " ")).split())


def column_roles(header: list[str]) -> dict[str, int]:
    """role -> column index. Exact header names win over headers that merely contain a role word."""
    roles: dict[str, int] = {}
    folded = [_fold(h) for h in header]
    for exact in (True, False):
        for i, h in enumerate(folded):
            if i in roles.values() or not h:
                continue
            for role, names in COLUMN_ROLES:
                if role in roles:
                    continue
                hit = h in names if exact else any(re.search(rf"\b{re.escape(n)}\b", h) for n in names)
                if hit:
                    roles[role] = i
                    break
    return roles


def is_plan_table(header: list[str]) -> bool:
    roles = column_roles(header)
    return "activity" in roles and len(roles) >= 2
