"""A body's full name as a document writes it: capitalised words ending in a body noun, with a
lower-case "at"/"of"/"for"/"and" between capitalised words ("Children at Risk Unit"), never a
cut-off tail ("Risk Unit"). Expectations written by hand."""
from __future__ import annotations

import pytest

from extractors.entities.actors import WRITTEN_BODY, _written_bodies
from extractors.entities.registry import load_registry

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("text, names", [
    ("Mr Lars Edvardsen, Head of the Children at Risk Unit, CBSS Secretariat",
     ["Children at Risk Unit", "CBSS Secretariat"]),
    ("The Ministry of Health and Social Affairs hosted it.", ["The Ministry of Health and Social Affairs"]),
    ("In May the Unit met.", ["Unit"]),  # "the" is no connector: the month is not part of the name
    ("The Committee for Health and Social Affairs met.", ["The Committee for Health and Social Affairs"]),
    ("Estonia and the Expert Group", ["Expert Group"]),
    ("Responsible: Chair and Children’s Unit", ["Children’s Unit"]),  # not "Chair and Children’s Unit"
])
def test_written_body_names(text, names):
    assert [m.group(0) for m in WRITTEN_BODY.finditer(text)] == names


def test_a_written_name_the_registry_knows_takes_its_canonical_entity():
    links = _written_bodies("Head of the Children at Risk Unit, CBSS Secretariat", load_registry())
    assert [(link.name, link.entity_id) for link in links][0] == ("Children at Risk Unit", "cbss_children_unit")
    assert not any(link.name == "Risk Unit" for link in links)


@pytest.fixture(scope="module")
def nlp():
    from extractors.entities.nlp import get_nlp

    return get_nlp()


def _actors(nlp, sentence):
    from extractors.entities.actors import actors_in_text

    return [link.name for link in actors_in_text(nlp(sentence), load_registry(), None, mode="narrative")]


@pytest.mark.parametrize("sentence, names", [
    ("A round table with the Nordic Investment Bank and the European Bank for Reconstruction and Development "
     "was held in Riga in May 1996.", ["Nordic Investment Bank", "European Bank for Reconstruction and Development"]),
    ("Experts from UNICEF and the Council of Europe met in Oslo.", ["UNICEF", "Council of Europe"]),
    ("The Ministry of Social Security and Labour and UNICEF organised a seminar.",
     ["Ministry of Social Security and Labour", "UNICEF"]),
])
def test_and_joins_two_bodies_or_two_halves_of_one_name(nlp, sentence, names):
    assert _actors(nlp, sentence) == names


def test_an_organ_named_with_its_owner_is_the_owners_not_the_registrys_namesake(nlp):
    assert _actors(nlp, "The Committee of Senior Officials of the Barents Euro-Arctic Council met in Luleå "
                        "on 10 December 2008.") == ["Committee of Senior Officials of the Barents Euro-Arctic Council"]
    assert _actors(nlp, "The Committee of Senior Officials met in Riga on 3 May.") == [
        "CBSS Committee of Senior Officials"]


def test_and_inside_names_directly():
    from extractors.entities.actors import _and_inside_names

    text = "Norwegian Heart and Lung Association and UNICEF"
    assert _and_inside_names(text, ["Norwegian Heart", "Lung Association", "UNICEF"]) == [
        "Norwegian Heart and Lung Association", "UNICEF"]
    text = "UNICEF and Save the Children Sweden"
    assert _and_inside_names(text, ["UNICEF", "Save the Children Sweden"]) == ["UNICEF", "Save the Children Sweden"]


def test_a_role_before_and_is_a_name_of_its_own():
    from extractors.entities.actors import _and_inside_names

    assert _and_inside_names("Chair and Children’s Unit", ["Chair", "Children’s Unit"]) == ["Chair", "Children’s Unit"]


