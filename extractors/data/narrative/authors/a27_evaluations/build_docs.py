"""Build docs/, expected/, manifest.csv and docs_docx/ of a27_evaluations (run from this folder).

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

IOM = ["IOM", "International Organization for Migration", "IOM offices in Tallinn, Riga and Vilnius"]
NCM = ["Nordic Council of Ministers", "NCM"]
EVAL = ["evaluators", "evaluation team", "independent consultants", "two independent consultants"]
GOV_LT = ["Government of Lithuania", "Lithuania", "Lithuanian Government"]
MOW_LV = ["Latvian Ministry of Welfare", "Ministry of Welfare of Latvia", "Ministry of Welfare"]
NPOL = ["police in the Nordic countries", "Nordic police"]
TASK = ["Nordic-Baltic Task Force", "Nordic-Baltic Task Force against Trafficking in Human Beings",
        "Task Force"]
FMO = ["Financial Mechanism Office", "FMO"]
MSSL = ["Ministry of Social Security and Labour", "Lithuanian Ministry of Social Security and Labour",
        "Ministry", "programme operator"]
MIN_LT = ["Minister of Social Security and Labour", "Ministry of Social Security and Labour",
          "Lithuanian Ministry of Social Security and Labour"]
SELCOM = ["Selection Committee", "programme's Selection Committee"]
COE = ["Council of Europe", "Council of Europe Secretariat"]
SCRPAS = ["State Child Rights Protection and Adoption Service",
          "State Child Rights Protection and Adoption Service under the Ministry of Social Security and Labour"]
COOPC = ["Cooperation Committee", "programme's Cooperation Committee"]
EGCC = ["Expert Group for Cooperation on Children at Risk", "EGCC",
        "CBSS Expert Group for Cooperation on Children at Risk", "WGCC", "Expert Group"]
UNIT = ["Children's Unit", "Children at Risk Unit", "CBSS Children's Unit", "CBSS Secretariat", "Unit"]
CSO = ["Committee of Senior Officials", "CBSS Committee of Senior Officials", "CSO"]
NCF = ["Nobody's Children Foundation", "Polish Nobody's Children Foundation", "Fundacja Dzieci Niczyje"]
MS = ["member states", "CBSS member states"]

# ---------------------------------------------------------------------------------------------
TRAF = {"trafficking": "document: return and reintegration of victims of trafficking"}
RET = {"migration": "words: safe return of victims from the Nordic countries"}
D_IOM = {
    "stem": "eval_2006_iom_reintegration_baltics",
    "title": "Final evaluation of the IOM project \"Return and reintegration of victims of trafficking to "
             "Estonia, Latvia and Lithuania\", January 2004 - June 2006",
    "period": ("2004-01-01", "2006-06-30"),
    "genre": "report",
    "wrap": None,
    "numbers": "auto",
    "bullet": "",
    "themes": TRAF,
    "header": "IOM · Final evaluation · Baltic reintegration project",
    "footer": "Final evaluation, Nov. 2006 – page {page}",
    "tab_widths": [46, 13],
    "docx_col_cm": {3: [9.0, 2.5, 4.5]},
    "blocks": [
        ("title", "Final evaluation of the project \"Return and reintegration of victims of trafficking "
                  "to Estonia, Latvia and Lithuania\""),
        ("sub", "January 2004 – June 2006 · Report to the Nordic Council of Ministers"),
        ("h1", "Executive summary"),
        ("p", ["The project was implemented by the International Organization for Migration (IOM) and "
               "funded by the Nordic Council of Ministers with DKK 3.9 million.",
               "Its aim was to help victims of trafficking return safely from the Nordic countries and "
               "to give them at least six months of reintegration support at home.",
               R("E", "Over the two and a half years IOM assisted 87 women and 9 children to return from "
                 "Denmark, Finland, Norway and Sweden.", actors=[IOM], themes=["migration"], why=RET),
               "The evaluation found the project highly relevant and largely effective, but its results "
               "will not last unless the governments take over the services."]),
        ("h1", "1. Methodology"),
        ("p", ["The evaluation was commissioned by the Nordic Council of Ministers and carried out by "
               "two independent consultants between August and October 2006.",
               R("E", "The evaluators visited Tallinn, Riga and Vilnius from 11 to 22 September 2006 and "
                 "met IOM staff, police, social services and shelter NGOs.", start="2006-09-11", end="2006-09-22", actors=[EVAL]),
               "Interviews were held with 46 persons, among them nine of the assisted women [1].",
               "A questionnaire was sent to the Nordic partners; 11 of 17 replied.",
               R("E", "A validation workshop with IOM and the Nordic partners was held in Copenhagen on "
                 "30 October 2006.", start="2006-10-30", end="2006-10-30", location="Copenhagen",
                 actors=[IOM])]),
        ("fn", "[1] No assisted person in Estonia agreed to be interviewed."),
        ("h1", "2. The project and its activities"),
        ("p", [R("E", "The project started in January 2004 with a kick-off meeting of IOM and the Nordic "
                 "partners in Stockholm.", start="2004-01-01", end="2004-01-31", location="Stockholm",
                 actors=[IOM]),
               R("E", "In the first half of 2004 IOM signed cooperation agreements with 14 NGOs and "
                 "shelters in the Nordic and Baltic countries.", start="2004-01-01", end="2004-06-30",
                 actors=[IOM]),
               R("E", "A training seminar for 35 social workers from the three Baltic states was held in "
                 "Riga on 29-30 November 2004.", start="2004-11-29", end="2004-11-30", location="Riga",
                 actors=[]),
               ]),
        ("p", [R("E", "In October 2005 the project held a regional conference on reintegration in "
                 "Vilnius, opened by the Lithuanian Minister of Social Security and Labour.",
                 start="2005-10-01", end="2005-10-31", location="Vilnius", actors=[IOM]),
               R("E", "Lithuania adopted its programme for the prevention and control of trafficking in "
                 "human beings for 2005-2008 in the same year.", actors=[GOV_LT]),
               "Table 1: outputs planned and achieved."]),
        ("tab", ["Output", "Planned", "Achieved"],
         [[R("E", "Assisted returns from the Nordic countries", actors=[IOM], optional=True,
             themes=["migration"], why=RET), "120 persons", "96 persons"],
          [R("E", "Training seminars for shelter staff", actors=[], optional=True), "3",
           "2 (Riga, Tartu)"],
          [R("E", "Regional conference on reintegration", start="2005-10-01", end="2005-10-31",
             location="Vilnius", actors=[], optional=True), "1", "1 (Vilnius, Oct. 2005)"],
          [R("A", "Reintegration handbook in four languages",
             start="2006-12-01", end="2006-12-31", actors=[]), "1", "postponed to December 2006"],
          ["Russian-language hotline for victims abroad", "1", "not achieved"]]),
        ("pb",),
        ("h1", "3. Findings"),
        ("h2", "Relevance"),
        ("p", ["The evaluation found that the project filled a real gap: before 2004 victims coming back "
               "from the Nordic countries were usually met by nobody at the airport or the ferry."]),
        ("h2", "Effectiveness"),
        ("p", ["Stakeholders interviewed noted that cooperation with the Nordic police was good, but "
               "that the Baltic police were seldom told about a return in advance."]),
        ("h2", "Efficiency"),
        ("p", ["staff costs were 58 % of the budget, which is reasonable for the Nordic price level"]),
        ("h2", "Sustainability"),
        ("p", [R("A", "The Latvian Ministry of Welfare is preparing a regulation on state-funded social "
                 "rehabilitation for victims of trafficking, which it plans to adopt in 2007.",
                 start="2007-01-01", end="2007-12-31", actors=[MOW_LV])]),
        ("h1", "4. Lessons learned"),
        ("p", ["Returns work best when a named person in the home country is in contact with the victim "
               "before the journey."]),
        ("h1", "5. Recommendations"),
        ("ul", [R("A", "Recommendation 1: IOM should extend the reintegration support to twelve months "
                  "for every assisted person who wants it.", actors=[IOM]),
                R("A", "Recommendation 2: The Nordic Council of Ministers should fund a second phase of "
                  "two years, on condition that the Baltic governments take over at least half of the "
                  "shelter costs by 2009.", start="2009-01-01", end="2009-12-31", actors=[NCM]),
                R("A", "Recommendation 3: The police in the Nordic countries should inform the Baltic "
                  "police and IOM at least 48 hours before a return.", actors=[NPOL, IOM],
                  themes=["migration"], why=RET),
                R("A", "Recommendation 4: develop a common reintegration plan form for the three "
                  "countries.", actors=[])]),
        ("h1", "6. Management response (IOM, 20 November 2006)"),
        ("p", ["Recommendation 1: Accepted.",
               R("A", "IOM will extend the support to twelve months for all new cases from January 2007, "
                 "within the remaining budget.", start="2007-01-01", end="2007-01-31", actors=[IOM]),
               "Recommendation 2 is addressed to the donor."]),
        ("p", ["Recommendation 3: Accepted.",
               R("A", "IOM will raise the matter at the meeting of the Nordic-Baltic Task Force in Oslo "
                 "in March 2007.", start="2007-03-01", end="2007-03-31", actors=[IOM, TASK]),
               "Recommendation 4: Accepted.",
               R("A", "The form will be ready by June 2007.", start="2007-06-01", end="2007-06-30",
                 actors=[])]),
    ],
}

# ---------------------------------------------------------------------------------------------
EI = {"early_intervention": "document: day centres and services for children and families at risk"}
D_LT = {
    "stem": "midterm_2015_eeagrants_childrenyouth_lithuania",
    "title": "Mid-term evaluation of the EEA Grants programme LT04 \"Children and Youth at Risk\" "
             "(Lithuania), 2013 - June 2015",
    "period": ("2013-01-01", "2015-06-30"),
    "genre": "report",
    "wrap": 80,
    "numbers": "typed",
    "bullet": "- ",
    "caps_h1": True,
    "themes": EI,
    "header": "LT04 mid-term evaluation",
    "footer": "Final report, September 2015                                      page {page}",
    "docx_col_cm": {3: [9.0, 2.5, 4.5]},
    "blocks": [
        ("title", "MID-TERM EVALUATION"),
        ("sub", "EEA Grants 2009-2014 · Programme LT04 \"Children and Youth at Risk\" (Lithuania)"),
        ("sub", "Final report, September 2015, for the Ministry of Social Security and Labour"),
        ("h1", "1. Summary"),
        ("p", ["The programme supports children's day centres and services for families at risk in "
               "Lithuanian municipalities, with EUR 9.5 million from the EEA Grants and 15 % national "
               "co-financing.",
               "The Ministry of Social Security and Labour is the programme operator, with the Council of "
               "Europe and the Norwegian Directorate for Children, Youth and Family Affairs as "
               "partners.",
               "Overall the evaluators found the programme relevant and on track, with one exception: "
               "the predefined project on foster care."]),
        ("h1", "2. Method"),
        ("p", ["The evaluation team, two consultants from Vilnius and one from Oslo, worked from March to "
               "June 2015.",
               "It reviewed the programme agreement, the 41 project contracts and the monitoring data, "
               "and sent a survey to all project promoters (35 replies).",
               R("E", "Field visits were made to day centres in Alytus, Panevezys, Visaginas and Skuodas "
                 "district on 13-17 April 2015.", start="2015-04-13", end="2015-04-17", actors=[]),
               "interviews were held with 52 persons, including 19 children and young people who attend "
               "the centres"]),
        ("h1", "3. Progress"),
        ("p", [R("E", "The programme agreement was signed with the Financial Mechanism Office on 3 April "
                 "2013.", start="2013-04-03", end="2013-04-03", actors=[FMO]),
               R("E", "The first open call, for children's day centres, was launched on 2 December 2013 "
                 "and closed on 3 March 2014.", start="2013-12-02", end="2014-03-03", actors=[]),
               R("E", "In June 2014 the Selection Committee approved 38 projects in 33 municipalities.",
                 start="2014-06-01", end="2014-06-30", actors=[SELCOM]),
               R("E", "A seminar on child participation for the project promoters was organised with the "
                 "Council of Europe in Vilnius on 24-25 September 2014.", start="2014-09-24",
                 end="2014-09-25", location="Vilnius", actors=[COE], themes=["child_rights"],
                 why={"child_rights": "words: child participation"}),
               R("E", "Study visits to child welfare services in Bergen and Kristiansand took place in "
                 "March 2015 for 22 promoters and municipal staff.", start="2015-03-01",
                 end="2015-03-31", actors=[])]),
        ("p", ["by the end of June the centres were open to 2,310 children, against a target of 2,000.",
               R("A", "The predefined project on foster care, run by the State Child Rights Protection "
                 "and Adoption Service, is behind schedule: the training of foster parents is now to "
                 "start in November 2015.", start="2015-11-01", end="2015-11-30", actors=[SCRPAS],
                 themes=["alternative_care"], why={"alternative_care": "words: foster care"})]),
        ("p", ["Table 2. Outputs, targets and results as of 30.6.2015"]),
        ("tab", ["Output", "Target", "Achieved"],
         [[R("E", "Children's day centres renovated or equipped", actors=[], optional=True), "40", "36"],
          [R("E", "Day-centre staff trained", actors=[], optional=True), "400", "452"],
          ["Foster parents trained (predefined project)", "150", "0"],
          [R("A", "National conference on day centres", start="2016-01-01", end="2016-12-31",
             actors=[]), "1", "planned for 2016"]], "tsv"),
        ("h1", "4. Findings"),
        ("p", [R("E", "In February 2014 the Minister of Social Security and Labour approved the action "
                 "plan for the transition from institutional care to community-based services for "
                 "2014-2020.", start="2014-02-01", end="2014-02-28", actors=[MIN_LT],
                 themes=["alternative_care"], why={"alternative_care": "words: transition from "
                                                                        "institutional care"}),
               "The evaluators consider the programme fully in line with this plan, since the day "
               "centres help to keep children in their families.",
               "Promoters said the reporting forms were clear but that payments came late, in some cases "
               "after four months."]),
        ("p", ["Only 11 of the 33 municipalities have so far promised to fund their centres after April "
               "2016, when the grants end."]),
        ("pb",),
        ("h1", "5. Recommendations"),
        ("ul", [R("A", "the programme operator should ask every municipality for a written commitment to "
                  "run the centre until at least 2021;", actors=[MSSL]),
                R("A", "the State Child Rights Protection and Adoption Service should recruit a full-time "
                  "coordinator for the foster care project;", actors=[SCRPAS],
                  themes=["alternative_care"], why={"alternative_care": "words: foster care"}),
                R("A", "the Cooperation Committee should consider moving EUR 300,000 from the foster care "
                  "project to a second call for small projects;", actors=[COOPC]),
                R("A", "promoters should involve the children in planning the activities of the "
                  "centres.", actors=[], themes=["child_rights"],
                  why={"child_rights": "words: involve the children in planning"})]),
        ("h1", "6. Management response"),
        ("p", ["The programme operator accepts recommendations 1, 2 and 4.",
               R("A", "The Ministry will send a letter on the municipalities' commitments to all mayors "
                 "by 1 November 2015.", start="2015-11-01", end="2015-11-01", actors=[MSSL]),
               "Recommendation 3 is not accepted, since the foster care project has now started to "
               "recruit trainers.",
               R("A", "The Cooperation Committee will review progress at its meeting in Oslo in February "
                 "2016.", start="2016-02-01", end="2016-02-29", actors=[COOPC])]),
    ],
}

# ---------------------------------------------------------------------------------------------
GOV = {"governance": "words: the Group's priorities, meetings, work plan or budget"}
D_CBSS = {
    "stem": "assessment_2014_cbss_egcc_priorities",
    "title": "Assessment of the implementation of the EGCC priorities 2012-2014: report to the Committee "
             "of Senior Officials, September 2014",
    "period": ("2012-01-01", "2014-06-30"),
    "genre": "report",
    "wrap": 72,
    "numbers": "typed",
    "bullet": "  - ",
    "formfeed": True,
    "themes": None,
    "header": "CBSS / EGCC - Assessment of the priorities 2012-2014 - restricted",
    "footer": "EGCC assessment, Sept. 2014                                 page {page}",
    "blocks": [
        ("title", "ASSESSMENT OF THE IMPLEMENTATION OF THE EGCC PRIORITIES 2012-2014"),
        ("sub", "Submitted to the CSO and to the EGCC by the external consultant"),
        ("h1", "I. Introduction"),
        ("p", [R("E", "The Expert Group for Cooperation on Children at Risk adopted its priorities for "
                 "2012-2014 at its meeting in Stockholm in November 2011.", start="2011-11-01",
                 end="2011-11-30", location="Stockholm", actors=[EGCC], themes=["governance"], why=GOV),
               "The priorities are children in alternative care, sexual exploitation and abuse, "
               "including online, and unaccompanied and trafficked children.",
               "This assessment was prepared by an external consultant at the request of the CSO.",
               "It is based on the Unit's activity reports, a questionnaire to the members (10 of 11 "
               "replied) and interviews in Stockholm, Riga and Warsaw [1]."]),
        ("fn", "[1] Norway did not return the questionnaire; its member was interviewed by telephone."),
        ("h1", "II. Activities carried out"),
        ("p", [R("E", "In 2012 the Children's Unit organised an expert meeting on young people leaving "
                 "care in Tallinn, 8-9 May.", start="2012-05-08", end="2012-05-09", location="Tallinn",
                 actors=[UNIT], themes=["alternative_care"],
                 why={"alternative_care": "words: young people leaving care"}),
               R("E", "A regional seminar on the sexual abuse of children online was held in Warsaw on "
                 "October 11th 2012 together with the Nobody's Children Foundation.",
                 start="2012-10-11", end="2012-10-11", location="Warsaw", actors=[NCF],
                 themes=["sexual_exploitation", "online_exploitation"],
                 why={"sexual_exploitation": "words: sexual abuse of children",
                      "online_exploitation": "words: online"}),
               R("E", "In 2013 the Unit ran training for 120 staff of reception centres in Latvia, "
                 "Lithuania and Poland on identifying trafficked children.", start="2013-01-01",
                 end="2013-12-31", actors=[UNIT], themes=["trafficking", "migration"],
                 why={"trafficking": "words: trafficked children",
                      "migration": "words: staff of reception centres"}),
               R("E", "the Expert Group met four times in the period, twice in Stockholm and once each in "
                 "Riga and Helsinki", actors=[EGCC], themes=["governance"], why=GOV),
               ]),
        ("p", [R("E", "A study on the monitoring of residential care institutions in the region was "
                 "published in March 2014.", start="2014-03-01", end="2014-03-31", actors=[],
                 themes=["alternative_care"], why={"alternative_care": "words: residential care "
                                                                        "institutions"}),
               "The planned handbook on child-friendly interviews was not produced."]),
        ("h1", "III. Findings"),
        ("p", ["The members consider the priorities relevant, and most find the work on unaccompanied "
               "and trafficked children the most useful.",
               "less was done on sexual exploitation than planned, as the project proposal to the "
               "Swedish Institute was turned down in 2013 and the Unit had no other funds for it",
               "The Unit has two staff members and depends on project money for nearly all of its "
               "activities.",
               "Several members said they report on the Group's work to their ministries only once a "
               "year."]),
        ("pb",),
        ("h1", "IV. Recommendations"),
        ("p", ["The assessment recommends that:"]),
        ("ul", [R("A", "the Expert Group adopt no more than three priorities for 2015-2017, each with a "
                  "lead country;", start="2015-01-01", end="2017-12-31", actors=[EGCC],
                  themes=["governance"], why=GOV),
                R("A", "the Unit prepare a yearly work plan with a budget and present it to the CSO in "
                  "the autumn;", actors=[UNIT, CSO], themes=["governance"], why=GOV),
                R("A", "the member states consider a small core budget for the Unit from 2015;",
                  start="2015-01-01", end="2015-12-31", actors=[MS], themes=["governance"], why=GOV),
                R("A", "the Unit and the Group continue the training on the identification of "
                  "trafficked children in Estonia and Finland.", actors=[UNIT, EGCC],
                  themes=["trafficking"], why={"trafficking": "words: trafficked children"})]),
        ("h1", "V. Management response (CBSS Secretariat, 30 September 2014)"),
        ("p", ["Recommendations 1, 2 and 4 are accepted.",
               R("A", "The Unit will present a draft of the priorities for 2015-2017 to the Expert Group "
                 "at its meeting in Vilnius on 3-4 December 2014.", start="2014-12-03",
                 end="2014-12-04", actors=[UNIT, EGCC], themes=["governance"], why=GOV),
               R("A", "The question of a core budget will be put to the CSO in January 2015.",
                 start="2015-01-01", end="2015-01-31", actors=[CSO], themes=["governance"], why=GOV),
               "The Secretariat does not share the finding on reporting to the ministries, which is a "
               "matter for the member states."]),
        ("p", ["Prepared by: Dr. Maria Lindqvist, independent consultant"]),
    ],
}

if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    build([D_IOM, D_LT, D_CBSS], here, "written for planscope (a27_evaluations)",
          docx_stems=("eval_2006_iom_reintegration_baltics",
                      "midterm_2015_eeagrants_childrenyouth_lithuania"))
