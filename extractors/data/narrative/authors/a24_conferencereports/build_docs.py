"""Build docs/, expected/, manifest.csv and docs_docx/ of a24_conferencereports (run from this folder).

The documents are written by hand as Python data below (records marked inline with R(...));
_render.py (a copy of a22_projectreports/_render.py) only lays them out. Edit here and re-run,
never the outputs.

/work/main/.venv/bin/python build_docs.py
PDFs: nice -n 10 soffice --headless --convert-to pdf --outdir docs_pdf docs_docx/<stem>.docx
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _render import R, build  # noqa: E402

COE = ["Council of Europe", "Council of Europe Secretariat", "Secretariat",
       "Directorate General of Legal Affairs"]
MOJ_LT = ["Ministry of Justice of Lithuania", "Lithuanian Ministry of Justice", "Ministry of Justice"]
CM = ["Committee of Ministers", "Committee of Ministers of the Council of Europe"]
EFRJ = ["European Forum for Restorative Justice",
        "European Forum for Victim-Offender Mediation and Restorative Justice"]
HELCOM = ["HELCOM", "Helsinki Commission", "HELCOM Secretariat"]
UBC = ["Union of the Baltic Cities", "UBC", "UBC Environment Commission"]
TURKU = ["City of Turku", "Turku"]
VODO = ["Vodokanal of St. Petersburg", "Vodokanal", "Vodokanal of St Petersburg"]
NEFCO = ["Nordic Environment Finance Corporation", "NEFCO"]
NIB = ["Nordic Investment Bank", "NIB"]
EIB = ["European Investment Bank", "EIB"]
HOD = ["HELCOM Heads of Delegation", "Heads of Delegation", "HOD"]
CPS = ["HELCOM Contracting Parties", "Contracting Parties", "Contracting Parties of HELCOM"]
UNIT = ["Children at Risk Unit", "CBSS Children at Risk Unit", "Children's Unit",
        "CBSS Secretariat", "Unit"]
EGCC = ["Expert Group for Cooperation on Children at Risk", "EGCC",
        "CBSS Expert Group for Cooperation on Children at Risk", "WGCC", "Expert Group"]
SP_LV = ["State Police of Latvia", "Latvian State Police", "State Police"]
MCE = ["Missing Children Europe"]
CSO = ["Committee of Senior Officials", "CBSS Committee of Senior Officials", "CSO"]

# ---------------------------------------------------------------------------------------------
YO = {"young_offenders": "document: alternatives to custody for juvenile offenders"}
D_VILNIUS = {
    "stem": "confrep_2004_coe_juvenilejustice_vilnius",
    "title": "Seminar on alternatives to custody for juvenile offenders, Vilnius, 14-15 October 2004: "
             "summary of proceedings",
    "period": ("2004-10-14", "2004-10-15"),
    "genre": "report",
    "wrap": None,
    "numbers": "auto",
    "bullet": "",
    "themes": YO,
    "header": "Council of Europe · DG-I/JJ (2004) 7 rev",
    "footer": "Vilnius seminar 2004 – page {page}",
    "tab_widths": [10, 14],
    "docx_col_cm": {3: [2.2, 2.8, 11.0]},
    "blocks": [
        ("title", "Seminar on alternatives to custody for juvenile offenders"),
        ("sub", "Vilnius, 14-15 October 2004 – Summary of proceedings and conclusions"),
        ("h1", "Introduction"),
        ("p", [R("E", "The Council of Europe and the Lithuanian Ministry of Justice held a seminar on "
                 "alternatives to custody for juvenile offenders in Vilnius on 14-15 October 2004.",
                 start="2004-10-14", end="2004-10-15", location="Vilnius", actors=[COE, MOJ_LT]),
               "It was the third seminar in a series on juvenile justice in the countries around the "
               "Baltic Sea, following those in Riga (2002) and Warsaw (2003).",
               "Fifty-eight judges, prosecutors, police officers, probation and social workers "
               "attended, with experts from seven other member states [1]."]),
        ("p", [R("E", "Recommendation Rec(2003)20 of the Committee of Ministers concerning new ways of "
                 "dealing with juvenile delinquency was adopted on 24 September 2003.",
                 start="2003-09-24", end="2003-09-24", actors=[CM]),
               ]),
        ("fn", "[1] Estonia, Finland, Latvia, the Netherlands, Norway, Poland and the United Kingdom; "
               "the full list of participants can be obtained from the Secretariat."),
        ("h1", "Opening session"),
        ("p", ["The seminar was opened by the Vice-Minister of Justice of Lithuania, Mr. Gintaras "
               "Rimkus, who welcomed the participants on behalf of the Minister.",
               "He recalled that the new Criminal Code, in force since 1 May 2003, contains a "
               "separate chapter on the criminal responsibility of minors.",
               "Ms. Ingrid Haller of the Council of Europe Secretariat presented the aims of the "
               "seminar and the main principles of Rec(2003)20."]),
        ("h1", "Session 1: Juvenile justice in Lithuania today"),
        ("p", ["In 2003 some 4,100 minors were convicted, and about one in five received a custodial "
               "sentence.",
               "judge Rasa Vaitkiene noted that outside the big cities the courts have few "
               "alternatives to choose from, as probation services exist only in Vilnius, Kaunas and "
               "Klaipeda",
               R("A", "The Ministry of Justice is preparing a draft Law on probation, which it intends "
                 "to submit to the Government in the first half of 2005.",
                 start="2005-01-01", end="2005-06-30", actors=[MOJ_LT])]),
        ("h1", "Session 2: Experience from other member states"),
        ("p", ["Experts from Finland, the Netherlands and England and Wales presented mediation, "
               "community service and intensive supervision schemes.",
               R("E", "A round table on restorative justice was held in the afternoon of 14 October, "
                 "with mediators from Norway and Poland and a representative of the European Forum "
                 "for Restorative Justice.", start="2004-10-14", end="2004-10-14", actors=[EFRJ]),
               ]),
        ("h1", "Study visit"),
        ("p", [R("E", "On 15 October the participants visited the Kaunas juvenile remand and "
                 "correction house, where 190 boys were held at the time.",
                 start="2004-10-15", end="2004-10-15", location="Kaunas", actors=[]),
               "Several participants noted that the dormitories still hold up to twenty boys each."]),
        ("h1", "Working groups"),
        ("p", [R("E", "Three working groups met in the afternoon of 15 October to prepare the "
                 "conclusions.", start="2004-10-15", end="2004-10-15", actors=[], optional=True),
               "Group 1 dealt with diversion by the police and prosecutors, group 2 with probation "
               "and community sanctions, and group 3 with conditions in custody."]),
        ("h1", "Conclusions and recommendations"),
        ("p", [R("E", "In the closing session the participants adopted the following conclusions:",
                 actors=[])]),
        ("ul", [R("A", "Custody should be used for juveniles only as a last resort and for the "
                  "shortest possible time.", actors=[]),
                R("A", "Probation services for juveniles should be set up in all counties of "
                  "Lithuania by 2006.", start="2006-01-01", end="2006-12-31", actors=[]),
                R("A", "Police officers, prosecutors and judges dealing with minors should receive "
                  "special training, including in the interviewing of children.", actors=[],
                  themes=["child_friendly_justice"],
                  why={"child_friendly_justice": "words: interviewing of children by police and judges"}),
                R("A", "Mediation between young offenders and their victims should be tried out in "
                  "two pilot districts.", actors=[]),
                R("A", "The Council of Europe should assist Lithuania in drafting the Law on "
                  "probation and in training probation officers.", actors=[COE])]),
        ("h1", "Follow-up"),
        ("p", [R("A", "The Secretariat will publish the proceedings in English and Lithuanian in "
                 "December 2004.", start="2004-12-01", end="2004-12-31", actors=[COE]),
               R("A", "At the request of the Ministry, the Council of Europe will prepare an expert "
                 "opinion on the draft Law on probation by March 2005.",
                 start="2005-03-01", end="2005-03-31", actors=[COE, MOJ_LT]),
               R("A", "The next seminar in the series will take place in Tallinn in spring.",
                 actors=[]),
               "The rapporteur, Dr. Peter Wynne (Cardiff University), thanks the Lithuanian hosts "
               "for the excellent organisation."]),
        ("pb",),
        ("h1", "Annex 1 – Programme"),
        ("tab", ["Day", "Time", "Programme item"],
         [["14 Oct.", "9.00", "Registration of participants"],
          ["14 Oct.", "9.30", "Opening session: welcome addresses"],
          ["14 Oct.", "10.15-12.30", R("E", "Session 1: Juvenile justice in Lithuania today",
                                       start="2004-10-14", end="2004-10-14", actors=[],
                                       optional=True)],
          ["14 Oct.", "12.30", "Lunch"],
          ["14 Oct.", "14.00-15.30", R("E", "Session 2: Experience from other member states",
                                       start="2004-10-14", end="2004-10-14", actors=[],
                                       optional=True)],
          ["14 Oct.", "16.00-17.30", R("E", "Round table: restorative justice for young offenders",
                                       start="2004-10-14", end="2004-10-14", actors=[],
                                       optional=True)],
          ["15 Oct.", "8.30-13.00", R("E", "Study visit to the Kaunas juvenile remand and correction "
                                      "house",
                                      start="2004-10-15", end="2004-10-15", location="Kaunas",
                                      actors=[], optional=True)],
          ["15 Oct.", "14.30-16.00", R("E", "Working groups 1-3", start="2004-10-15",
                                       end="2004-10-15", actors=[], optional=True)],
          ["15 Oct.", "16.30", R("E", "Closing session: reports of the working groups, adoption of "
                                 "conclusions", start="2004-10-15", end="2004-10-15", actors=[],
                                 optional=True)]]),
    ],
}

# ---------------------------------------------------------------------------------------------
D_TURKU = {
    "stem": "confrep_2008_helcom_ubc_wastewater_turku",
    "title": "Conference \"Cities for a clean Baltic\" (HELCOM and Union of the Baltic Cities), Turku, "
             "28-29 August 2008: conference report",
    "period": ("2008-08-28", "2008-08-29"),
    "genre": "report",
    "wrap": 80,
    "numbers": "typed",
    "bullet": "- ",
    "caps_h1": True,
    "themes": None,
    "header": "HELCOM / UBC – Turku 2008",
    "footer": "Conference report                                        page {page}",
    "tab_widths": [18, 20],
    "docx_col_cm": {3: [5.0, 5.0, 4.0]},
    "blocks": [
        ("title", "CITIES FOR A CLEAN BALTIC"),
        ("sub", "Conference on municipal wastewater treatment and the HELCOM Baltic Sea Action Plan"),
        ("sub", "Turku, 28-29 August 2008 – Conference report"),
        ("h1", "1. Background"),
        ("p", ["The HELCOM Baltic Sea Action Plan, which the coastal states and the European "
               "Community adopted in Krakow in November 2007, sets country-wise ceilings for the "
               "nutrient inputs to the sea.",
               R("E", "HELCOM Recommendation 28E/5 on municipal wastewater treatment was adopted at "
                 "the same meeting.", actors=[HELCOM]),
               "It requires towns of more than 10,000 inhabitants to remove at least 90 % of the "
               "phosphorus from their wastewater.",
               ]),
        ("p", [R("E", "To discuss how the cities can meet the new requirements, HELCOM and the Union "
                 "of the Baltic Cities organised a conference in Turku on 28-29 August, hosted by the "
                 "City of Turku.", start="2008-08-28", end="2008-08-29", location="Turku",
                 actors=[HELCOM, UBC, TURKU]),
               "The conference took place in the Turku Concert Hall and was attended by 146 "
               "participants from 41 cities, eleven water utilities, ministries of the environment and "
               "international financing institutions."]),
        ("h1", "2. Opening"),
        ("p", ["The Mayor of Turku, Mr. Juhani Lahtinen, welcomed the participants and said that "
               "Turku itself had only recently decided to build a new regional treatment plant.",
               "Ms. Kirsti Aalto, Professional Secretary at HELCOM, presented the nutrient reduction "
               "targets of the Action Plan."]),
        ("h1", "3. Session I: The state of the sea"),
        ("p", ["Scientists from the Finnish Institute of Marine Research showed that the area of "
               "oxygen-depleted sea bottom has grown strongly since the 1990s.",
               "blue-green algae blooms were again widespread in the Gulf of Finland and the Archipelago "
               "Sea in July, the speakers said, and eutrophication remains the most serious problem "
               "of the Baltic"]),
        ("h1", "4. Session II: Cities and utilities"),
        ("p", ["In the second session, chaired by Mr. Olav Brekke of the UBC Environment Commission, "
               "seven cities presented their treatment plants and investment plans.",
               "The Vodokanal of St. Petersburg reported that 85 % of the city's wastewater was "
               "treated in 2007, against 74 % five years earlier [1].",
               R("A", "Vodokanal is building a new plant for the northern part of the city, which is to "
                 "treat the remaining untreated wastewater from 2011.", start="2011-01-01",
                 end="2011-12-31", actors=[VODO]),
               "Speakers from Kaliningrad, Klaipeda and Daugavpils described how hard it is to pay for "
               "new plants when water tariffs are low.",
               R("E", "A panel discussion on financing with NEFCO, the Nordic Investment Bank and the "
                 "European Investment Bank closed the first day.", actors=[NEFCO, NIB, EIB])]),
        ("p", ["Phosphorus removal in some of the presenting cities, 2007 [1]:"]),
        ("tab", ["City", "Population served", "P removal"],
         [["St. Petersburg", "4,600,000", "62 %"],
          ["Kaliningrad", "430,000", "none"],
          ["Klaipeda", "190,000", "88 %"],
          ["Turku", "250,000", "81 %"]]),
        ("fn", "[1] Figures as given by the speakers; they have not been checked by the organisers."),
        ("h1", "5. Study visit"),
        ("p", [R("E", "On the morning of August 29th the participants visited the construction site of "
                 "the Kakolanmaki regional wastewater treatment plant, which will serve Turku and "
                 "thirteen neighbouring municipalities.", start="2008-08-29", end="2008-08-29",
                 actors=[]),
               "The plant is built inside the rock of Kakolanmaki hill and is expected to remove 95 % "
               "of the phosphorus."]),
        ("h1", "6. Working groups"),
        ("p", [R("E", "In the afternoon of 29 August three working groups met on phosphorus removal, "
                 "sludge management and storm water overflows.", start="2008-08-29",
                 end="2008-08-29", actors=[]),
               ]),
        ("pb",),
        ("h1", "7. Conclusions and recommendations"),
        ("p", ["The participants agreed that cities are key partners in implementing the Baltic Sea "
               "Action Plan.",
               "The conference recommended:"]),
        ("ul", [R("A", "to the Contracting Parties of HELCOM: to give priority to municipal treatment "
                  "plants when they use EU Structural Funds and national investment programmes;",
                  actors=[CPS]),
                R("A", "to the cities: to report their phosphorus removal rates to the UBC Environment "
                  "Commission every year;"),
                R("A", "to HELCOM and UBC: to set up a joint list of wastewater hot spots in cities of "
                  "more than 10,000 inhabitants, to be updated every two years;",
                  actors=[HELCOM, UBC]),
                R("A", "to the financing institutions: to offer small grants for feasibility studies "
                  "in towns below 50,000 inhabitants.")]),
        ("h1", "8. Follow-up"),
        ("p", [R("A", "The conclusions will be presented by the HELCOM Secretariat to the Heads of "
                 "Delegation meeting in December.", start="2008-12-01", end="2008-12-31",
                 actors=[HELCOM, HOD]),
               R("A", "The UBC Environment Commission will collect data on phosphorus removal from its "
                 "member cities and publish a first overview in spring 2009.",
                 start="2009-03-01", end="2009-05-31", actors=[UBC]),
               R("A", "A second conference is planned for Gdansk in autumn 2009.",
                 start="2009-09-01", end="2009-11-30", actors=[]),
               ]),
        ("p", ["Delegations came from the nine coastal states, with Belarus and Norway as observers."]),
    ],
}

# ---------------------------------------------------------------------------------------------
MIG = {"migration": "document: unaccompanied children going missing from reception and care"}
D_RIGA = {
    "stem": "summary_2015_cbss_missingchildren_riga",
    "title": "Expert meeting on unaccompanied children going missing from care, Riga, 24-25 November "
             "2015: summary of proceedings",
    "period": ("2015-11-24", "2015-11-25"),
    "genre": "report",
    "wrap": 72,
    "numbers": "typed",
    "bullet": "  - ",
    "formfeed": True,
    "themes": MIG,
    "header": "CBSS / Children at Risk Unit – expert meeting EM/2015/3 – Riga, November 2015",
    "footer": "Riga expert meeting 24-25 Nov. 2015                           page {page}",
    "blocks": [
        ("title", "SUMMARY OF PROCEEDINGS"),
        ("sub", "Expert meeting: Unaccompanied children going missing from care"),
        ("sub", "Riga, 24-25 November 2015"),
        ("h1", "I. Background and participants"),
        ("p", [R("E", "The Children at Risk Unit of the CBSS Secretariat convened an expert meeting on "
                 "unaccompanied children who go missing from reception and care in Riga on 24-25 "
                 "November 2015, together with the State Police of Latvia and Missing Children "
                 "Europe.", start="2015-11-24", end="2015-11-25", location="Riga",
                 actors=[UNIT, SP_LV, MCE]),
               "In the autumn of 2015 the number of unaccompanied children arriving in the Nordic "
               "countries rose sharply, and reception centres in several member states reported "
               "children disappearing within days of their arrival.",
               "The meeting brought together 47 experts from the police, migration authorities, "
               "child protection services, guardianship bodies and NGOs of ten CBSS member "
               "states [1]."]),
        ("fn", "[1] DK, EE, FI, DE, LV, LT, NO, PL, RU, SE; Iceland sent a written contribution."),
        ("h1", "II. Opening"),
        ("p", ["Ms. Ilze Ozola, State Secretary of the Latvian Ministry of the Interior, opened the "
               "meeting.",
               "She recalled that in September Latvia had agreed to receive 776 asylum seekers under "
               "the EU relocation scheme.",
               "The Head of the Children at Risk Unit presented the Unit's earlier work on "
               "unaccompanied and trafficked children, including the network of contact points set "
               "up in 2002."]),
        ("h1", "III. Sessions"),
        ("p", ["In the first session police officers from Sweden and Denmark described how a report "
               "of a missing child is handled.",
               "A Swedish officer noted that in 2014 nearly 400 unaccompanied children were "
               "registered as missing in Sweden and that most of them were never found",
               R("E", "A round table with guardians and staff of reception centres followed in the "
                 "afternoon of 24 November.", start="2015-11-24", end="2015-11-24", actors=[]),
               "The speakers agreed that the first 72 hours after arrival are the time of highest "
               "risk."]),
        ("p", ["Missing Children Europe presented the results of its SUMMIT project, which collected "
               "cases of missing migrant children in eleven countries.",
               R("E", "On 25 November the participants visited the reception centre for asylum "
                 "seekers in Mucenieki, where four unaccompanied boys were living at the time.",
                 start="2015-11-25", end="2015-11-25", location="Mucenieki", actors=[]),
               "Staff of the centre said that they have no night staff and cannot stop a child from "
               "leaving."]),
        ("pb",),
        ("h1", "IV. Conclusions"),
        ("p", [R("E", "At the end of the meeting the participants agreed on the following "
                 "recommendations to the CBSS member states:", actors=[])]),
        ("ul", [R("A", "register every unaccompanied child on arrival, with a photograph, and share "
                  "the data with the police as soon as the child goes missing;", actors=[]),
                R("A", "appoint a guardian without delay, at the latest within one week of "
                  "arrival;", actors=[]),
                R("A", "treat the disappearance of an unaccompanied child as a possible case of "
                  "trafficking and start an investigation at once;", actors=[],
                  themes=["trafficking"], why={"trafficking": "words: possible case of trafficking"}),
                R("A", "use the 116 000 hotlines for missing children also for children in "
                  "migration;", actors=[]),
                R("A", "designate a contact point for missing migrant children in each member "
                  "state.", actors=[])]),
        ("p", ["Several participants warned that the recommendations will be hard to apply while the "
               "reception systems are overloaded."]),
        ("h1", "V. Follow-up"),
        ("p", [R("A", "The Unit will present the recommendations to the Committee of Senior Officials "
                 "on 9 December.", start="2015-12-09", end="2015-12-09", actors=[UNIT, CSO],
                 themes=["governance"], why={"governance": "words: reporting to the CSO"}),
               R("A", "The Expert Group for Cooperation on Children at Risk will discuss a regional "
                 "project on missing children at its meeting in Stockholm in March 2016.",
                 start="2016-03-01", end="2016-03-31", actors=[EGCC],
                 themes=["governance"], why={"governance": "words: Expert Group meeting"}),
               R("A", "The State Police of Latvia offered to host a training for border guards on "
                 "identifying children at risk in 2016.", start="2016-01-01", end="2016-12-31",
                 actors=[SP_LV], optional=True),
               "This summary was prepared by Mr. Anders Lund, senior adviser in the Unit."]),
    ],
}

if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    build([D_VILNIUS, D_TURKU, D_RIGA], here, "written for planscope (a24_conferencereports)",
          docx_stems=("confrep_2004_coe_juvenilejustice_vilnius",
                      "confrep_2008_helcom_ubc_wastewater_turku"))
