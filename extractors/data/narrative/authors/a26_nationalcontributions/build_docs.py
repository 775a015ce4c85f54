"""Build docs/, expected/, manifest.csv and docs_docx/ of a26_nationalcontributions (run from this folder).

The documents are written by hand as Python data below (records marked inline with R(...));
_render.py (a copy of a24_conferencereports/_render.py, no logic changed) only lays them out.
Edit here and re-run, never the outputs.

/work/main/.venv/bin/python build_docs.py
PDFs: nice -n 10 soffice --headless --convert-to pdf --outdir docs_pdf docs_docx/<stem>.docx
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _render import R, build  # noqa: E402

# ---- actors (alternatives lists) -------------------------------------------------------------
SEIMAS = ["Seimas", "Seimas of the Republic of Lithuania", "Parliament of Lithuania"]
GOV_LT = ["Government of the Republic of Lithuania", "Government of Lithuania", "Government"]
MOI_LT = ["Ministry of the Interior of the Republic of Lithuania", "Ministry of Interior of Lithuania",
          "Lithuanian Ministry of the Interior", "Ministry of Interior", "Minister of Interior",
          "Ministry of the Interior"]
COMM_LT = ["interinstitutional commission", "interinstitutional commission for coordination of the Plan",
           "commission"]
CARITAS = ["Caritas Lithuania", "Lithuanian Caritas"]
IOM_V = ["IOM Vilnius office", "IOM", "International Organization for Migration"]
PD_LT = ["Police Department", "Police Department under the Ministry of the Interior",
         "Lithuanian Police Department", "Lithuanian police"]
MSSL = ["Ministry of Social Security and Labour", "Lithuanian Ministry of Social Security and Labour"]
LT_DEL = ["Lithuanian delegation", "Lithuania"]
TFTHB = ["CBSS Task Force against Trafficking in Human Beings", "Task Force against Trafficking in "
         "Human Beings", "TF-THB"]
UK_POL = ["police of the United Kingdom", "UK police"]
EUROJUST = ["Eurojust"]
LT_POL = ["Lithuanian police", "Police Department", "Lithuanian Police"]

HELCOM = ["HELCOM", "Helsinki Commission", "HELCOM Ministerial Meeting"]
HELCOM_SEC = ["HELCOM Secretariat", "HELCOM", "Helsinki Commission"]
LV = ["Latvia", "Republic of Latvia"]
CAB_LV = ["Cabinet of Ministers", "Cabinet of Ministers of Latvia"]
RIGA_W = ["Riga Water Ltd.", "Rīgas ūdens", "Riga Water"]
MOA_LV = ["Ministry of Agriculture", "Latvian Ministry of Agriculture"]
LEGMC = ["Latvian Environment, Geology and Meteorology Centre", "LEGMC"]
NCA_LV = ["Nature Conservation Agency", "Nature Conservation Agency of Latvia"]
CG_LV = ["Latvian Coast Guard Service", "Coast Guard Service", "Coast Guard"]
FREEPORT = ["Freeport of Riga", "Freeport of Riga Authority"]
VARAM = ["Ministry of Environmental Protection and Regional Development",
         "Ministry of Environmental Protection and Regional Development of the Republic of Latvia",
         "VARAM"]

MOES_RU = ["Ministry of Education and Science of the Russian Federation", "Ministry of Education and "
           "Science", "Ministry", "Russian Ministry of Education and Science"]
CSP_SPB = ["Committee on Social Policy of St. Petersburg", "Committee on Social Policy",
           "St. Petersburg Committee on Social Policy"]
EGCC = ["Expert Group for Cooperation on Children at Risk", "EGCC", "CBSS Expert Group for "
        "Cooperation on Children at Risk", "WGCC", "Expert Group"]
UNIT = ["Children at Risk Unit", "CBSS Children at Risk Unit", "Children's Unit", "CBSS Secretariat",
        "Unit"]
RU = ["Russian Federation", "Russia"]
ICRF = ["Investigative Committee", "Investigative Committee of the Russian Federation"]

# ---------------------------------------------------------------------------------------------
TRAF = {"trafficking": "document: reply to the GRETA questionnaire on action against trafficking"}
D_GRETA = {
    "stem": "reply_2013_lt_greta_questionnaire",
    "title": "Reply of the Republic of Lithuania to the GRETA questionnaire for the evaluation of the "
             "implementation of the Council of Europe Convention on Action against Trafficking in Human "
             "Beings (first evaluation round), information for 2013",
    "period": ("2013-01-01", "2013-12-31"),
    "genre": "report",
    "wrap": None,
    "numbers": "typed",
    "bullet": "",
    "themes": TRAF,
    "header": "MINISTRY OF THE INTERIOR OF THE REPUBLIC OF LITHUANIA · No 1D-2014/57",
    "footer": "Reply of Lithuania to GRETA questionnaire – page {page}",
    "tab_widths": [8, 34, 22],
    "docx_col_cm": {4: [2.0, 6.0, 4.0, 3.5]},
    "blocks": [
        ("title", "REPLY OF THE REPUBLIC OF LITHUANIA TO THE GRETA QUESTIONNAIRE"),
        ("sub", "First evaluation round. Information for the year 2013"),
        ("p", ["Vilnius, 28.02.2014"]),
        ("h1", "Part I. General information"),
        ("h2", "Question 1. Please describe the main changes in legislation and institutions since the "
               "ratification."),
        ("p", ["Answer:",
               R("E", "By the Law No XI-2075 of 12.06.2012 the Seimas ratified the Convention, which for "
                 "Lithuania entered into force from 1 October 2012 [1].",
                 start="2012-06-12", end="2012-06-12", actors=[SEIMAS]),
               "The articles 147 \"Trafficking in human beings\" and 157 \"Purchase or sale of a child\" "
               "of the Criminal Code, in their wording of 2005, are in line with the definitions of the "
               "Convention."]),
        ("p", [R("E", "On 24th of April 2013 by the Government Resolution No 356 was approved the "
                 "Interinstitutional Action Plan for the Prevention of Trafficking in Human Beings and "
                 "Coordination of Activities for 2013-2015 years.",
                 start="2013-04-24", end="2013-04-24", actors=[GOV_LT]),
               "The national coordinator is the Ministry of Interior, Public Security Policy Department.",
               R("E", "In May of 2013 year by the Order of the Minister of Interior was created the "
                 "interinstitutional commission for coordination of the Plan, in which are represented "
                 "11 state institutions and 4 NGO.",
                 start="2013-05-01", end="2013-05-31", actors=[MOI_LT]),
               R("E", "The first meeting of the commission took place on 19.06.2013.",
                 start="2013-06-19", end="2013-06-19", actors=[COMM_LT])]),
        ("fn", "[1] Valstybės žinios, 2012, No 73-3744."),
        ("h1", "Part II. Prevention"),
        ("h2", "Question 5. What measures have been taken to discourage the demand and to raise "
               "awareness?"),
        ("p", [R("E", "In September-October 2013 the Ministry of Interior together with the NGO \"Caritas "
                 "Lithuania\" and the IOM Vilnius office carried out the information campaign \"Not for "
                 "sale\" in 12 towns, including Vilnius, Kaunas, Šiauliai and Panevėžys.",
                 start="2013-09-01", end="2013-10-31", actors=[MOI_LT, CARITAS, IOM_V]),
               "According to the survey of the Vilniaus university the 38 % of young people do not know "
               "the meaning of term \"human trafficking\"."]),
        ("p", [R("E", "From 1 till 3 of October the Police Department organised in Birštonas the "
                 "training for 35 criminal police officers on the investigation of trafficking for "
                 "forced labour.", start="2013-10-01", end="2013-10-03", location="Birštonas",
                 actors=[PD_LT])]),
        ("h2", "Question 9. Please provide the statistics on the identified victims."),
        ("tab", ["Year", "Pre-trial investigations started", "Victims identified", "of them children"],
         [["2011", "16", "28", "4"],
          ["2012", "21", "41", "7"],
          ["2013", "26", "53", "9"]]),
        ("p", ["Most of victims in 2013 were exploited in United Kingdom, Norway and Spain, the 9 "
               "children were victims of sexual exploitation and of forcing to commit crimes."]),
        ("pb",),
        ("h1", "Part III. Protection and assistance to victims"),
        ("p", ["The assistance to the victims is provided by NGOs which are financed from the state "
               "budget through the competition of projects of the Ministry of Social Security and "
               "Labour.",
               R("E", "In 2013 the Ministry of Social Security and Labour has financed 14 projects of "
                 "NGOs for the assistance to victims for 430 000 Litas.",
                 start="2013-01-01", end="2013-12-31", actors=[MSSL]),
               R("A", "The Ministry of Social Security and Labour is preparing the Description of the "
                 "procedure of the assistance to the victims of trafficking, which is planned to approve "
                 "in the first half of 2014.", start="2014-01-01", end="2014-06-30", actors=[MSSL])]),
        ("h1", "Part IV. International cooperation"),
        ("p", [R("E", "On 4-5 of December 2013 the Lithuanian delegation participated in the meeting of "
                 "the CBSS Task Force against Trafficking in Human Beings in Oslo.",
                 start="2013-12-04", end="2013-12-05", location="Oslo", actors=[LT_DEL, TFTHB]),
               R("E", "In 2013 the Lithuanian police worked together with the police of the United "
                 "Kingdom in two joint investigation teams with support of Eurojust.",
                 start="2013-01-01", end="2013-12-31", actors=[LT_POL, UK_POL, EUROJUST])]),
        ("h1", "Part V. Planned measures for 2014"),
        ("p", ["In 2014 it is planned:"]),
        ("ol", [("1.", R("A", "to prepare the amendments of the Law on Social Services in order to "
                         "guarantee the long-term assistance to the victims;", actors=[])),
                ("2.", R("A", "to organise the training for the labour inspectors and the specialists of "
                         "employment agencies together with the State Labour Inspectorate;", actors=[
                             ["State Labour Inspectorate", "Labour Inspectorate"]])),
                ("3.", R("A", "to renew the website www.prekybazmonemis.lt with the information in "
                         "English and Russian;", actors=[])),
                ("4.", R("A", "to carry out the research about the trafficking for forced criminality in "
                         "cooperation with the Law Institute.", actors=[["Law Institute",
                                                                        "Law Institute of Lithuania"]]))]),
        ("p", [R("A", "The Ministry of Interior shall submit the report on the implementation of the "
                 "Action Plan to the Government until 1 March 2015.",
                 start="2015-03-01", end="2015-03-01", actors=[MOI_LT, GOV_LT])]),
        ("h2", "Annex. Institutions which provided the information"),
        ("ul", ["Ministry of Social Security and Labour", "Prosecutor General's Office",
                "State Border Guard Service"]),
        ("p", ["Executor: R. Petrauskienė, tel. (8 5) 271 7152"]),
    ],
}

# ---------------------------------------------------------------------------------------------
D_HELCOM = {
    "stem": "countryrep_2012_lv_helcom_bsap",
    "title": "Country report Latvia: national implementation of the HELCOM Baltic Sea Action Plan, "
             "progress in 2012",
    "period": ("2012-01-01", "2012-12-31"),
    "genre": "report",
    "wrap": 80,
    "numbers": "typed",
    "bullet": "- ",
    "caps_h1": True,
    "themes": None,
    "header": "HELCOM HOD 39/2012, document 3/7 – submitted by Latvia",
    "footer": "Country report Latvia                                          page {page}",
    "tab_widths": [20, 14, 20],
    "docx_col_cm": {4: [4.0, 3.0, 4.0, 4.5]},
    "blocks": [
        ("title", "COUNTRY REPORT LATVIA"),
        ("sub", "National implementation of the HELCOM Baltic Sea Action Plan – progress in 2012"),
        ("sub", "Ministry of Environmental Protection and Regional Development of the Republic of Latvia"),
        ("h1", "1. Introduction"),
        ("p", [R("E", "On 15.11.2007 in Krakow the HELCOM Ministerial Meeting has adopted the BSAP, the "
                 "programme to reach the good ecological status of the Baltic marine environment until "
                 "2021.", pre="1.1. ", start="2007-11-15", end="2007-11-15",
                 location="Krakow", actors=[HELCOM]),
               "According to the Action Plan all the Contracting Parties had to develop the National "
               "Implementation Programmes until 2010."]),
        ("p", [R("E", "Latvia submitted its National Implementation Programme to the HELCOM Secretariat "
                 "in the March of 2010 year.", pre="1.2. ", start="2010-03-01", end="2010-03-31",
                 actors=[LV, HELCOM_SEC]),
               "The present report gives information about the measures carried out in 2012 and about "
               "the measures planned for 2013."]),
        ("h1", "2. Eutrophication"),
        ("p", ["2.1. The nutrient reduction requirement for Latvia is 220 tonnes of phosphorus and 2 560 "
               "tonnes of nitrogen per year.",
               R("E", "In 2012 the construction of the new wastewater treatment plants was finished in 27 "
                 "agglomerations, from them Jelgava, Ventspils and Valmiera, in frame of the project "
                 "\"Development of water management in agglomerations over 2000 p.e.\"",
                 start="2012-01-01", end="2012-12-31", actors=[])]),
        ("p", [R("E", "On 14.08.2012 by the Cabinet of Ministers were adopted the amendments to the "
                 "Regulations No 34 [1], which set the stricter limits for the phosphorus for the plants "
                 "above 10 000 p.e.", pre="2.2. ", start="2012-08-14", end="2012-08-14", actors=[CAB_LV]),
               "The situation in the biggest agglomerations is shown in the table."]),
        ("fn", "[1] Regulations of the Cabinet of Ministers No 34 \"Regulations regarding discharge of "
               "polluting substances into water\" of 22 January 2002."),
        ("pb",),
        ("tab", ["Agglomeration", "Load, p.e.", "P removal 2012, %", "Status"],
         [["Riga", "950 000", "84", "reconstruction"],
          ["Daugavpils", "110 000", "91", "in compliance"],
          ["Liepaja", "95 000", "92", "in compliance"],
          ["Jelgava", "70 000", "90", "new plant 2012"]]),
        ("p", ["In the Riga plant \"Daugavgrīva\" the phosphorus removal is still below the requirement "
               "of the Recommendation 28E/5.",
               R("A", "The Riga Water Ltd. is reconstructing the sludge treatment facilities of the "
                 "Daugavgrīva plant, the works shall be finished in 2014.",
                 start="2014-01-01", end="2014-12-31", actors=[RIGA_W])]),
        ("p", ["2.3. About 60 % of the nitrogen load to the Gulf of Riga comes from the agriculture.",
               R("A", "The Ministry of Agriculture will prepare until June 2013 the new Action programme "
                 "for the nitrate vulnerable zones, which includes the Lielupe river basin.",
                 start="2013-06-01", end="2013-06-30", actors=[MOA_LV])]),
        ("h1", "3. Hazardous substances"),
        ("p", [R("E", "In 2012 the Latvian Environment, Geology and Meteorology Centre carried out the "
                 "screening of the dioxins and PCB in the Baltic herring from the Gulf of Riga.",
                 pre="3.1. ", start="2012-01-01", end="2012-12-31", actors=[LEGMC]),
               "The concentrations were below the EU limits in all samples, except two samples of the "
               "older fish."]),
        ("h1", "4. Biodiversity (seals, birds, protected areas)"),
        ("p", [R("E", "In June of 2012 year the Nature Conservation Agency organised in Salacgrīva the "
                 "workshop with the coastal fishermen on the by-catch of seals and harbour porpoises.",
                 pre="4.1. ", start="2012-06-01", end="2012-06-30", location="Salacgrīva",
                 actors=[NCA_LV]),
               R("A", "It is planned to designate the new marine protected area in the western coast of "
                 "the Gulf of Riga in 2013.", start="2013-01-01", end="2013-12-31", actors=[])]),
        ("h1", "5. Maritime activities"),
        ("p", [R("E", "On 9-10 of October the Latvian Coast Guard Service took part in the BALEX DELTA "
                 "2012 exercise in the Gulf of Finland.", pre="5.1. ", start="2012-10-09",
                 end="2012-10-10", actors=[CG_LV]),
               "In 2012 the Coast Guard detected 7 illegal oil spills, the total amount was estimated "
               "on 0,9 m3.",
               R("A", "The Freeport of Riga plans to build the reception facility for the sewage of the "
                 "passenger ships at the Eksportosta terminal until 2015.",
                 start="2015-01-01", end="2015-12-31", actors=[FREEPORT])]),
        ("h1", "6. Measures which are foreseen in 2013"),
        ("p", ["In 2013 the Ministry and the subordinated institutions will:"]),
        ("ul", [R("A", "submit to HELCOM the updated information on the implementation of the "
                  "Recommendations before the HOD meeting in June 2013;", start="2013-06-01",
                  end="2013-06-30", actors=[VARAM, HELCOM]),
                R("A", "host in Riga the meeting of the HELCOM HABITAT group in the spring of 2013;",
                  start="2013-03-01", end="2013-05-31", actors=[VARAM]),
                R("A", "start the preparation of the Programme of Measures of the Marine Strategy.",
                  actors=[VARAM])]),
        ("p", ["Contact person: Ms. I. Kalniņa, senior desk officer, Department of Environmental "
               "Protection"]),
    ],
}

# ---------------------------------------------------------------------------------------------
D_RU = {
    "stem": "info_2013_ru_egcc_childrenatrisk",
    "title": "Information of the Russian Federation on the cooperation in the frame of the CBSS Expert "
             "Group for Cooperation on Children at Risk in 2013",
    "period": ("2013-01-01", "2013-12-31"),
    "genre": "report",
    "wrap": 72,
    "numbers": "typed",
    "bullet": "",
    "themes": None,
    "formfeed": True,
    "header": "Unofficial translation",
    "footer": "                                - {page} -",
    "blocks": [
        ("title", "INFORMATION OF THE RUSSIAN FEDERATION"),
        ("sub", "on the cooperation in the frame of the CBSS Expert Group for Cooperation on "
                "Children at Risk in 2013"),
        ("p", ["In accordance with the request of the Children at Risk Unit of the CBSS Secretariat "
               "of 15.11.2013 the Ministry of Education and Sсience of the Russian Federation informs "
               "about the following."]),
        ("h1", "1. Legal framework"),
        ("p", [R("E", "In 2013 year by the Federal Law No 167-FZ of 02.07.2013 were introduced the "
                 "changes into the Family Code concerning the preparation of the persons who wish to "
                 "take the child into the family.", start="2013-07-02", end="2013-07-02", actors=[],
                 themes=["alternative_care"],
                 why={"alternative_care": "words: taking a child into the family (foster care)"}),
               "the school of foster parents is now obligatory for all candidates with exception of "
               "close relatives"]),
        ("h1", "2. Orphans and children left without care of the parents"),
        ("p", ["On the 31.12.2013 in the Russian Federation were registered 84 000 children left "
               "without parental care in the organisations for orphans, that is on 21 % less as in "
               "2011.",
               R("E", "In May of 2013 year in Moscow the Ministry carried out the all-Russian forum of "
                 "the foster families with participation of 1 200 persons from 83 regions.",
                 start="2013-05-01", end="2013-05-31", location="Moscow", actors=[MOES_RU],
                 themes=["alternative_care"], why={"alternative_care": "words: foster families"}),
               R("A", "The Ministry is preparing the draft Resolution of the Government on the "
                 "activities of the organisations for orphans, which establishes the family-type "
                 "conditions of the living of the children.", actors=[MOES_RU],
                 themes=["alternative_care"],
                 why={"alternative_care": "words: organisations for orphans (residential care)"})]),
        ("pb",),
        ("h1", "3. Cooperation with the CBSS"),
        ("p", [R("E", "On 15-16 of April 2013 the representatives of the Ministry and of the Committee "
                 "on Social Policy of St. Petersburg participated in the meeting of the Expert Group "
                 "in Stockholm.", start="2013-04-15", end="2013-04-16", location="Stockholm",
                 actors=[MOES_RU, CSP_SPB, EGCC], themes=["governance"],
                 why={"governance": "words: meeting of the Expert Group"}),
               R("E", "On 24th of October 2013 in St. Petersburg was held the seminar \"Return of the "
                 "unaccompanied and trafficked children: practice of the cooperation\" organised by the "
                 "Committee on Social Policy with support of the Children at Risk Unit.",
                 start="2013-10-24", end="2013-10-24", location="St. Petersburg",
                 actors=[CSP_SPB, UNIT], themes=["migration", "trafficking"],
                 why={"migration": "words: return of unaccompanied children",
                      "trafficking": "words: trafficked children"}),
               "In the seminar took part 45 specialists of police, guardianship bodies and shelters "
               "from St. Petersburg, Leningrad region, Finland and Estonia.",
               "The participants noted that the return of the children from the Nordic countries is "
               "taking too much time because of the absence of direct contacts between the services."]),
        ("p", ["In 2013 the contact person of the Ministry dealt with 11 cases of return of children "
               "to the Russian Federation, 6 of them from Finland and 3 from Norway."]),
        ("h1", "4. Plans for 2014"),
        ("p", [R("A", "In 2014 the Ministry plans to hold in Kaliningrad the joint seminar with the "
                 "Children at Risk Unit about the children of the migrants and the children without "
                 "documents.", start="2014-01-01", end="2014-12-31", actors=[MOES_RU, UNIT],
                 themes=["migration"], why={"migration": "words: children of migrants"}),
               R("A", "The Russian Federation will take part in the project of the Unit on the Barnahus "
                 "(\"PROMISE\") with the specialists of the Investigative Committee, if the financing of "
                 "the trips will be found.", actors=[RU, UNIT, ICRF],
                 themes=["child_friendly_justice"], why={"child_friendly_justice": "words: Barnahus"}),
               R("A", "The Ministry shall appoint the new contact person for the network on the "
                 "unaccompanied and trafficked children until 1 March 2014, because Ms. O. Smirnova is "
                 "leaving the Ministry.", start="2014-03-01", end="2014-03-01", actors=[MOES_RU],
                 themes=["governance", "migration", "trafficking"],
                 why={"governance": "words: contact person of the network",
                      "migration": "words: unaccompanied children",
                      "trafficking": "words: trafficked children"}),
               R("A", "The Committee on Social Policy of St. Petersburg has offered to host the meeting "
                 "of the Expert Group in autumn 2014.", start="2014-09-01", end="2014-11-30",
                 actors=[CSP_SPB, EGCC], optional=True, themes=["governance"],
                 why={"governance": "words: hosting the Expert Group meeting"})]),
        ("p", ["It is considered that the cooperation in the frame of the Expert Group is useful, in "
               "particular the exchange of information about the individual cases."]),
        ("p", ["Director of the Departament of state policy in sphere of protection of children's "
               "rights                N. V. Kuznetsova"]),
    ],
}

if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    build([D_GRETA, D_HELCOM, D_RU], here, "written for planscope (a26_nationalcontributions)",
          docx_stems=("reply_2013_lt_greta_questionnaire", "countryrep_2012_lv_helcom_bsap"))
