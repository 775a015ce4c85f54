"""What each column of a plan table holds, from its header, whatever the plan calls it."""
from __future__ import annotations

import re

# role -> header words (folded), most specific first. A header takes the first role it matches.
# English first; then the Russian, German, Polish and Swedish words plans in the region use.
COLUMN_ROLES: list[tuple[str, tuple[str, ...]]] = [
    ("priority", ("priority", "priorities", "priority area", "code", "focus area", "area",
      "приоритет", "приоритеты", "priorität", "prioritäten", "priorytet", "priorytety", "prioritet", "prioriteringar")),
    ("status", ("status", "state of play", "implementation status", "current status", "progress", "stage",
                "статус", "состояние", "stand", "umsetzungsstand", "stan realizacji", "läge")),
    ("member_state", ("member state", "member states", "country", "countries", "state", "states", "geographical scope", "scope",
      "страна", "страны", "государства члены", "государство", "land", "länder", "mitgliedstaaten", "mitgliedsstaaten", "kraj", "kraje", "państwa członkowskie", "państwo", "medlemsstater")),
    ("deadline", ("time limit", "deadline", "timeline", "time frame", "timeframe", "timing", "when", "date", "dates",
                  "period", "schedule", "time", "due",
      "срок", "сроки", "срок исполнения", "сроки выполнения", "дата", "период", "frist", "fristen", "zeitraum", "zeitrahmen", "termin", "zeitplan", "bis wann", "okres", "terminy", "harmonogram", "tidsram", "tidplan", "datum")),
    ("funding", ("funding", "budget", "financing", "finance", "costs", "cost", "resources", "funds",
      "финансирование", "бюджет", "finanzierung", "budget", "kosten", "finansowanie", "budżet", "koszty", "finansiering")),
    ("partners", ("partners", "partner", "in cooperation with", "cooperation partners", "participants", "support",
      "партнёры", "партнеры", "партнер", "партнёр", "в сотрудничестве с", "partner", "kooperationspartner", "partnerzy", "we współpracy z", "samarbetspartner", "partners")),
    ("responsible", ("responsible", "responsibility", "lead", "lead partner", "who", "organiser", "organizer",
                     "implementer", "implementing body", "owner", "coordinator",
      "ответственный", "ответственные", "ответственность", "исполнитель", "исполнители", "verantwortlich", "verantwortliche", "verantwortung", "zuständig", "federführung", "odpowiedzialny", "odpowiedzialni", "odpowiedzialność", "wykonawca", "ansvarig", "ansvar")),
    ("tools", ("tools and methods", "tools", "methods", "method", "means", "how")),
    ("results", ("results and outputs", "results", "expected results", "outputs", "output", "outcome", "outcomes",
                 "indicators", "indicator", "deliverables",
      "результаты", "ожидаемые результаты", "ergebnisse", "erwartete ergebnisse", "rezultaty", "wyniki", "oczekiwane rezultaty", "resultat", "förväntade resultat")),
    ("follow_up", ("follow up", "follow-up", "followup", "reporting", "monitoring", "report")),
    ("activity", ("activity", "activities", "action", "actions", "task", "tasks", "measure", "measures", "what",
                  "description", "project", "initiative", "objective",
      "мероприятие", "мероприятия", "деятельность", "действие", "действия", "меры", "задача", "задачи", "maßnahme", "maßnahmen", "aktivität", "aktivitäten", "tätigkeit", "aufgabe", "aufgaben", "działanie", "działania", "zadanie", "zadania", "aktywność", "aktivitet", "aktiviteter", "åtgärd", "åtgärder")),
]


def _fold(text: str) -> str:
    """Lower-case letters of any script and single spaces: "Time-limit:" -> "time limit", "Срок:" -> "срок"."""
    return " ".join(re.sub(r"[\W\d_]+", " ", text.lower().replace("-", " ")).split())


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


CONTENT_SHARE = 0.6  # of a column's non-empty cells


def roles_from_content(header: list[str], rows: list[list[str]], roles: dict[str, int],
                       is_countries, is_codes) -> dict[str, int]:
    """`roles` with the member-state and priority columns the header did not name (an empty or
    misread header cell, as OCR gives) found by what their cells hold: country names or "All"
    (`is_countries`), priority codes such as "A, B, C" (`is_codes`). A column is taken when most
    of its non-empty cells hold such values."""
    out = dict(roles)
    for role, test in (("member_state", is_countries), ("priority", is_codes)):
        if role in out:
            continue
        for i in range(len(header)):
            if i in out.values():
                continue
            cells = [" ".join(r[i].split()) for r in rows if i < len(r) and r[i].strip()]
            if len(cells) >= 2 and sum(1 for c in cells if len(c.split()) <= 8 and test(c)) >= CONTENT_SHARE * len(cells):
                out[role] = i
                break
    return out


def is_plan_table(header: list[str]) -> bool:
    roles = column_roles(header)
    return "activity" in roles and len(roles) >= 2
