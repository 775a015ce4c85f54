"""Build docs/, expected/, manifest.csv and docs_docx/ of a29_mandates (run from this folder).

The documents are written by hand as Python data below (records marked inline with R(...));
_render.py (a copy of a25_strategies/_render.py) only lays them out. Edit here and re-run,
never the outputs.

/work/main/.venv/bin/python build_docs.py
PDFs: nice -n 10 soffice --headless --convert-to pdf --outdir docs_pdf docs_docx/<stem>.docx
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _render import R, build  # noqa: E402

CM = ["Committee of Ministers", "Committee of Ministers of the Council of Europe"]
DEP = ["Ministers' Deputies", "Committee of Ministers", "Deputies"]
MFA = ["Ministers for Foreign Affairs", "Committee of Ministers"]
CAHTEH = ["CAHTEH", "Ad hoc Committee on Action against Trafficking in Human Beings",
          "Ad hoc Committee", "the Committee"]
BUREAU = ["Bureau of the CAHTEH", "Bureau", "CAHTEH Bureau"]
COE_SEC = ["Council of Europe Secretariat", "Secretariat", "Directorate General of Human Rights"]

EPPR = ["Emergency Prevention, Preparedness and Response Working Group", "EPPR",
        "EPPR Working Group"]
AC_MIN = ["Arctic Council Ministers", "Ministers", "Arctic Council"]
ARCTIC_STATES = ["Arctic states", "eight Arctic states"]
SAO = ["Senior Arctic Officials", "SAOs", "SAO"]
AC_SEC = ["Arctic Council Secretariat", "Secretariat"]
NO = ["Norway"]
IS = ["Iceland"]
US = ["United States", "USA"]
RU = ["Russian Federation", "Russia"]
FI = ["Finland"]
CA = ["Canada"]
DK = ["Kingdom of Denmark", "Denmark"]

CSO = ["Committee of Senior Officials", "CBSS Committee of Senior Officials", "CSO"]
WGCC = ["Working Group for Cooperation on Children at Risk", "WGCC", "Working Group",
        "Expert Group for Cooperation on Children at Risk", "EGCC"]
UNIT = ["Children's Unit", "Children at Risk Unit", "CBSS Secretariat", "Unit"]
CBSS_MIN = ["CBSS Ministers for Foreign Affairs", "Council of the Baltic Sea States", "CBSS",
            "Ministers for Foreign Affairs"]
LT = ["Lithuania", "Lithuanian member of the WGCC"]
SE = ["Sweden", "Swedish member of the WGCC"]
LV = ["Latvia"]
NO_C = ["Norway"]

# ---------------------------------------------------------------------------------------------
TRAF = {"trafficking": "document: terms of reference of the committee drafting the trafficking "
                       "convention"}
D_CAHTEH = {
    "stem": "tor_2003_coe_cahteh_trafficking",
    "title": "Ad hoc Committee on Action against Trafficking in Human Beings (CAHTEH): specific "
             "terms of reference",
    "period": ("2003-06-18", "2004-12-31"),
    "genre": "report",
    "wrap": None,
    "numbers": "auto",
    "bullet": "",
    "themes": TRAF,
    "header": "Council of Europe · CM(2003)84 final · Appendix 4",
    "footer": "CAHTEH – terms of reference – page {page}",
    "tab_widths": [16, 26, 24],
    "docx_col_cm": {3: [3.0, 4.5, 8.5]},
    "blocks": [
        ("title", "Ad hoc Committee on Action against Trafficking in Human Beings (CAHTEH)"),
        ("sub", "Specific terms of reference"),
        ("h1", "1. Name of committee"),
        ("p", ["Ad hoc Committee on Action against Trafficking in Human Beings (CAHTEH)."]),
        ("h1", "2. Type of committee"),
        ("p", ["Ad hoc Committee, set up under Article 17 of the Statute of the Council of Europe and "
               "in accordance with Resolution (76) 3 on committee structures, terms of reference and "
               "working methods"
               ]),
        ("h1", "3. Source of terms of reference"),
        ("p", ["Committee of Ministers."]),
        ("h1", "4. Background"),
        ("p", [R("E", "The Committee of Ministers adopted Recommendation No. R (2000) 11 on action "
                 "against trafficking in human beings for the purpose of sexual exploitation on 19 "
                 "May 2000.", start="2000-05-19", end="2000-05-19", actors=[CM],
                 themes=["sexual_exploitation"],
                 why={"sexual_exploitation": "words: trafficking for the purpose of sexual "
                                             "exploitation"}),
               "The Recommendation is not binding, and a study prepared for the Steering Committee "
               "for Equality between Women and Men in 2002 found that its follow-up in the member "
               "states has been uneven [1].",
               ]),
        ("p", [R("E", "At their 112th Session, held in Chisinau on 14-15 May 2003, the Ministers for "
                 "Foreign Affairs decided that a convention on action against trafficking should be "
                 "drafted.", start="2003-05-14", end="2003-05-15", location="Chisinau",
                 actors=[MFA]),
               R("E", "The Ministers' Deputies adopted the present terms of reference at their 842nd "
                 "meeting on 18 June 2003.", start="2003-06-18", end="2003-06-18", actors=[DEP]),
               ]),
        ("fn", "[1] The study covered 31 member states; a summary is appended to document "
               "EG (2002) 6 rev."),
        ("h1", "5. Specific terms of reference"),
        ("p", ["Under the authority of the Committee of Ministers, the CAHTEH is instructed to:"]),
        ("ul", [R("A", "prepare a European convention on action against trafficking in human beings, "
                  "focusing on the protection of the human rights of the victims and on a balance "
                  "between these and the prosecution of traffickers;", actors=[CAHTEH]),
                R("A", "take into account the work already done by the United Nations, the OSCE and "
                  "the European Union, so that the convention adds value to the existing "
                  "instruments;", actors=[CAHTEH]),
                R("A", "consider whether the convention should provide for an independent monitoring "
                  "mechanism;", actors=[CAHTEH]),
                R("A", "submit a draft convention with an explanatory report to the Committee of "
                  "Ministers by 31 December 2004.", start="2004-12-31", end="2004-12-31",
                  actors=[CAHTEH, CM])]),
        ("h1", "6. Composition"),
        ("h2", "6.A Members"),
        ("p", ["Governments of member states are entitled to appoint one or more representatives of "
               "the highest possible rank with expertise in trafficking, migration, criminal law "
               "or gender equality.",
               "Travel and subsistence costs of one representative per member state are charged to "
               "the budget of the Council of Europe."]),
        ("h2", "6.B Participants and observers"),
        ("p", ["The Parliamentary Assembly, the Congress of Local and Regional Authorities and "
               "the Commissioner for Human Rights may each send a representative, without the right "
               "to vote.",
               "The European Commission, UNHCR, UNICEF, the IOM, ILO and OSCE/ODIHR as well as the "
               "observer states may send representatives, without the right to vote and without "
               "defrayal of expenses.",
               "Three non-governmental organisations active against trafficking may be admitted as "
               "observers by decision of the Committee"]),
        ("h1", "7. Working methods"),
        ("p", [R("A", "The CAHTEH shall hold four plenary meetings of three days each between "
                 "September 2003 and December 2004.", start="2003-09-01", end="2004-12-31",
                 actors=[CAHTEH]),
               "It may set up a drafting group of restricted composition.",
               R("A", "Between the plenary meetings the Bureau shall revise the draft text in the "
                 "light of the discussions.", actors=[BUREAU]),
               "Decisions on the text are taken by consensus wherever possible; otherwise the "
               "rules of procedure for committees of the Council of Europe apply.",
               R("A", "The Committee shall report on progress to the Committee of Ministers in "
                 "June 2004.", start="2004-06-01", end="2004-06-30", actors=[CAHTEH, CM])]),
        ("h1", "8. Duration"),
        ("p", ["These terms of reference expire on 31 December 2004."]),
        ("pb",),
        ("h1", "Appendix – Indicative calendar of meetings"),
        ("tab", ["Meeting", "Dates", "Main item"],
         [["1st plenary", "15-17 September 2003",
           R("A", "Exchange of views on the scope of the convention; election of the Chair and the "
             "Bureau", start="2003-09-15", end="2003-09-17", actors=[CAHTEH])],
          ["2nd plenary", "Feb. 2004",
           R("A", "First reading of the preliminary draft prepared by the Secretariat",
             start="2004-02-01", end="2004-02-29", actors=[CAHTEH, COE_SEC])],
          ["3rd plenary", "May 2004",
           R("A", "Second reading; hearing of NGOs and international organisations",
             start="2004-05-01", end="2004-05-31", actors=[CAHTEH])],
          ["4th plenary", "November 2004",
           R("A", "Final reading and adoption of the draft convention and explanatory report",
             start="2004-11-01", end="2004-11-30", actors=[CAHTEH])]]),
        ("p", ["The dates of the 2nd to 4th meetings are to be confirmed by the Bureau."]),
    ],
}

# ---------------------------------------------------------------------------------------------
D_EPPR = {
    "stem": "workplan_2019_arctic_eppr",
    "title": "Emergency Prevention, Preparedness and Response Working Group (EPPR): terms of "
             "reference and work plan 2019-2021",
    "period": ("2019-05-01", "2021-05-31"),
    "genre": "plan",
    "wrap": 78,
    "numbers": "typed",
    "bullet": "",
    "ol_indent": "",
    "caps_h1": True,
    "themes": None,
    "header": "ARCTIC COUNCIL - EPPR",
    "footer": "EPPR Work Plan 2019-2021, approved                                 page {page}",
    "docx_col_cm": {4: [6.5, 2.8, 2.6, 4.1]},
    "blocks": [
        ("title", "Emergency Prevention, Preparedness and Response Working Group (EPPR)"),
        ("sub", "Terms of Reference and Work Plan 2019-2021"),
        ("h1", "1. Background"),
        ("p", [R("E", "EPPR was established in 1991 as one of the working groups under the Arctic "
                 "Environmental Protection Strategy.", start="1991-01-01", end="1991-12-31",
                 actors=[EPPR]),
               "it deals with the prevention of, preparedness for and response to environmental "
               "emergencies in the Arctic, including search and rescue, oil spills and "
               "radiological accidents."]),
        ("p", [R("E", "The Agreement on Cooperation on Marine Oil Pollution Preparedness and Response "
                 "in the Arctic was signed by the Arctic states at the Ministerial meeting in Kiruna "
                 "on 15 May 2013.", start="2013-05-15", end="2013-05-15", location="Kiruna",
                 actors=[ARCTIC_STATES]),
               "Together with the search and rescue agreement of 2011 it gives EPPR much of its "
               "present work [1].",
               R("E", "The Ministers approved this work plan at the Rovaniemi Ministerial meeting on "
                 "7 May 2019.", start="2019-05-07", end="2019-05-07", location="Rovaniemi",
                 actors=[AC_MIN])]),
        ("fn", "[1] Search and rescue: the Nuuk agreement of 12.5.2011; its operational guidelines "
               "were revised in 2016."),
        ("h1", "2. Mandate"),
        ("p", ["Within the Arctic Council, EPPR shall:"]),
        ("ol", [("a)", R("A", "exchange information on best practices in the prevention of, and "
                         "response to, accidents and threats from the release of pollutants and "
                         "radionuclides;", actors=[EPPR])),
                ("b)", R("A", "support the implementation of the oil pollution and search and rescue "
                         "agreements, including through joint exercises;", actors=[EPPR])),
                ("c)", R("A", "develop guidance and risk assessment methods for the Arctic states "
                         "and for industry;", actors=[EPPR])),
                ("d)", R("A", "cooperate with the other working groups, in particular PAME and "
                         "AMAP, on projects of common interest.", actors=[EPPR]))]),
        ("h1", "3. Membership and chairmanship"),
        ("p", ["The members are the eight Arctic states; the six Permanent Participants take "
               "part in all the work of the group.",
               "The chairmanship rotates every two years, and for 2019-2021 Norway holds the chair "
               "with Iceland as vice-chair.",
               "Observers may be invited to take part in specific projects."]),
        ("h1", "4. Meetings and reporting"),
        ("p", [R("A", "EPPR shall meet twice a year in person, normally in the spring and in the "
                 "autumn, and hold web meetings as needed.", actors=[EPPR]),
               "Meetings are open to Permanent Participants and, for agreed items, to observers.",
               R("A", "The chair will report to the SAOs at each of their plenary meetings and "
                 "submit the group's biennial report to the Reykjavik Ministerial meeting in May "
                 "2021.", start="2021-05-01", end="2021-05-31", actors=[EPPR, SAO]),
               "the Arctic Council Secretariat in Tromsø keeps the group's documents on the "
               "Council's open access archive"]),
        ("pb",),
        ("h1", "5. Work plan 2019-2021"),
        ("tab", ["Activity", "Lead", "Time frame", "Output"],
         [[R("A", "Table-top exercise under the oil pollution agreement (MOSPA)",
             start="2019-09-01", end="2019-11-30", actors=[NO, IS]),
           "Norway, Iceland", "autumn 2019", "Exercise report"],
          [R("A", "Revision of the Operational Guidelines to the oil pollution agreement",
             start="2020-01-01", end="2020-12-31", actors=[NO]),
           "Norway", "2020", "Revised guidelines"],
          [R("A", "Circumpolar oil spill response viability analysis, phase II",
             start="2019-01-01", end="2020-12-31", actors=[US]),
           "USA", "2019-2020", "Report, GIS layers"],
          [R("A", "Workshop on radiological emergency preparedness in Arctic ports",
             start="2020-03-03", end="2020-03-05", actors=[RU, FI]),
           "Russia, Finland", "March 3rd-5th 2020", "Workshop summary"],
          [R("A", "Live search and rescue exercise in the waters off Iceland",
             start="2020-08-01", end="2020-08-31", actors=[IS]),
           "Iceland", "Aug. 2020", "Lessons learned"],
          [R("A", "Scoping of wildfire prevention in remote Arctic communities",
             start="2021-01-01", end="2021-04-30", actors=[CA, DK]),
           "Canada, Kingdom of Denmark", "early 2021", "Scoping paper"]], "tsv"),
        ("h1", "6. Results of the previous period"),
        ("p", [R("E", "In 2017-2019 EPPR held five meetings and completed two live exercises, in "
                 "Finnmark and off Greenland.", start="2017-01-01", end="2019-12-31",
                 actors=[EPPR]),
               "The exercise off Greenland showed that communications between national rescue "
               "centres still depend on a few satellite links."]),
        ("h1", "7. Funding"),
        ("p", ["Each Arctic state covers the cost of its own participation.",
               "Projects are funded by the lead countries, with contributions from the Project "
               "Support Instrument where eligible.",
               R("A", "The chair will seek funding for the wildfire scoping project from the Nordic "
                 "Council of Ministers' Arctic cooperation programme.", actors=[EPPR])]),
    ],
}

# ---------------------------------------------------------------------------------------------
GOV = {"governance": "document: mandate and work plan of the Working Group"}
D_WGCC = {
    "stem": "mandate_2005_cbss_wgcc_extension",
    "title": "Working Group for Cooperation on Children at Risk (WGCC): decision of the Committee "
             "of Senior Officials on the extension of the mandate, with terms of reference and "
             "work plan 2005-2006",
    "period": ("2005-07-01", "2008-06-30"),
    "genre": "plan",
    "wrap": 72,
    "numbers": "typed",
    "bullet": "  ",
    "formfeed": True,
    "caps_h1": True,
    "themes": GOV,
    "header": "CBSS  -  CSO 2005/4  -  Annex 2",
    "footer": "WGCC mandate 2005-2008                                   page {page}",
    "blocks": [
        ("title", "CBSS COMMITTEE OF SENIOR OFFICIALS"),
        ("sub", "Decision on the mandate of the Working Group for Cooperation on Children at Risk"),
        ("h1", "1. Decision"),
        ("p", [R("E", "The Committee of Senior Officials, meeting in Reykjavik on 20 June 2005, "
                 "reviewed the work of the WGCC on the basis of its report for 2003-2005.",
                 start="2005-06-20", end="2005-06-20", location="Reykjavik", actors=[CSO, WGCC]),
               ]),
        ("p", [R("E", "The mandate of the WGCC is extended until 30 June 2008.", actors=[CSO]),
               R("A", "The Working Group is requested to submit a report on its activities and an "
                 "assessment of the Children's Unit to the CSO by 31 March 2008.",
                 start="2008-03-31", end="2008-03-31", actors=[WGCC, CSO])]),
        ("h1", "2. Background"),
        ("p", [R("E", "The Working Group was set up by the CSO in November 2001 after the Heads of "
                 "Government had asked for closer cooperation on children at risk.",
                 start="2001-11-01", end="2001-11-30", actors=[CSO, WGCC]),
               R("E", "In 2002 a Children's Unit of two staff was opened within the CBSS Secretariat "
                 "in Stockholm to serve the group.", start="2002-01-01", end="2002-12-31",
                 location="Stockholm",
                 actors=[UNIT]),
               "Since then the group has focused on unaccompanied and trafficked children, "
               "with a network of contact points in the member states."]),
        ("h1", "3. Terms of reference"),
        ("p", ["The WGCC shall, within the mandate of the CBSS:"]),
        ("ol", [("a)", R("A", "coordinate the cooperation of the member states on children at "
                         "risk and keep the CSO informed;", actors=[WGCC, CSO])),
                ("b)", R("A", "follow the implementation of the Plan of Action for unaccompanied "
                         "and trafficked children in the region;", actors=[WGCC],
                         themes=["trafficking", "migration"],
                         why={"trafficking": "words: trafficked children",
                              "migration": "words: unaccompanied children"})),
                ("c)", R("A", "exchange information on the care of children in institutions and "
                         "on sexual exploitation of children, also through the Internet;",
                         actors=[WGCC],
                         themes=["alternative_care", "sexual_exploitation",
                                 "online_exploitation"],
                         why={"alternative_care": "words: children in institutions",
                              "sexual_exploitation": "words: sexual exploitation of children",
                              "online_exploitation": "words: through the Internet"})),
                ("d)", R("A", "guide the work of the Children's Unit.", actors=[WGCC, UNIT]))]),
        ("p", ["Each member state appoints a representative from the ministry responsible for "
               "children's issues; the European Commission is also represented.",
               "The chair follows the CBSS presidency, and is held by Iceland for 2005-2006.",
               R("A", "The group shall meet at least twice a year, as a rule in the presidency "
                 "country.", actors=[WGCC]),
               "The group decides by consensus."]),
        ("p", ["The Unit prepares the meetings and drafts the annual report together with the "
               "chair, it is financed by voluntary contributions from Sweden, Norway and "
               "Finland."]),
        ("pb",),
        ("h1", "4. Work plan July 2005 - June 2006"),
        ("p", ["Activity / Lead / Time frame"]),
        ("ul", [R("A", "Expert meeting on children in institutions and foster care, Vilnius. Lead: "
                  "Lithuania. Autumn 2005.", start="2005-09-01", end="2005-11-30",
                  actors=[LT],
                  themes=["alternative_care"], why={"alternative_care": "words: children in "
                                                                         "institutions and foster care"}),
                R("A", "Regional seminar for the contact points on the return of unaccompanied "
                  "children, Riga. Lead: Latvia and the Unit. March 2006.",
                  start="2006-03-01", end="2006-03-31", actors=[LV, UNIT],
                  themes=["migration", "trafficking"],
                  why={"migration": "words: return of unaccompanied children",
                       "trafficking": "words: contact points for trafficked children"}),
                R("A", "Update of the Unit's website and the contact list. Lead: the Unit. "
                  "Continuous.", actors=[UNIT]),
                R("A", "WGCC meetings in Reykjavik (Oct. 2005) and Stockholm (May 2006).",
                  start="2005-10-01", end="2006-05-31", actors=[WGCC])]),
        ("h1", "5. Reporting"),
        ("p", [R("A", "The chair shall report to the CSO in the spring of 2006 and 2007 on the "
                 "progress made.", start="2006-03-01", end="2007-05-31", actors=[WGCC, CSO]),
               "Reports are also sent to the Nordic Council of Ministers, which co-funded the "
               "Unit's first project on trafficked children"]),
        ("p", ["Circulated to members on 27 June 2005 (CSO 2005/4)."]),
    ],
}

if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    build([D_CAHTEH, D_EPPR, D_WGCC], here, "written for planscope (a29_mandates)",
          docx_stems=("tor_2003_coe_cahteh_trafficking", "workplan_2019_arctic_eppr"))