def test_a_web_pages_date_stamp_is_parsed_away_and_the_subject_acts():
    from types import SimpleNamespace

    from extractors.segment import Draft
    from pipeline.components import run_nlp
    from schemas.document import Provenance

    draft = Draft(kind="candidate", text="2011-05-20 | The Barents Secretariat met in Tallinn on 19 May.",
                  prov=Provenance(file="x.txt"))
    state = SimpleNamespace(drafts=[draft])
    run_nlp(state)
    assert draft.nlp_doc.text == "The Barents Secretariat met in Tallinn on 19 May."
    assert draft.text.startswith("2011-05-20 | ")  # the record keeps its words


@pytest.mark.parametrize("sentence, names", [
    ("The Danish chair intends to hold the annual meeting in Aarhus on 10-11 May 2012.", ["Danish Chair"]),
    ("The Norwegian co-chair is preparing a project on e-health.", ["Norwegian Co-chair"]),
    ("The Estonian presidency hosted a seminar.", ["Estonian Presidency"]),
    ("The Chair and the Danish Presidency met.", ["Chair", "Danish Presidency"]),
])
def test_a_states_chair_acts_as_its_term(nlp, sentence, names):
    assert _actors(nlp, sentence) == names


def test_and_before_a_half_that_names_nothing_stays_inside_the_name():
    from extractors.entities.actors import _and_inside_names

    text = "UBC Commission on Health and Social Affairs"
    assert _and_inside_names(text, ["UBC Commission on Health", "Social Affairs"]) == [text]
    text = "UNICEF and the Council of Europe"
    assert _and_inside_names(text, ["UNICEF", "the Council of Europe"]) == ["UNICEF", "the Council of Europe"]


def test_a_generic_alias_the_registry_resolved_is_no_full_name_of_the_document():
    from extractors.entities.actors import resolve_short_names
    from schemas.records import ActorLink, ActorRole

    registry = load_registry()
    body = registry.body("the Commission")

    def link(written):
        return ActorLink(name=body.canonical, entity_id=body.id, as_written=written, role=ActorRole.responsible,
                         source_field="text", kind="organisation", reason="registry")

    text = "HELCOM report. The 33rd meeting of the Commission took place in Helsinki. The Commission will meet again."
    records = [[link("the Commission")], [link("The Commission")]]
    resolve_short_names(records, text, registry)
    # the document never writes "European Commission": its "Commission" is not the registry's EC
    assert [r[0].name for r in records] == ["Commission", "Commission"]
    assert all(r[0].entity_id is None for r in records)


@pytest.mark.parametrize("sentence, names", [
    # an organ named after its body or city acts, not the body or city: the whole name as written
    ("The UBC Commission on Health and Social Affairs met in Klaipeda on 3 June 2019.",
     ["UBC Commission on Health and Social Affairs"]),
    ("The HELCOM Maritime group met in Copenhagen in September 2011.", ["HELCOM Maritime group"]),
    ("The Turku City Council approved a new climate programme in February 2012.", ["Turku City Council"]),
    # a body's secretariat acts apart from its members (the written sets' readers name it, never the body)
    ("The CBSS Secretariat organised a seminar in Riga on 5 May 2019.", ["CBSS Secretariat"]),
    ("The Council of the Baltic Sea States organised a seminar in Riga on 5 May 2019.", ["CBSS"]),
])
def test_an_organ_named_after_its_body_or_city(nlp, sentence, names):
    assert _actors(nlp, sentence) == names


@pytest.mark.parametrize("sentence, names", [
    # bodies of the region the small model's NER does not know, found through the registry
    ("CAFF and PAME are preparing a joint overview of marine litter in the Arctic.", ["CAFF", "PAME"]),
    ("The Helsinki Commission held its annual meeting in Helsinki on 23-26 March 1998.", ["HELCOM"]),
    ("In April the Arctic Contaminants Action Program organised a workshop in Oulu.", ["ACAP"]),
    ("The BSSSC board met in Szczecin on 4 March 2010.", ["Baltic Sea States Subregional Co-operation"]),
])
def test_bodies_of_the_region_in_the_registry(nlp, sentence, names):
    assert _actors(nlp, sentence) == names


