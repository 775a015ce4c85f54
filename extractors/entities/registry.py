"""The registry of known bodies, projects, states and cities, loaded from data files."""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"  # extractors/data, shared by the subpackages

# The nouns a body's name ends in ("Children at Risk Unit", "Norwegian Barents Secretariat"); a
# document that has named the body in full may call it by the noun alone ("the Unit").
# The currencies a plan's amounts are written in: names of no body or place ("EUR 12,000"), read by
# the funding reader (extractors/funding.py) and kept out of actors (actors.py).
CURRENCY_CODES = r"(?:EUR|DKK|SEK|NOK|ISK|USD|PLN|LTL|LVL|EEK|RUB|CHF|GBP)"
BARE_BODY_NOUNS = re.compile(r"Unit|Secretariat|Presidency|Chairmanship|Commission|Committee|Council|Network|Minister|"
                             r"Board|Ministry|Agency|Office|Institute|Centre|Center|Forum|Panel|Group|Task Force|"
                             r"Bureau|Assembly|Plenary|Ombudsman|Ombudsperson|Inspectorate|Government|Parliament")


_CO_HYPHEN = re.compile(r"co-(operat|ordinat)")
_NOT_NAME_CHARS = re.compile(r"[^\w' ]+")
_LEADING_ARTICLE = re.compile(r"^(the|a|an)\s+")


@lru_cache(maxsize=16384)  # the same words are looked up over and over (every capitalised word of a text is a state candidate)
def name_key(text: str) -> str:
    """How names are compared: case, apostrophes, hyphens in co-operation and a leading 'the' aside."""
    text = text.replace("’", "'").replace("‘", "'").replace("´", "'").lower()
    text = _CO_HYPHEN.sub(r"co\1", text)
    text = _NOT_NAME_CHARS.sub(" ", text)
    text = _LEADING_ARTICLE.sub("", " ".join(text.split()))
    return text


@dataclass(frozen=True)
class Body:
    id: str
    kind: str
    canonical: str
    aliases: tuple[str, ...]
    eras: tuple[tuple[date, str], ...] = ()
    themes: tuple[str, ...] = ()

    def name_at(self, when: date | None) -> str:
        """The body's name at a time: WGCC in 2008, the Expert Group on Children at Risk in 2017."""
        if when is not None:
            for until, name in self.eras:
                if when <= until:
                    return name
        return self.canonical


@dataclass
class State:
    code: str
    names: list[str]
    adjectives: list[str]
    codes: list[str]
    member: bool

    @property
    def name(self) -> str:
        return self.names[0]


@dataclass
class Registry:
    bodies: list[Body] = field(default_factory=list)
    projects: list[Body] = field(default_factory=list)
    states: dict[str, State] = field(default_factory=dict)
    cities: dict[str, str] = field(default_factory=dict)
    city_aliases: dict[str, str] = field(default_factory=dict)
    _alias: dict[str, Body] = field(default_factory=dict)
    _exact: dict[str, Body] = field(default_factory=dict)
    _state_alias: dict[str, str] = field(default_factory=dict)
    _city_alias: dict[str, str] = field(default_factory=dict)

    def index(self) -> "Registry":
        for body in self.bodies + self.projects:
            for alias in body.aliases + (body.canonical,):
                if alias.isupper() or len(alias) <= 3:
                    self._exact[alias] = body  # abbreviations match as written: CAR is not "car"
                else:
                    self._alias.setdefault(name_key(alias), body)
        for code, state in self.states.items():
            for name in state.names + state.codes + [code]:
                self._state_alias[name if name.isupper() else name_key(name)] = code
            for adj in state.adjectives:
                self._state_alias["adj:" + name_key(adj)] = code
        for city, code in self.cities.items():
            self._city_alias.setdefault(name_key(city), city)
        for alias, city in self.city_aliases.items():  # "Стокгольм", "Sztokholm" -> Stockholm
            if city in self.cities:
                self._city_alias.setdefault(name_key(alias), city)
        return self

    def by_id(self, body_id: str) -> Body | None:
        if not hasattr(self, "_by_id"):
            self._by_id = {b.id: b for b in self.bodies + self.projects}
        return self._by_id.get(body_id)

    def body(self, name: str) -> Body | None:
        name = " ".join(name.split())
        return self._exact.get(name) or self._exact.get(re.sub(r"^the\s+", "", name)) or self._alias.get(name_key(name))

    def state(self, name: str, *, adjectives: bool = False) -> str | None:
        name = " ".join(name.split()).strip(" .,;")
        code = self._state_alias.get(name) if name.isupper() else self._state_alias.get(name_key(name))
        if code is None and adjectives:
            code = self._state_alias.get("adj:" + name_key(name))
        return code

    def city(self, name: str) -> tuple[str, str] | None:
        """(city as the gazetteer spells it, state code) for a known city."""
        key = name_key(name)
        city = self._city_alias.get(key)
        return (city, self.cities[city]) if city else None

    def member_codes(self) -> list[str]:
        return [c for c, s in self.states.items() if s.member]


def _bodies(items: list[dict]) -> list[Body]:
    out = []
    for item in items:
        eras = tuple((date.fromisoformat(e["until"]), e["name"]) for e in item.get("eras", []))
        out.append(Body(id=item["id"], kind=item.get("kind", "project"), canonical=item["canonical"],
                        aliases=tuple(item.get("aliases", [])), eras=eras, themes=tuple(item.get("themes", []))))
    return out


@lru_cache(maxsize=4)
def load_registry(bodies_path: str | None = None, places_path: str | None = None) -> Registry:
    bodies = tomllib.loads(Path(bodies_path or DATA / "bodies.toml").read_text(encoding="utf-8"))
    places = tomllib.loads(Path(places_path or DATA / "places.toml").read_text(encoding="utf-8"))
    states = {
        code: State(code=code, names=v["names"], adjectives=v.get("adjectives", []), codes=v.get("codes", []),
                    member=v.get("member", False))
        for code, v in places["states"].items()
    }
    return Registry(bodies=_bodies(bodies.get("body", [])), projects=_bodies(bodies.get("project", [])),
                    states=states, cities=dict(places["cities"]),
                    city_aliases=dict(places.get("city_aliases", {}))).index()
