"""Make the demo corpus's narrative documents: each as .txt and as .docx (python-docx, with
Word's own Title / Heading 1 / Heading 2 / List Bullet / List Number styles), plus manifest.csv.

    python corpus/prose/make_prose.py

The texts are written for planscope's demo (fictional people and events, real bodies and
cities), in the kinds the archive has: an announcements page with dated headings, a news item,
a presidency report, a slide transcript, a priority page and an annual report section. Together
with the seed plans they give the README's headline questions answers across the years:
trafficking work in 2002-2022, events in Stockholm in several years, and tasks given to the
Children's Unit / Children at Risk Unit.

Each document is a list of blocks: ("title" | "h1" | "h2" | "p" | "bullet" | "number", text).
The .txt is written the way a web page or Word's "save as text" gives it: one paragraph a line,
`·` before bullet items, `1.` before numbered ones. A slide transcript keeps its own raw text
(numbered slides run into their titles, `- ` bullets, lines wrapped mid-sentence), because that
is how transcripts arrive; its .docx has one Heading 2 per slide and List Bullet items.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from pathlib import Path

from docx import Document as WordDocument

HERE = Path(__file__).resolve().parent

DOCS: list[dict] = []


def doc(stem, title, period_start, period_end, genre, blocks, raw_txt=None):
    DOCS.append(dict(stem=stem, title=title, period_start=period_start, period_end=period_end,
                     genre=genre, blocks=blocks, raw_txt=raw_txt))


doc("announcements-2002-2003", "All Announcements (2002-2003)", "2002-09-01", "2003-06-30", "report", [
    ("title", "All Announcements"),
    ("h2", "June 2003"),
    ("p", "The Working Group for Cooperation on Children at Risk met in Stockholm on 16-17 June 2003 and "
          "approved its first report to the Committee of Senior Officials."),
    ("p", "The Working Group asked the Children at Risk Unit to prepare, by the end of 2003, a regional overview "
          "of shelters and support services for trafficked children."),
    ("p", "The report describes the situation of children at risk in each member state in a few pages."),
    ("h2", "April 2003"),
    ("p", "A seminar on the identification of child victims of trafficking was held in Vilnius on 9-10 April 2003, "
          "organised by the Lithuanian Ministry of Social Security and Labour together with IOM."),
    ("p", "Around 70 police officers, border guards and social workers took part."),
    ("p", "The participants recommended that each member state appoint a national contact point for "
          "unaccompanied and trafficked children."),
    ("h2", "February 2003"),
    ("p", "The Children at Risk Unit opened a Russian-language version of the Child Centre website."),
    ("p", "The website now lists more than 400 organisations working with children in the region."),
    ("h2", "November 2002"),
    ("p", "In November 2002, the Working Group held its autumn meeting in Kaliningrad, the first meeting of the "
          "group in the Russian Federation."),
    ("p", "The group visited a shelter for street children run by a local NGO."),
    ("p", "Ms Elena Morozova of the regional administration chaired the session on street children."),
    ("h2", "September 2002"),
    ("p", "Representatives of the Children at Risk Unit took part in a conference on trafficking in women and "
          "children organised by the Nordic Council of Ministers in Oslo on 26 September 2002."),
    ("p", "The Unit will present the conclusions of the conference to the Working Group at its next meeting."),
])

doc("trafficking-seminar-stockholm-2006", "Regional seminar on trafficked children held in Stockholm",
    "2006-10-05", "2006-10-06", "news", [
    ("title", "Regional seminar on trafficked children held in Stockholm"),
    ("p", "On 5-6 October, experts from eleven countries met in Stockholm for a regional seminar on the "
          "rehabilitation and return of children who have been trafficked."),
    ("p", "The seminar was organised by the Working Group for Cooperation on Children at Risk and the CBSS Task "
          "Force against Trafficking in Human Beings, with funding from the Swedish Ministry for Foreign Affairs."),
    ("p", "It was opened by Mr Göran Ekberg, State Secretary at the Swedish Ministry of Health and Social Affairs."),
    ("p", "Children who have been trafficked are often returned without any assessment of what awaits them at "
          "home, several speakers noted."),
    ("p", "On the second day, the participants visited a reception unit for unaccompanied minors in Solna."),
    ("p", "The seminar adopted a list of minimum standards for the safe return of child victims."),
    ("p", "The Children's Unit will compile the standards and the seminar's recommendations and send them to the "
          "national contact points before the end of the year."),
    ("p", "A follow-up meeting with officials from Ukraine and Moldova is planned for spring 2007 in Kyiv."),
    ("p", "Presentations from the seminar can be downloaded below."),
])

doc("lithuanian-presidency-2009-2010", "Expert Group work during the Lithuanian presidency 2009-2010",
    "2009-07-01", "2010-06-30", "report", [
    ("title", "Expert Group work during the Lithuanian presidency 2009-2010"),
    ("p", "Lithuania chaired the Expert Group for Cooperation on Children at Risk from July 2009 to June 2010. "
          "The chair was Ms Daiva Jankauskienė of the Ministry of Social Security and Labour."),
    ("h1", "Priorities"),
    ("p", "The presidency's focus would be on:"),
    ("bullet", "Children in residential care and the development of family-based alternatives"),
    ("bullet", "Unaccompanied and trafficked children, including their safe return"),
    ("bullet", "Prevention of sexual abuse of children on the internet"),
    ("h1", "Expert Group meetings"),
    ("p", "Vilnius, October 2009 – The group agreed on its work programme for the year and heard a presentation "
          "on the Lithuanian national programme against trafficking in human beings."),
    ("p", "Stockholm, 2-3 February 2010 – Joint meeting with the Task Force against Trafficking in Human Beings "
          "on cooperation in cases of child victims."),
    ("p", "Druskininkai, May 2010 – The meeting was devoted to children leaving care and included a visit to a "
          "youth home."),
    ("h1", "Conference on children in residential care"),
    ("p", "A regional conference on the rights of children in residential care was held in Vilnius on 28-29 April "
          "2010 under the auspices of the Lithuanian presidency."),
    ("p", "More than 120 participants attended, among them young people who had grown up in institutions."),
    ("p", "The conference adopted recommendations to the member states on the closing of large institutions."),
    ("h1", "Children's Unit"),
    ("p", "In March 2010 the Children's Unit published a handbook for guardians of unaccompanied children in "
          "English and Russian."),
    ("p", "The Expert Group decided that the Children's Unit is to prepare a proposal for a project on the return "
          "of trafficked children for the next presidency."),
    ("p", "The Unit will also update the database of national contact points."),
    ("h1", "Outlook"),
    ("p", "The Norwegian presidency will continue the work on children in alternative care."),
    ("p", "The number of children placed in foster families is expected to grow in most member states."),
])

SLIDES_2013 = """Title: Children at Risk Unit Activities and plans
1Children at Risk Unit Activities and plans 2013-2014
Expert Group meeting Tallinn 14-15 October 2013 Head
of the Children at Risk Unit Ms Maria Holmqvist CBSS
Secretariat Stockholm
2Activities since the spring
- Expert meeting on child trafficking for forced
criminality, Stockholm, 11 April 2013
- Regional report on trafficking for forced criminality
published, May 2013 - Training for Estonian and
Latvian police on child-friendly interviews, Riga, June 2013
- Study visit of Russian prosecutors to the Barnahus
in Linköping
3Plans 2013-2014
- The Children at Risk Unit will apply for EU funding
for a project on the return of trafficked children
- Expert meetings on transnational cases in 2014 and
2015
- Seminar on foster care, Tartu, November 2013
- Update the website and the database of contact
points
4Findings of the regional report
- Children exploited for begging and shoplifting
- Exploiters often relatives of the children
- Few convictions for trafficking of children
5Thank you!
Similar presentations"""

doc("unit-activities-2013-slides", "Children at Risk Unit: activities and plans 2013-2014 (presentation transcript)",
    "2013-07-01", "2014-06-30", "slides", [
    ("title", "Children at Risk Unit: activities and plans 2013-2014"),
    ("h2", "Slide 1"),
    ("p", "Expert Group meeting, Tallinn, 14-15 October 2013. Head of the Children at Risk Unit, Ms Maria "
          "Holmqvist, CBSS Secretariat, Stockholm"),
    ("h2", "Slide 2: Activities since the spring"),
    ("bullet", "Expert meeting on child trafficking for forced criminality, Stockholm, 11 April 2013"),
    ("bullet", "Regional report on trafficking for forced criminality published, May 2013"),
    ("bullet", "Training for Estonian and Latvian police on child-friendly interviews, Riga, June 2013"),
    ("bullet", "Study visit of Russian prosecutors to the Barnahus in Linköping"),
    ("h2", "Slide 3: Plans 2013-2014"),
    ("bullet", "The Children at Risk Unit will apply for EU funding for a project on the return of trafficked "
               "children"),
    ("bullet", "Expert meetings on transnational cases in 2014 and 2015"),
    ("bullet", "Seminar on foster care, Tartu, November 2013"),
    ("bullet", "Update the website and the database of contact points"),
    ("h2", "Slide 4: Findings of the regional report"),
    ("bullet", "Children exploited for begging and shoplifting"),
    ("bullet", "Exploiters often relatives of the children"),
    ("bullet", "Few convictions for trafficking of children"),
    ("h2", "Slide 5"),
    ("p", "Thank you!"),
], raw_txt=SLIDES_2013)

doc("danish-presidency-priorities-2019", "Priorities of the Danish presidency 2019-2020 for children at risk",
    "2019-07-01", "2020-06-30", "priorities", [
    ("title", "Priorities of the Danish presidency 2019-2020 for children at risk"),
    ("p", "Denmark holds the presidency of the Council of the Baltic Sea States from July 2019 to June 2020. "
          "Mr Mikkel Thorsen of the Ministry of Children and Education chairs the Expert Group on Children at Risk."),
    ("h1", "Focus areas"),
    ("p", "The presidency's focus would be on:"),
    ("number", "Mental health of children and young people in care"),
    ("number", "Protection of children against sexual abuse online"),
    ("number", "Child victims of trafficking and exploitation in the Nordic and Baltic countries"),
    ("number", "Support to young people leaving care"),
    ("h1", "Planned meetings"),
    ("p", "The Expert Group will meet in Aarhus in November 2019 and in Stockholm in April 2020."),
    ("p", "A Nordic-Baltic seminar on the exploitation of children in criminal networks is to be held in "
          "Copenhagen in March 2020 together with the Task Force against Trafficking in Human Beings."),
    ("p", "The Children at Risk Unit will prepare a summary of national measures against online abuse for the "
          "April meeting."),
    ("h1", "Background"),
    ("p", "Denmark has reformed its rules on out-of-home placements several times since 2011."),
    ("p", "The first meeting under the Danish presidency took place in Aarhus on 7-8 November 2019."),
])

doc("annual-report-2022", "Annual report 2022: children at risk", "2022-01-01", "2022-12-31", "report", [
    ("title", "Annual report 2022: children at risk"),
    ("h1", "Children fleeing the war in Ukraine"),
    ("p", "Following the Russian invasion of Ukraine on 24 February 2022, the Expert Group on Children at Risk "
          "held an extraordinary online meeting on 3 March 2022."),
    ("p", "The members shared information on the registration and care of unaccompanied and separated children "
          "arriving from Ukraine."),
    ("p", "At a meeting in Stockholm on 19-20 May 2022, the Expert Group adopted a statement on the prevention of "
          "trafficking of children displaced from Ukraine."),
    ("p", "Children travelling alone across borders face a high risk of exploitation."),
    ("p", "The Children at Risk Unit is to collect information every three months on the number of unaccompanied "
          "children from Ukraine registered in each member state."),
    ("h1", "Meetings and events"),
    ("bullet", "Stockholm, 19-20 May 2022 – Expert Group meeting hosted by the Swedish Ministry of Health and "
               "Social Affairs"),
    ("bullet", "Oslo, 13 June 2022 – Closing conference of the Norwegian presidency on child protection systems"),
    ("bullet", "Helsinki, 26-27 October 2022 – First Expert Group meeting under the Finnish presidency"),
    ("p", "In September 2022 the Children at Risk Unit ran a webinar for guardians on the risks of trafficking."),
    ("h1", "Plans for 2023"),
    ("p", "The Children at Risk Unit will develop a short training module on identifying child victims of "
          "trafficking for staff at reception centres."),
    ("p", "The Finnish presidency plans a conference on children's mental health and violence prevention in "
          "Helsinki in spring 2023."),
    ("p", "Demand for support services for children from Ukraine will remain high."),
])


def write_txt(d: dict, out: Path = HERE) -> None:
    if d["raw_txt"] is not None:
        text = d["raw_txt"] + "\n"
    else:
        lines: list[str] = []
        number = 0
        for kind, body in d["blocks"]:
            if kind == "number":
                number += 1
                lines.append(f"{number}. {body}")
                continue
            number = 0
            if kind == "bullet":
                lines.append(f"· {body}")
            elif kind in ("title", "h1", "h2"):
                lines += ["", body] if lines else [body]
            else:
                lines.append(body)
        text = "\n".join(lines) + "\n"
    (out / f"{d['stem']}.txt").write_text(text, encoding="utf-8")


STYLES = {"title": "Title", "h1": "Heading 1", "h2": "Heading 2", "p": None,
          "bullet": "List Bullet", "number": "List Number"}


def write_docx(d: dict, out: Path = HERE) -> None:
    word = WordDocument()
    props = word.core_properties
    props.title, props.author = d["title"], "planscope demo corpus"
    # fixed dates, so that re-making an unchanged document gives the same bytes (same sha256:
    # ingest then skips it) instead of churning the committed .docx files
    props.created = props.modified = props.last_printed = dt.datetime(2024, 1, 1)
    props.last_modified_by = props.author
    props.revision = 1
    for kind, body in d["blocks"]:
        style = STYLES[kind]
        word.add_paragraph(body, style=style) if style else word.add_paragraph(body)
    buffer = io.BytesIO()
    word.save(buffer)
    (out / f"{d['stem']}.docx").write_bytes(_fixed_zip_times(buffer.getvalue()))


def _fixed_zip_times(data: bytes) -> bytes:
    """python-docx stamps each zip member with the current time; rewrite them with one date."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2024, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


def write_manifest(out: Path = HERE) -> None:
    with open(out / "manifest.csv", "w", newline="", encoding="utf-8") as f:
        out = csv.writer(f)
        out.writerow(["file", "title", "period_start", "period_end", "genre", "source"])
        for d in DOCS:
            out.writerow([d["stem"], d["title"], d["period_start"], d["period_end"], d["genre"],
                          "planscope demo corpus (fictional content)"])


def make_all(out: Path = HERE) -> None:
    for d in DOCS:
        write_txt(d, out)
        write_docx(d, out)
    write_manifest(out)


if __name__ == "__main__":
    make_all()
    print(f"wrote {len(DOCS)} documents (.txt, .docx) and manifest.csv to {HERE}")