def test_the_bare_noun_is_the_body_the_document_wrote_in_full(tmp_path):
    """"the Commission" of a text that wrote "the Helsinki Commission" is HELCOM (the registry
    names it by its abbreviation), not the registry's European Commission."""
    from pipeline.runner import process_file

    path = tmp_path / "helcom_news.txt"
    path.write_text("HELCOM news 1998\n\nThe Helsinki Commission held its annual meeting in Helsinki on "
                    "23-26 March 1998.\n\nThe Commission intends to present a report on the coastal waters "
                    "in 2001.\n", encoding="utf-8")
    records = process_file(str(path), catalogue={"file": path.name, "genre": "news"}).records
    assert [[a.name for a in r.actors] for r in records] == [["HELCOM"], ["HELCOM"]]


def test_the_bare_noun_is_the_body_of_the_title_block(tmp_path):
    """"the network" of a deck whose title block names "BALTIC ARCHIVES NGO NETWORK" (in capitals) is
    that network, although a member's network is named in the text as often; the presidency is left
    to the presidency rule, and "NGO" stays in capitals as the text writes it."""
    from pipeline.runner import process_file

    path = tmp_path / "network_news.txt"
    path.write_text("BALTIC ARCHIVES NGO NETWORK\nAnnual meeting 2004\n\n"
                    "Ms Anna Berg of the Estonian Youth Archives Network opened the meeting. Each NGO reported.\n\n"
                    "The network signed an agreement with the Nordic Council of Ministers in Tallinn on 3 May 2004.\n\n"
                    "The network will publish a guide to NGO archives in 2005.\n", encoding="utf-8")
    records = process_file(str(path), catalogue={"file": path.name, "genre": "news"}).records
    actors = {r.text[:20]: [a.name for a in r.actors] for r in records}
    assert actors["The network signed a"] == ["Baltic Archives NGO Network", "Nordic Council of Ministers"]
    assert actors["The network will pub"] == ["Baltic Archives NGO Network"]


@pytest.mark.parametrize("title_block, names", [
    ("1Children at Risk Unit – activities July 2016 – June 2017", ["Children at Risk Unit"]),  # glued slide number
    ("CITY OF TURKU | Social and Health Committee | MINUTES 9/1999", ["Social and Health Committee"]),
    ("Finland's EU Presidency, 1 July - 31 December 2006", []),  # a presidency: `_presidencies`
    ("Annual report 2016 | Meeting in Copenhagen, 18-19 September 2003", []),
])
def test_bodies_named_by_a_title_block(title_block, names):
    from extractors.entities.actors import title_block_bodies
    from extractors.entities.registry import load_registry

    assert [b.name for b in title_block_bodies(title_block, "", load_registry())] == names


def test_the_document_is_asked_once_a_name_not_once_a_record(monkeypatch):
    # a long report's hundreds of "the Commission": its text is searched for that name once, not
    # once a record (bench/PERF.md, sixth session: 1,077 such links took 73 ms of a page's 90)
    from collections import Counter

    import extractors.entities.actors as actors
    from schemas.records import ActorLink, ActorRole

    registry = load_registry()
    body = registry.body("the Commission")
    calls = Counter()
    for name in ("_names_body_in_full", "_rival_body", "_one_body_named", "_presidencies"):
        def counted(*args, _real=getattr(actors, name), _name=name, **kwargs):
            calls[_name] += 1
            return _real(*args, **kwargs)
        monkeypatch.setattr(actors, name, counted)
    text = "HELCOM report. The 33rd meeting of the Commission took place in Helsinki under the Danish Presidency."

    def resolve(copies: int) -> list[str]:
        calls.clear()
        records = [[ActorLink(name=body.canonical, entity_id=body.id, as_written=written, role=ActorRole.responsible,
                              source_field="text", kind="organisation", reason="registry")]
                   for written in ["the Commission", "The Commission", "the Presidency"] * copies]
        actors.resolve_short_names(records, text, registry)
        return [r[0].name for r in records]

    assert resolve(1) == ["Commission", "Commission", "Danish Presidency"]
    once = dict(calls)
    assert resolve(20) == ["Commission", "Commission", "Danish Presidency"] * 20
    assert dict(calls) == once
