"""Build docs/, expected/, manifest.csv and docs_docx/ of a25_strategies (run from this folder).

The documents are written by hand as Python data below (records marked inline with R(...));
_render.py (a copy of a22_projectreports/_render.py) only lays them out. Edit here and re-run,
never the outputs.

python build_docs.py   (needs python-docx; /work/main/.venv/bin/python has it)
PDFs: nice -n 10 soffice --headless --convert-to pdf --outdir docs_pdf docs_docx/<stem>.docx
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _render import R, build  # noqa: E402

JWG = ["Joint Working Group on Health and Related Social Issues", "JWGHS", "Working Group",
       "Barents Joint Working Group on Health and Related Social Issues"]
IBS = ["International Barents Secretariat", "IBS"]
CSO_B = ["Committee of Senior Officials", "CSO", "Barents Euro-Arctic Council CSO"]
BRC = ["Barents Regional Committee", "Regional Committee"]
COCH = ["co-chairs", "JWGHS co-chairs"]
NO = ["Norway", "Norwegian Ministry of Health and Care Services"]
MURM = ["Murmansk region", "Murmansk oblast"]
ARKH = ["Arkhangelsk region", "Arkhangelsk oblast", "Russia"]
THL = ["Finnish Institute for Health and Welfare", "THL", "Finland"]
NORRB = ["Region Norrbotten", "Norrbotten"]
SE = ["Sweden"]
LAP = ["Lapland", "Regional Council of Lapland"]
OULU = ["Oulu region", "Council of Oulu Region"]
HMIN = ["ministers of health", "health ministers", "Barents health ministers"]

MOI = ["Ministry of the Interior", "Latvian Ministry of the Interior", "Ministry of the Interior of the Republic of Latvia"]
CABINET = ["Cabinet of Ministers", "Latvian Cabinet of Ministers"]
LV_WG = ["Working Group", "inter-institutional Working Group",
         "Working Group on the prevention of trafficking in human beings"]
SEA = ["State Employment Agency"]
IZM = ["Ministry of Education and Science"]
VP = ["State Police", "Latvian State Police"]
VBTAI = ["State Inspectorate for Protection of Children's Rights"]
VDI = ["State Labour Inspectorate"]
LM = ["Ministry of Welfare", "Latvian Ministry of Welfare"]
BT = ["Orphan's and Custody Courts", "orphan's courts"]
SAFEH = ["Shelter Safe House", "Patvērums Drošā māja"]
MARTA = ["Marta Centre", "Resource Centre for Women Marta"]

EGCC = ["Expert Group for Cooperation on Children at Risk", "EGCC", "Expert Group", "WGCC",
        "Working Group for Cooperation on Children at Risk"]
UNIT = ["Children at Risk Unit", "Children's Unit", "CBSS Children at Risk Unit"]
CSO = ["Committee of Senior Officials", "CSO", "CBSS Committee of Senior Officials", "senior officials"]
CHAIR = ["chair", "EGCC chair"]
TF = ["CBSS Task Force against Trafficking in Human Beings", "TF-THB", "Task Force against Trafficking in Human Beings"]

# ---------------------------------------------------------------------------------------------
D_BEAC = {
    "stem": "tor_2019_beac_jwghs_workplan",
    "title": "Barents Joint Working Group on Health and Related Social Issues: Terms of Reference and work plan 2020-2023",
    "period": ("2020-01-01", "2023-12-31"),
    "genre": "plan",
    "wrap": 78,
    "numbers": "typed",
    "bullet": "- ",
    "themes": None,
    "header": "BEAC / BRC  JWGHS                          Terms of Reference 2020-2023",
    "footer": "JWGHS ToR and work plan, final version 22.10.2019 - page {page}",
    "docx_col_cm": {3: [9.0, 4.0, 3.0]},
    "blocks": [
        ("title", "TERMS OF REFERENCE AND WORK PLAN 2020-2023"),
        ("sub", "Joint Working Group on Health and Related Social Issues (JWGHS) under the BEAC and the BRC"),
        ("h1", "1. Background"),
        ("p", ["Cooperation on health in the Barents Region started in the 1990s, when "
               "tuberculosis and HIV were spreading quickly in north-west Russia.",
               R("E", "The first Barents Health Programme was launched by the ministers of health "
                 "at a meeting in Oslo in November 1999.", start="1999-11-01", end="1999-11-30",
                 location="Oslo", actors=[HMIN], optional=True),
               R("E", "In 2008 social issues were added to the remit and the group got its present "
                 "name.", start="2008-01-01", end="2008-12-31", actors=[], optional=True)]),
        ("p", [R("E", "In 2016-2019 the group met eight times and ran four cross-border projects "
                 "with Kolarctic funding.", start="2016-01-01", end="2019-12-31", actors=[JWG]),
               R("E", "The Working Group reviewed the programme for 2016-2019 at its meeting in "
                 "Syktyvkar on 11-12 June 2019.", start="2019-06-11", end="2019-06-12",
                 location="Syktyvkar", actors=[JWG]),
               "the review showed that the regional partners were the driving force of most "
               "projects, while national ministries took part less often than planned",
               R("E", "The Committee of Senior Officials and the Barents Regional Committee "
                 "approved these Terms of Reference in Bodø on 22 October 2019.",
                 start="2019-10-22", end="2019-10-22", location="Bodø", actors=[CSO_B, BRC])]),
        ("h1", "2. Tasks"),
        ("p", ["The Working Group shall:"]),
        ("ul", [R("A", "follow the health and social situation of the people of the Barents Region "
                  "and point out where joint action is needed;", actors=[JWG]),
                R("A", "promote the exchange of experience between health and social services on "
                  "both sides of the borders;", actors=[JWG]),
                R("A", "implement and monitor the Barents Health and Social Programme 2020-2023;",
                  start="2020-01-01", end="2023-12-31", actors=[JWG]),
                R("A", "develop joint projects and help partners to find funding for them;",
                  actors=[JWG]),
                R("A", "give advice on health and social issues to the Barents Euro-Arctic Council "
                  "and the Barents Regional Council.", actors=[JWG])]),
        ("h1", "3. Composition and working methods"),
        ("p", ["Members are appointed by the ministries of health and social affairs of Finland, "
               "Norway, Russia and Sweden and by the regions of the Barents Regional Council [1].",
               "The Working Group is co-chaired by one national and one regional chair for two "
               "years at a time.",
               "For 2020-2021 the co-chairs are Norway and Region Västerbotten."]),
        ("p", [R("A", "The Working Group shall meet twice a year, in spring and autumn, normally in "
                 "the country or region that holds the chairmanship.", actors=[JWG]),
               R("A", "The International Barents Secretariat will keep the list of members and "
                 "publish the meeting documents on the Barents portal.", actors=[IBS]),
               "Observers from WHO, the Nordic Council of Ministers and the NDPHS may attend the "
               "meetings.",
               "the Working Group may also set up temporary sub-groups for specific tasks"]),
        ("fn", "[1] The Russian regions take part through the Barents Regional Council, the "
               "federal ministry through the CSO."),
        ("h1", "4. Reporting"),
        ("p", [R("A", "The co-chairs shall report on the work of the Group to the CSO and to the "
                 "Regional Committee once a year, in writing, before the autumn meeting.",
                 actors=[COCH]),
               R("A", "A final report on the programme will be submitted to the health ministers at "
                 "the end of 2023.", start="2023-09-01", end="2023-12-31", actors=[HMIN])]),
        ("pb",),
        ("h1", "5. Work plan 2020-2023"),
        ("p", ["The table lists the joint actions agreed at the Syktyvkar meeting. Timelines are "
               "indicative."]),
        ("tab", ["Action", "Lead", "Timeline"],
         [[R("A", "Joint guidelines for contact tracing of tuberculosis across the border",
             pre="1.1 ", start="2020-01-01", end="2021-12-31", actors=[NO, MURM]),
           "Norway, Murmansk region", "2020-2021"],
          [R("A", "Seminar on HIV prevention among people who inject drugs, Arkhangelsk",
             pre="1.2 ", start="2020-09-01", end="2020-11-30", actors=[ARKH]),
           "Arkhangelsk region", "autumn 2020"],
          [R("A", "Map alcohol policy measures in the Barents regions", pre="2.1 ",
             start="2021-01-01", end="2021-12-31", actors=[THL]), "Finland (THL)", "2021"],
          [R("A", "Training for school nurses on early signs of neglect and abuse of children",
             pre="3.1 ", start="2021-01-01", end="2022-12-31", actors=[SE, NORRB],
             themes=["violence_prevention", "early_intervention"],
             why={"violence_prevention": "words: neglect and abuse of children",
                  "early_intervention": "words: early signs"}),
           "Sweden, Norrbotten", "2021-2022"],
          [R("A", "Exchange programme for social workers in child welfare", pre="3.2 ",
             start="2022-01-01", end="2022-12-31", actors=[LAP, MURM]),
           "Lapland, Murmansk region", "2022"],
          [R("A", "Conference on healthy ageing and digital care services", pre="4.1 ",
             start="2023-03-01", end="2023-05-31", actors=[OULU]), "Oulu region", "spring 2023"],
          [R("A", "Evaluation of the programme and proposal for 2024-2027", pre="5.1 ",
             start="2023-01-01", end="2023-12-31", actors=[COCH, IBS]), "Co-chairs, IBS", "2023"]], "tsv"),
        ("h1", "6. Budget"),
        ("p", ["The Working Group has no common budget.",
               "Projects are financed by the partners themselves, by the Kolarctic programme, the "
               "Nordic Council of Ministers and national funds.",
               R("A", "The co-chairs will prepare an application to the Kolarctic programme for the "
                 "tuberculosis action by March 2020.", start="2020-03-01", end="2020-03-31",
                 actors=[COCH])]),
        ("p", ["Contact: International Barents Secretariat, Kirkenes, Norway."]),
    ],
}

# ---------------------------------------------------------------------------------------------
THB = {"trafficking": "document: national plan for the prevention of trafficking in human beings"}
D_LV = {
    "stem": "actionplan_2021_lv_thb_prevention",
    "title": "Latvia, Ministry of the Interior: Plan for the Prevention of Trafficking in Human Beings 2021-2023 (unofficial translation)",
    "period": ("2021-01-01", "2023-12-31"),
    "genre": "plan",
    "wrap": None,
    "numbers": "auto",
    "bullet": "",
    "themes": THB,
    "header": "Ministry of the Interior of the Republic of Latvia · unofficial translation",
    "footer": "IeMPl_THB_2021-2023_ENG · page {page}",
    "tab_widths": [6, 106, 57],
    "docx_col_cm": {4: [1.2, 8.3, 4.0, 2.5]},
    "blocks": [
        ("title", "Plan for the Prevention of Trafficking in Human Beings 2021-2023"),
        ("sub", "Informative part and measures"),
        ("h1", "1. Situation"),
        ("p", ["In Latvia trafficking in human beings is most often linked to sham marriages, "
               "forced labour abroad and sexual exploitation.",
               "In 2020 the State Police started 9 criminal cases under Section 154.1 of the "
               "Criminal Law, and 17 persons received state-funded rehabilitation as victims."]),
        ("p", [R("E", "The previous Guidelines for 2014-2020 were evaluated by the Ministry of the "
                 "Interior in the autumn of 2020.", start="2020-09-01", end="2020-11-30",
                 actors=[MOI]),
               "The evaluation found that the number of identified victims remained low compared "
               "with the estimates of NGOs.",
               R("E", "A working group of 19 institutions and NGOs met four times between January "
                 "and April 2021 to draft the Plan.", start="2021-01-01", end="2021-04-30",
                 actors=[LV_WG]),
               R("E", "The Cabinet of Ministers approved the Plan with Order No. 498 of 6 July "
                 "2021.", start="2021-07-06", end="2021-07-06", actors=[CABINET])]),
        ("h1", "2. Coordination and reporting"),
        ("p", ["The National Coordinator for the prevention of trafficking in human beings chairs "
               "the inter-institutional Working Group.",
               "NGOs are represented in the Working Group with two seats.",
               R("A", "The Working Group shall meet at least twice a year and review the "
                 "implementation of the measures.", actors=[LV_WG])]),
        ("p", [R("A", "Responsible institutions will send information on the measures carried out "
                 "to the Ministry of the Interior by 1 February each year.", actors=[]),
               R("A", "The Ministry of the Interior will prepare an informative report to the "
                 "Cabinet of Ministers on the implementation of the Plan by 1 July 2024.",
                 start="2024-07-01", end="2024-07-01", actors=[MOI])]),
        ("pb",),
        ("h1", "3. Measures"),
        ("tab", ["No.", "Measure", "Responsible", "Deadline"],
         [["1.1", R("A", "Information campaign on the risks of working abroad, aimed at young "
                    "people and job seekers", start="2021-01-01", end="2023-12-31",
                    actors=[MOI, SEA]), "MoI, State Employment Agency", "2021-2023"],
          ["1.2", R("A", "Lessons on safe use of the internet and online recruitment for pupils of "
                    "grades 7-9", start="2022-01-01", end="2022-12-31", actors=[IZM, VP],
                    themes=["online_exploitation"],
                    why={"online_exploitation": "words: safe use of the internet, online recruitment"}),
           "Ministry of Education and Science, State Police", "2022"],
          ["1.3", R("A", "Training of orphan's court staff on signs of trafficking in children",
                    start="2022-01-01", end="2022-12-31", actors=[VBTAI]),
           "State Inspectorate for Protection of Children's Rights", "2022"],
          ["2.1", R("A", "Update the algorithm for identification of victims and include "
                    "indicators for children", start="2022-04-01", end="2022-06-30",
                    actors=[MOI, VP]), "MoI, State Police", "II quarter 2022"],
          ["2.2", R("A", "Joint training of labour inspectors and State Border Guard on forced "
                    "labour", start="2021-01-01", end="2023-12-31", actors=[VDI]),
           "State Labour Inspectorate", "2021-2023"],
          ["3.1", R("A", "Ensure that child victims receive social rehabilitation without the "
                    "requirement of a police statement", start="2022-01-01", end="2022-12-31",
                    actors=[LM]), "Ministry of Welfare", "2022"],
          ["3.2", R("A", "Guidelines for the appointment of guardians to unaccompanied foreign "
                    "minors", start="2023-01-01", end="2023-12-31", actors=[LM, BT],
                    themes=["migration"], why={"migration": "words: unaccompanied foreign minors"}),
           "Ministry of Welfare, Orphan's and Custody Courts", "2023"],
          ["4.1", R("A", "Participate in the CBSS Task Force against Trafficking in Human Beings "
                    "and in EUSBSR Policy Area Secure", actors=[MOI, TF]), "MoI", "continuous"]]),
        ("h1", "4. Funding"),
        ("p", ["The measures are implemented within the existing budget of the responsible "
               "institutions.",
               R("A", "Additional funding of EUR 45,000 for the information campaign will be "
                 "requested in the budget process.", actors=[])]),
        ("h1", "5. Cooperation with non-governmental organisations"),
        ("p", [R("E", "On 18 October 2021, the European Anti-Trafficking Day, the Ministry of the "
                 "Interior and the NGO Shelter Safe House signed a memorandum of cooperation in "
                 "Riga.", start="2021-10-18", end="2021-10-18", location="Riga",
                 actors=[MOI, SAFEH]),
               R("A", "The Ministry will continue to fund the hotline of the Marta Centre for "
                 "persons at risk.", actors=[MOI, MARTA]),
               R("A", "the Plan will be published on the website of the Ministry of the Interior in "
                 "Latvian and English", actors=[MOI])]),
        ("fn", "Note: the translation is not authoritative; in case of doubt the Latvian text "
               "published in Latvijas Vēstnesis prevails."),
    ],
}

# ---------------------------------------------------------------------------------------------
GOV = {"governance": "document: the Expert Group's terms of reference and priorities"}
D_EGCC = {
    "stem": "tor_2017_cbss_egcc_priorities",
    "title": "CBSS Expert Group for Cooperation on Children at Risk: Terms of Reference and priorities, 1 July 2017 - 30 June 2020",
    "period": ("2017-07-01", "2020-06-30"),
    "genre": "priorities",
    "wrap": 74,
    "numbers": "typed",
    "bullet": "",
    "ol_indent": "",
    "caps_h1": True,
    "themes": GOV,
    "header": "CBSS/EGCC(2017)4 final",
    "footer": "EGCC ToR 2017-2020 / adopted version                             page {page}",
    "blocks": [
        ("title", "EXPERT GROUP FOR COOPERATION ON CHILDREN AT RISK (EGCC)"),
        ("sub", "Terms of Reference and priorities, 1 July 2017 - 30 June 2020"),
        ("h1", "1. Background"),
        ("p", [R("E", "The senior officials created the group in 2002, under the name of Working "
                 "Group (WGCC).", start="2002-01-01",
                 end="2002-12-31", actors=[CSO], optional=True),
               "Since then its mandate has been renewed every three or four years.",
               R("E", "In 2015-2016 the Unit organised six meetings of the group and two regional "
                 "seminars.", start="2015-01-01", end="2016-12-31", actors=[UNIT])]),
        ("p", [R("E", "The Expert Group met in Gdańsk on 2-3 March 2017 and discussed a first "
                 "draft of these priorities with the national contact points.",
                 start="2017-03-02", end="2017-03-03", location="Gdańsk", actors=[EGCC]),
               R("E", "The CSO approved the Terms of Reference and priorities on 14 June 2017.",
                 start="2017-06-14", end="2017-06-14", actors=[CSO]),
               "They build on the CBSS Strategy on Children at Risk 2016-2020 [2]."]),
        ("h1", "2. Mandate"),
        ("p", ["The Expert Group shall:"]),
        ("ol", [("a)", R("A", "serve as the forum for cooperation on child protection between the "
                         "ministries of the member states;", actors=[EGCC])),
                ("b)", R("A", "follow up the CBSS Strategy on Children at Risk and report on it to "
                         "the CSO;", actors=[EGCC])),
                ("c)", R("A", "support the implementation of international standards, in "
                         "particular the UN Convention on the Rights of the Child;", actors=[EGCC],
                         themes=["child_rights"],
                         why={"child_rights": "words: UN Convention on the Rights of the Child"})),
                ("d)", R("A", "cooperate with other regional bodies, among them the Council of "
                         "Europe, the Nordic Council of Ministers and the Barents Euro-Arctic "
                         "Council.", actors=[EGCC]))]),
        ("h1", "3. Composition and working methods"),
        ("p", ["Each member state appoints one member and one deputy from the ministry responsible "
               "for child protection.",
               "The chair is held by the country of the CBSS presidency.",
               R("A", "The Expert Group shall meet twice a year; extraordinary meetings may be "
                 "convened by the chair.", actors=[EGCC]),
               R("A", "The Children at Risk Unit will act as secretariat and prepare a written "
                 "report on its activities before each meeting.", actors=[UNIT]),
               "the working language is English, no interpretation is provided"]),
        ("h1", "4. Priorities 2017-2020"),
        ("h2", "Priority 1. Children who grow up outside their own families"),
        ("ol", [("a)", R("A", "a regional seminar on children leaving care, Tallinn, autumn 2017",
                         start="2017-09-01", end="2017-11-30", actors=[],
                         themes=["alternative_care"],
                         why={"alternative_care": "section: Priority 1, children growing up outside their families"})),
                ("b)", R("A", "compile national data on children placed in institutions by June "
                         "2018", start="2018-06-01", end="2018-06-30", actors=[],
                         themes=["alternative_care"],
                         why={"alternative_care": "section: Priority 1, children growing up outside their families"}))]),
        ("h2", "Priority 2. Children on the move and trafficked children"),
        ("ol", [("a)", R("A", "train the national contact points on the Guidelines for "
                         "transnational cases (2018)", start="2018-01-01", end="2018-12-31",
                         actors=[], themes=["trafficking", "migration"],
                         why={"trafficking": "section: Priority 2, trafficked children",
                              "migration": "section: Priority 2, children on the move"})),
                ("b)", R("A", "develop a regional protocol on missing unaccompanied children "
                         "together with the CBSS Task Force against Trafficking in Human Beings",
                         actors=[TF], themes=["trafficking", "migration"],
                         why={"trafficking": "section: Priority 2, trafficked children",
                              "migration": "section: Priority 2, children on the move"}))]),
        ("h2", "Priority 3. Keeping children safe from sexual violence, on the internet as well"),
        ("ol", [("a)", R("A", "establish a Barnahus network with common quality standards",
                         actors=[], themes=["sexual_exploitation", "online_exploitation",
                                            "child_friendly_justice"],
                         why={"sexual_exploitation": "section: Priority 3, sexual violence",
                              "online_exploitation": "section: Priority 3, on the internet as well",
                              "child_friendly_justice": "words: Barnahus"})),
                ("b)", R("A", "a seminar on peer sexual abuse in schools, to be held in Vilnius in "
                         "spring 2019", start="2019-03-01", end="2019-05-31", actors=[],
                         themes=["sexual_exploitation", "online_exploitation"],
                         why={"sexual_exploitation": "section: Priority 3; words: peer sexual abuse",
                              "online_exploitation": "section: Priority 3, on the internet as well"}))]),
        ("h1", "5. Reporting and review"),
        ("p", [R("A", "The chair will present a progress report to the CSO in June 2018 and a final "
                 "report in June 2020.", start="2018-06-01", end="2020-06-30", actors=[CHAIR, CSO]),
               R("A", "A review of the priorities is foreseen at the autumn meeting 2019.",
                 start="2019-09-01", end="2019-11-30", actors=[]),
               "Costs of the meetings are borne by the hosting country; travel costs by each "
               "member."]),
        ("fn", "[2] See the Strategy, section 3. Iceland takes part in the "
               "Barnahus work as an associate."),
    ],
}

if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    build([D_BEAC, D_LV, D_EGCC], here, "written for planscope (a25_strategies)",
          docx_stems=("tor_2019_beac_jwghs_workplan", "actionplan_2021_lv_thb_prevention"))
