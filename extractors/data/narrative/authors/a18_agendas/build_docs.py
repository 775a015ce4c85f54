"""Build docs/, expected/, manifest.csv and docs_docx/ of a18_agendas (run from this folder).

The documents are written by hand as Python data below (records marked inline with R(...));
_render.py only lays them out. Edit here and re-run, never the outputs.

PDFs: nice -n 10 soffice --headless --convert-to pdf --outdir docs_pdf docs_docx/<stem>.docx
Run with a Python that has python-docx (e.g. /work/main/.venv/bin/python).
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _render import R, build  # noqa: E402

WGCC = ["WGCC", "Working Group for Cooperation on Children at Risk",
        "Expert Group for Cooperation on Children at Risk", "EGCC", "the Working Group"]
UNIT = ["Children's Unit", "Children at Risk Unit", "CBSS Children's Unit"]
TFTHB = ["Task Force against Trafficking in Human Beings",
         "CBSS Task Force against Trafficking in Human Beings", "TF-THB"]
NOCH = ["Norwegian Chairmanship", "Norwegian Chairmanship of the Barents Euro-Arctic Council",
        "Chairmanship", "Norway"]
BRYC = ["Barents Regional Youth Council", "BRYC"]
JWGHS = ["Joint Working Group on Health and Related Social Issues", "JWGHS"]
CSR = ["Committee of Senior Representatives", "CSR", "NDPHS Committee of Senior Representatives"]
NDSEC = ["NDPHS Secretariat", "Secretariat", "interim secretariat"]
HELCOM = ["Helsinki Commission", "HELCOM", "Commission"]
COMB = ["Combatting Committee", "HELCOM COMBATTING", "COMBATTING", "Committee"]

# ---------------------------------------------------------------------------------------------
D2019 = {
    "stem": "priorities_2019_beac_norway",
    "title": "Priorities of the Norwegian Chairmanship of the Barents Euro-Arctic Council 2019-2021",
    "period": ("2019-10-01", "2021-10-31"),
    "genre": "priorities",
    "wrap": None,
    "numbers": "auto",
    "bullet": "",
    "ol_style": "List Number",
    "header": "Barents Euro-Arctic Council · Norwegian Chairmanship 2019–2021",
    "footer": "Norwegian Ministry of Foreign Affairs · Section for the High North · page {page}",
    "tab_widths": [22, 16],
    "blocks": [
        ("title", "Priorities of the Norwegian Chairmanship of the Barents Euro-Arctic Council "
                  "2019–2021"),
        ("sub", "October 2019 – October 2021"),
        ("p", ["Norway takes over the chairmanship of the Barents Euro-Arctic Council from "
               "Sweden at the Council's session in Umeå on 15 October 2019.",
               "Since it was launched in Kirkenes in 1993, the Barents cooperation has helped "
               "to build trust across borders that were closed for most of the twentieth "
               "century.",
               "Today the region is home to some five million people in thirteen counties and "
               "regions."]),
        ("p", ["The strength of the cooperation lies in its two levels, the governments and the "
               "regions, and in the active part played by the indigenous peoples.",
               R("A", "The Norwegian Chairmanship will build on the results of the Swedish "
                 "Chairmanship 2017–2019 and will give priority to three overarching themes: "
                 "climate and environment, people-to-people cooperation and sustainable "
                 "economic development.", actors=[NOCH])]),
        ("h1", "Priorities"),
        ("p", ["The Chairmanship will focus on:"]),
        ("ul", [R("A", "climate change adaptation and the reduction of emissions in the Barents "
                  "region;"),
                R("A", "the environmental hot spots and the work to exclude the remaining ones "
                  "from the list;"),
                R("A", "health and social well-being, including tuberculosis, HIV and "
                  "antimicrobial resistance;"),
                R("A", "youth and education"),
                R("A", "Transport, logistics and the Barents Euro-Arctic Transport Area"),
                R("A", "search and rescue cooperation;"),
                R("A", "the participation of indigenous peoples in the Barents cooperation.")]),
        ("h2", "Climate and environment"),
        ("p", ["Temperatures in the Barents region are rising about twice as fast as the global "
               "average.",
               R("A", "The Chairmanship will ask the Working Group on Environment to update the "
                 "Barents Climate Change Action Plan by the end of 2020.",
                 start="2020-09-01", end="2020-12-31",
                 actors=[NOCH, ["Working Group on Environment", "WGE",
                                "Barents Working Group on Environment"]])]),
        ("p", [R("E", "At their meeting in Inari in February 2019 the Barents environment "
                 "ministers excluded six hot spots from the list.",
                 start="2019-02-01", end="2019-02-28", location="Inari",
                 actors=[["Barents environment ministers", "environment ministers"]]),
               "Of the original 42 hot spots, 13 remain on the list.",
               R("A", "Norway will host the next meeting of the environment ministers in Tromsø "
                 "in 2021.", start="2021-01-01", end="2021-12-31", actors=[NOCH])]),
        ("h2", "Health and social issues"),
        ("p", ["The Joint Working Group on Health and Related Social Issues (JWGHS) is chaired by "
               "Norway and the Republic of Karelia.",
               R("A", "Its new programme for 2020–2023 will be launched at a conference in "
                 "Petrozavodsk in spring 2020.", start="2020-03-01", end="2020-05-31",
                 actors=[JWGHS]),
               R("A", "The Chairmanship intends to support projects on antimicrobial resistance "
                 "and on the health of children and young people in care.", actors=[NOCH])]),
        ("p", ["Tuberculosis rates in north-west Russia have fallen by more than half since "
               "2005, but multi-drug-resistant forms remain a serious concern."]),
        ("pb",),
        ("h2", "People-to-people cooperation"),
        ("p", [R("A", "Young people shall have a stronger voice in the Barents cooperation.",
                 optional=True),
               R("A", "Together with the Barents Regional Youth Council the Chairmanship will "
                 "organise a Barents youth conference in Bodø in 2020.",
                 start="2020-01-01", end="2020-12-31", actors=[NOCH, BRYC])]),
        ("p", [R("E", "The Barents Regional Youth Council held its annual meeting in Rovaniemi in "
                 "September 2019 and adopted a position paper on youth unemployment.",
                 start="2019-09-01", end="2019-09-30", location="Rovaniemi", actors=[BRYC]),
               "Young people make up a shrinking share of the population in most of the "
               "region's municipalities.",
               R("A", "The Barents Scholarship programme will be continued, with 30 new grants a "
                 "year.")]),
        ("h2", "Transport and logistics"),
        ("p", [R("E", "The updated Joint Barents Transport Plan was presented to the Committee "
                 "of Senior Officials in Luleå in June 2019.",
                 start="2019-06-01", end="2019-06-30", location="Luleå",
                 actors=[["Committee of Senior Officials", "CSO"]]),
               R("A", "the Chairmanship plans to hold a meeting of the Barents transport "
                 "ministers in Oslo in 2021 to discuss how the plan can be financed.",
                 start="2021-01-01", end="2021-12-31", actors=[NOCH])]),
        ("h2", "Search and rescue"),
        ("p", ["Long distances, a harsh climate and growing traffic at sea and on land make "
               "rescue cooperation across borders essential.",
               R("E", "The Joint Committee on Rescue Cooperation met in Kirkenes on 19-20 "
                 "September 2019 to start planning the next exercise.",
                 start="2019-09-19", end="2019-09-20", location="Kirkenes",
                 actors=[["Joint Committee on Rescue Cooperation"]]),
               R("A", "Norway will host the Barents Rescue exercise in Troms and Finnmark in "
                 "autumn 2021.", start="2021-09-01", end="2021-11-30", actors=[NOCH])]),
        ("h2", "Indigenous peoples"),
        ("p", ["The Sámi, Nenets and Veps peoples are represented in the Working Group of "
               "Indigenous Peoples.",
               R("A", "The Chairmanship will continue to support the Working Group of Indigenous "
                 "Peoples and its action plan.",
                 actors=[NOCH, ["Working Group of Indigenous Peoples", "WGIP"]])]),
        ("h1", "Tasks of the Chairmanship"),
        ("p", ["In addition, the Chairmanship has the following main tasks:"]),
        ("ol", [("1.", R("A", "chair the Barents Euro-Arctic Council and the Committee of Senior "
                         "Officials;", actors=[NOCH])),
                ("2.", R("A", "coordinate the work of the working groups together with the "
                         "International Barents Secretariat in Kirkenes;",
                         actors=[NOCH, ["International Barents Secretariat", "IBS"]])),
                ("3.", R("A", "prepare the ministerial session in autumn 2021 which concludes "
                         "the Chairmanship.", start="2021-09-01", end="2021-11-30",
                         actors=[NOCH]))]),
        ("p", ["Finland will take over the chairmanship in October 2021."]),
        ("h2", "Main meetings planned"),
        ("tab", ["Date", "Place", "Meeting"],
         [["13-14 Nov. 2019", "Kirkenes",
           R("A", "Committee of Senior Officials", start="2019-11-13", end="2019-11-14",
             actors=[["Committee of Senior Officials", "CSO"]])],
          ["spring 2020", "Petrozavodsk",
           R("A", "Conference on health and social issues (JWGHS programme launch)",
             start="2020-03-01", end="2020-05-31", actors=[JWGHS], optional=True)],
          ["June 2020", "Bodø",
           R("A", "Barents youth conference", start="2020-06-01", end="2020-06-30",
             actors=[BRYC], optional=True)],
          ["Oct. 2021", "Tromsø",
           R("A", "18th session of the Barents Euro-Arctic Council",
             start="2021-10-01", end="2021-10-31",
             actors=[["Barents Euro-Arctic Council", "BEAC"]])]]),
        ("p", ["Contact: Section for the High North, Norwegian Ministry of Foreign Affairs, "
               "Oslo."]),
    ],
}

# ---------------------------------------------------------------------------------------------
TH_CP = ["trafficking", "migration"]
D2007 = {
    "stem": "agenda_2007_wgcc_riga",
    "title": "WGCC 18th meeting, Riga, 22-23 November 2007: annotated draft agenda",
    "period": ("2007-07-01", "2008-06-30"),
    "genre": "report",
    "wrap": 84,
    "numbers": "auto",
    "bullet": "",
    "header": "Council of the Baltic Sea States – Working Group for Cooperation on Children at Risk",
    "footer": "WGCC 18/2007 – Annotated draft agenda – page {page}",
    "tab_widths": [14, 58],
    "blocks": [
        ("title", "18th meeting of the Working Group for Cooperation on Children at Risk (WGCC)"),
        ("sub", "Riga, 22–23 November 2007"),
        ("sub", "Ministry of Children and Family Affairs of Latvia, Baznīcas iela 25"),
        ("sub", "ANNOTATED DRAFT AGENDA"),
        ("item", 1, "Opening of the meeting"),
        ("p", ["The meeting will be opened by the Chair of the WGCC, Ms Inga Bērziņa, Ministry "
               "of Children and Family Affairs of Latvia.",
               "A welcome address will be given by the State Secretary of the Ministry."]),
        ("item", 2, "Adoption of the agenda"),
        ("p", ["The draft agenda is contained in document WGCC 18/1."]),
        ("p", [R("A", "Decision requested: the WGCC is invited to adopt the agenda.",
                 actors=[WGCC], themes=["governance"], optional=True)]),
        ("item", 3, "Information from the Chair and the Children's Unit"),
        ("p", [R("A", "The Chair will report on the meeting of the Committee of Senior Officials "
                 "in Riga on 18 September, where the Working Group's activity report 2006–2007 "
                 "was presented.",
                 actors=[["Chair", "WGCC Chair", "Chair of the WGCC", "Inga Bērziņa"]],
                 themes=["governance"])]),
        ("p", [R("E", "Since the last meeting in Stockholm on 3-4 May, the Children's Unit has "
                 "organised an expert seminar on children leaving care in Gdańsk on 10-11 "
                 "October 2007.", start="2007-10-10", end="2007-10-11", location="Gdańsk",
                 actors=[UNIT], themes=["alternative_care"]),
               "The seminar brought together 45 social workers, care leavers and officials from "
               "nine member states.",
               R("E", "The Head of the Unit took part in the Nordic-Baltic conference on "
                 "children's rights in Vilnius on 25-26 October.",
                 start="2007-10-25", end="2007-10-26", location="Vilnius",
                 actors=[UNIT + ["Head of the Children's Unit", "Head of the Unit"]],
                 themes=["child_rights"])]),
        ("p", [R("E", "In September the Unit launched the Russian version of the website "
                 "www.childcentre.info.", start="2007-09-01", end="2007-09-30",
                 actors=[UNIT], themes=["governance"]),
               "The website is maintained with funding from the Nordic Council of Ministers.",
               "For information."]),
        ("item", 4, "Unaccompanied and trafficked children"),
        ("p", ["Background: the network of national contact points was set up by the Working "
               "Group so that a child found alone in one member state can be traced and "
               "helped in another."]),
        ("p", [R("E", "The contact points met in Oslo on 4-5 October and agreed on a model for "
                 "the exchange of information between social services across borders.",
                 start="2007-10-04", end="2007-10-05", location="Oslo",
                 actors=[["national contact points", "contact points",
                          "contact points for unaccompanied and trafficked children"]],
                 themes=TH_CP),
               R("A", "Norway will present the draft model, and the WGCC is asked to decide "
                 "whether it should be forwarded to the CSO for endorsement.",
                 actors=[["Norway"], WGCC], themes=TH_CP)]),
        ("p", [R("A", "The Children's Unit will prepare, together with the Task Force against "
                 "Trafficking in Human Beings, a joint overview of the assistance available to "
                 "child victims (by spring 2008).", start="2008-03-01", end="2008-05-31",
                 actors=[UNIT, TFTHB], themes=TH_CP)]),
        ("p", [R("A", "Decision requested: to approve the model and the proposal for a joint "
                 "overview.", actors=[WGCC], themes=TH_CP)]),
        ("item", 5, "Children in institutions and leaving care"),
        ("p", ["Every year some 5,000 young people leave residential care in the Baltic states, "
               "most of them on their 18th birthday.",
               R("A", "Lithuania will present the conclusions of the Gdańsk seminar.",
                 actors=[["Lithuania"]], themes=["alternative_care"]),
               R("A", "The Group is invited to agree on a short list of recommendations to be "
                 "sent to the member states.", actors=[WGCC], themes=["alternative_care"])]),
        ("pb",),
        ("item", 6, "Work plan 2008"),
        ("p", [R("A", "The draft work plan for 2008 (doc. WGCC 18/6) proposes an expert meeting "
                 "on children in conflict with the law in St Petersburg in the first half of "
                 "2008 and a meeting of the contact points in Kaliningrad in spring 2008.",
                 start="2008-01-01", end="2008-06-30", actors=[WGCC],
                 themes=["governance", "young_offenders", "trafficking", "migration"]),
               "The budget of the Children's Unit for 2008 is SEK 2.1 million, of which "
               "SEK 600 000 comes from voluntary contributions."]),
        ("p", [R("A", "Decision requested: The WGCC is invited to adopt the work plan 2008.",
                 actors=[WGCC], themes=["governance"])]),
        ("item", 7, "For information: Council of Europe and OSCE"),
        ("p", [R("E", "The Council of Europe Convention on the Protection of Children against "
                 "Sexual Exploitation and Sexual Abuse was opened for signature in Lanzarote on "
                 "25 October 2007.", start="2007-10-25", end="2007-10-25",
                 location="Lanzarote", actors=[["Council of Europe"]],
                 themes=["sexual_exploitation"]),
               "Five CBSS member states have signed the Convention so far.",
               R("E", "The OSCE Special Representative on Combating Trafficking in Human Beings "
                 "visited Tallinn and Riga in September.",
                 start="2007-09-01", end="2007-09-30",
                 actors=[["OSCE Special Representative on Combating Trafficking in Human Beings",
                          "OSCE Special Representative", "OSCE"]],
                 themes=["trafficking"])]),
        ("item", 8, "Date and place of the next meeting"),
        ("p", [R("A", "The next meeting will take place in Reykjavik on 15-16 May 2008 at the "
                 "invitation of the Icelandic Ministry of Social Affairs.",
                 start="2008-05-15", end="2008-05-16",
                 actors=[WGCC, ["Icelandic Ministry of Social Affairs",
                                "Ministry of Social Affairs of Iceland"]],
                 themes=["governance"])]),
        ("item", 9, "Any other business"),
        ("p", ["Members may raise other questions under this item."]),
        ("h2", "Documents for the meeting"),
        ("tab", ["Document", "Title", "Action"],
         [["WGCC 18/1", "Draft agenda", "For decision"],
          ["WGCC 18/3", "Activity report of the Children's Unit, July–October 2007",
           "For information"],
          ["WGCC 18/4", "Model for the exchange of information (Norway)", "For decision"],
          ["WGCC 18/6", "Draft work plan 2008", "For decision"],
          ["WGCC 18/7", "List of participants", "For information"]]),
    ],
}
D2007["tab_widths"] = [12, 58]
D2007["wrap"] = 86

# ---------------------------------------------------------------------------------------------
D2004 = {
    "stem": "workprog_2004_ndphs",
    "title": "Northern Dimension Partnership in Public Health and Social Well-being: "
             "Work Programme 2004",
    "period": ("2004-01-01", "2004-12-31"),
    "genre": "plan",
    "wrap": 72,
    "numbers": "typed",
    "bullet": "",
    "header": "NDPHS / CSR 2/2003 / 3 Rev.1",
    "footer": "Work Programme 2004                                              {page}",
    "blocks": [
        ("title", "NORTHERN DIMENSION PARTNERSHIP IN PUBLIC HEALTH AND SOCIAL WELL-BEING"),
        ("sub", "Work Programme 2004"),
        ("sub", "as agreed by the interim Committee of Senior Representatives, Helsinki, "
                "3 December 2003"),
        ("sub", ""),
        ("item", 1, "Introduction"),
        ("p", ["The Partnerhip was established by the Oslo Declaration to strengthen "
               "cooperation on health and social well-being in the Northern Dimension area.",
               R("E", "The Declaration was adopted at the ministerial meeting in Oslo on "
                 "27 October 2003 by ten countries and the European Commission.",
                 start="2003-10-27", end="2003-10-27", location="Oslo",
                 actors=[["European Commission"]], optional=True),
               "This first work programme covers the calendar year 2004.",
               R("A", "The programme will be reviewed by the Committee of Senior Representatives "
                 "(CSR) in autumn 2004.", start="2004-09-01", end="2004-11-30",
                 actors=[CSR])]),
        ("item", 2, "Priority areas"),
        ("p", ["In accordance with the Oslo Declaration, the Partnership will give priority "
               "to:"]),
        ("ol", [("(a)", R("A", "reduction of the spread of major communicable diseases, in "
                          "particular HIV/AIDS and tuberculosis;")),
                ("(b)", R("A", "prevention of life-style related non-communicable diseases")),
                ("(c)", R("A", "enhancing and promoting healthy lifestyles, including social "
                          "well-being;")),
                ("(d)", R("A", "the health and social conditions of prisoners and other "
                          "vulnerable groups."))]),
        ("item", 3, "Activities"),
        ("p", ["3.1 Communicable diseases"]),
        ("ol", [("3.1.1", R("A", "Establish an expert group on HIV/AIDS and associated "
                            "infections, with terms of reference adopted by the CSR (Lead "
                            "partner: Sweden; by March 2004).",
                            start="2004-03-01", end="2004-03-31",
                            actors=[["Sweden"], CSR])),
                ("3.1.2", R("A", "Compile an inventory of ongoing tuberculosis projects in "
                            "north-west Russia (Secretariat, WHO Regional Office for Europe; "
                            "June 2004)", start="2004-06-01", end="2004-06-30",
                            actors=[NDSEC, ["WHO Regional Office for Europe", "WHO/Europe",
                                            "WHO"]])),
                ("3.1.3", R("A", "Regional seminar on HIV prevention in prisons, Kaliningrad "
                            "(Lithuania, Russia; autumn 2004)",
                            start="2004-09-01", end="2004-11-30",
                            actors=[["Lithuania"], ["Russia", "Russian Federation"]])),
                ("3.1.4", R("A", "Prepare, together with the Barents Joint Working Group on "
                            "Health and Related Social Issues, a proposal for a tuberculosis "
                            "laboratory network in Arkhangelsk and Murmansk (Norway; second "
                            "half of 2004)", start="2004-07-01", end="2004-12-31",
                            actors=[["Norway"], JWGHS]))]),
        ("p", ["HIV incidence in Estonia and in the Kaliningrad region is among the highest in "
               "Europe, and most new cases are among young people who inject drugs."]),
        ("p", ["3.2 Social well-being"]),
        ("ol", [("3.2.1", R("A", "A mapping of social services for people living with HIV will "
                            "be carried out in the Baltic states (Latvia, UNAIDS; by the end of "
                            "2004).", start="2004-09-01", end="2004-12-31",
                            actors=[["Latvia"], ["UNAIDS"]])),
                ("3.2.2", R("A", "Support the exchange of experience on alcohol policy between "
                            "the Nordic countries and the Baltic states (NCM, continuous).",
                            start=None, end=None,
                            actors=[["Nordic Council of Ministers", "NCM"]]))]),
        ("p", ["3.3 Cooperation and information"]),
        ("ol", [("3.3.1", R("A", "Set up a website for the Partnership (Secretariat, by 30 "
                            "April 2004)", start="2004-04-30", end="2004-04-30",
                            actors=[NDSEC])),
                ("3.3.2", R("A", "The Secretariat is preparing a newsletter, which will appear "
                            "twice a year.", actors=[NDSEC]))]),
        ("p", ["Partners are encouraged to send news items to the Secretariat."]),
        ("item", 4, "Meetings in 2004"),
        ("p", [R("A", "The CSR will meet twice: in Helsinki in April and in Moscow in November "
                 "2004.", start="2004-04-01", end="2004-11-30", actors=[CSR]),
               R("A", "The Partnership Annual Conference will take place in connection with the "
                 "autumn CSR meeting.", actors=[])]),
        ("item", 5, "Achievements so far"),
        ("p", [R("E", "The interim Committee of Senior Representatives met for the first time in "
                 "Helsinki on 3 December 2003 and agreed on its rules of procedure.",
                 start="2003-12-03", end="2003-12-03", location="Helsinki", actors=[CSR]),
               R("E", "A preparatory expert meeting was held in St Petersburg on 10-11 "
                 "November 2003 to discuss the first draft of this programme.",
                 start="2003-11-10", end="2003-11-11", location="St Petersburg", actors=[]),
               "In November 2003 Finland and Sweden seconded two experts to the interim "
               "secretariat.",
               "Several partners have not yet nominated their representatives."]),
        ("item", 6, "Financing"),
        ("p", ["Each partner covers its own costs of participation.",
               "Activities are financed by the lead partners, the EU programmes Tacis and "
               "Interreg and the Nordic Council of Ministers.",
               R("A", "Finland will fund the interim secretariat in 2004.",
                 start="2004-01-01", end="2004-12-31", actors=[["Finland"]])]),
        ("item", 7, "Reporting"),
        ("p", [R("A", "The Secretariat will prepare a progress report on the implementation of "
                 "this programme for the Partnership Annual Conference.", actors=[NDSEC]),
               R("A", "Lead partners shall inform the Secretariat of the results of their "
                 "activities by 1 October 2004.", start="2004-10-01", end="2004-10-01",
                 actors=[["lead partners"]]),
               "The report will be made public on the website."]),
        ("p", ["Annex: list of contact persons (to be updated by partners)"]),
    ],
}

# ---------------------------------------------------------------------------------------------
D1998 = {
    "stem": "agenda_1998_helcom_combatting",
    "title": "HELCOM Combatting Committee, 24th meeting, Rønne, 5-7 October 1998: "
             "annotated provisional agenda",
    "period": ("1998-01-01", "1998-12-31"),
    "genre": "report",
    "wrap": 70,
    "numbers": "typed",
    "bullet": "",
    "header": "COMBATTING 24/98, Agenda Item 0",
    "footer": "- {page} -",
    "blocks": [
        ("title", "BALTIC MARINE ENVIRONMENT PROTECTION COMMISSION - HELSINKI COMMISSION"),
        ("sub", "COMBATTING COMMITTEE"),
        ("sub", "Twenty-fourth meeting, Rønne, Bornholm, 5-7 October 1998"),
        ("sub", "ANNOTATED PROVISIONAL AGENDA"),
        ("item", 1, "Adoption of the Agenda"),
        ("p", ["Document 1/1 contains the Provisional Agenda as prepared by the Secretariat.",
               R("A", "The Committee is invited to adopt the Agenda.", actors=[COMB],
                 optional=True)]),
        ("item", 2, "Election of Vice-Chairman"),
        ("p", ["The term of office of the Vice-Chairman, Mr T. Laine (Finland), expired on "
               "30 June 1998.",
               "The Committee is invited to elect a Vice-Chairman for the period 1998-2000."]),
        ("item", 3, "Information by the Secretariat"),
        ("p", [R("A", "The Secretariat will inform the Meeting about the results of HELCOM 19/98 "
                 "held in Helsinki on 23-26 March 1998.",
                 actors=[["HELCOM Secretariat", "Secretariat"]]),
               R("E", "At its 19th meeting in March 1998 the Commission adopted two new "
                 "Recommendations prepared by the Committee, on aerial surveillance and on "
                 "the restriction of discharges from offshore units.",
                 start="1998-03-01", end="1998-03-31", actors=[HELCOM])]),
        ("p", [R("E", "A seminar on oil combatting in ice was organised by the Secretariat and "
                 "Estonia in Pärnu on 3-4 February 1998.", start="1998-02-03", end="1998-02-04",
                 location="Pärnu", actors=[["HELCOM Secretariat", "Secretariat"], ["Estonia"]]),
               "Participants agreed that equipment for ice conditions is still lacking in most "
               "countries."]),
        ("item", 4, "Operational matters"),
        ("p", ["4.1 BALEX DELTA 1998"]),
        ("p", [R("E", "The annual exercise BALEX DELTA 1998 took place in the Gulf of Finland "
                 "off Kotka on 25-26 August, hosted by the Finnish Environment Institute.",
                 start="1998-08-25", end="1998-08-26", location="Kotka",
                 actors=[["Finnish Environment Institute", "SYKE"]]),
               "Eighteen combatting vessels from seven Contracting Parties took part, together "
               "with two aircraft.",
               R("A", "Finland will present the evaluation report of the exercise (document "
                 "4/1).", actors=[["Finland"]])]),
        ("p", [R("A", "The Committee is invited to take note of the report and to agree on the "
                 "host country for BALEX DELTA 1999.", actors=[COMB])]),
        ("p", ["4.2 Major incidents"]),
        ("p", [R("E", "Combatting operations after the grounding of a tanker near Ventspils in "
                 "February were carried out jointly by Latvian and Swedish units.",
                 start="1998-02-01", end="1998-02-28", location="Ventspils"),
               "About 30 tonnes of oil were recovered at sea, the rest reached the shore "
               "north of the port."]),
        ("pb",),
        ("p", ["4.3 Cooperation with the Bonn Agreement"]),
        ("p", [R("E", "The Chairman attended the meeting of the Bonn Agreement in Ostend in "
                 "September 1998, where joint exercises in the Skagerrak were discussed.",
                 start="1998-09-01", end="1998-09-30", location="Ostend",
                 actors=[["Chairman", "Chairman of the Combatting Committee"],
                         ["Bonn Agreement"]]),
               "The Bonn Agreement is the North Sea counterpart of the Committee.",
               R("A", "The Committee is invited to consider whether a joint exercise with the "
                 "Bonn Agreement should be proposed for the year 2000.",
                 start="2000-01-01", end="2000-12-31", actors=[COMB, ["Bonn Agreement"]])]),
        ("item", 5, "Aerial surveillance"),
        ("p", [R("E", "Coordinated Extended Pollution Control Operations (CEPCO) were flown "
                 "over the southern Baltic on 14-15 May 1998 with aircraft from Denmark, "
                 "Germany, Poland and Sweden.", start="1998-05-14", end="1998-05-15"),
               "The number of observed oil spills decreased from 763 in 1989 to 456 in 1997.",
               R("A", "Poland will report on the first flights of its new surveillance "
                 "aircraft.", actors=[["Poland"]])]),
        ("p", [R("A", "Contracting Parties are requested to submit their 1998 surveillance "
                 "reports to the Secretariat by 31 January 1999.",
                 start="1999-01-31", end="1999-01-31",
                 actors=[["Contracting Parties"]])]),
        ("item", 6, "Work Programme 1999"),
        ("p", [R("A", "The draft work programme (document 6/1) contains a revision of Volume II "
                 "of the Combatting Manual and a workshop on the response to chemical spills, "
                 "to be hosted by Sweden in 1999.", start="1999-01-01", end="1999-12-31",
                 actors=[COMB, ["Sweden"]]),
               R("A", "Decision requested: approval of the Work Programme.", actors=[COMB])]),
        ("p", ["The Work Programme follows the priorities adopted by the Commission in 1997."]),
        ("item", 7, "Any other business"),
        ("p", ["No documents have been recieved under this item."]),
        ("item", 8, "Date and place of the next meeting"),
        ("p", [R("A", "At the invitation of Estonia, the next meeting will be held in Tallinn in "
                 "March 1999.", start="1999-03-01", end="1999-03-31",
                 actors=[COMB, ["Estonia"]])]),
        ("p", ["The Secretariat thanks the Danish Environmental Protection Agency for hosting "
               "the meeting."]),
    ],
}

if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    build([D2019, D2007, D2004, D1998], here, "written for planscope (a18_agendas)",
          docx_stems=("priorities_2019_beac_norway", "agenda_2007_wgcc_riga"))
