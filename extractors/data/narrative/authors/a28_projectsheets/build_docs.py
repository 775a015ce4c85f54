"""Build docs/, expected/, manifest.csv and docs_docx/ of a28_projectsheets (run from this folder).

The documents are written by hand as Python data below (records marked inline with R(...));
_render.py (a copy of a24_conferencereports/_render.py, itself a22's; no logic changed) only lays
them out. Edit here and re-run, never the outputs.

/work/main/.venv/bin/python build_docs.py
PDFs: nice -n 10 soffice --headless --convert-to pdf --outdir docs_pdf docs_docx/<stem>.docx
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _render import R, build  # noqa: E402

SHORE = ["SHORECLEAN", "SHORECLEAN project", "project", "partners"]
SYKE = ["Finnish Environment Institute", "SYKE"]
WWF = ["WWF Finland", "WWF"]
EERB = ["Estonian Rescue Board", "Rescue Board"]
MSB = ["Swedish Civil Contingencies Agency", "MSB"]
KFRB = ["Klaipėda County Fire and Rescue Board", "Klaipėda Fire and Rescue Board"]
MC = ["Monitoring Committee", "Monitoring Committee of the Baltic Sea Region Programme"]
SRC = ["Swedish Red Cross", "Swedish Red Cross, Gotland chapter"]
HRG = ["HELCOM Response Group", "HELCOM RESPONSE", "HELCOM"]

NCM_EE = ["Nordic Council of Ministers' Office in Estonia", "Nordic Council of Ministers' Office",
          "Office", "Nordic Council of Ministers"]
NARVA_YC = ["Narva Youth Centre", "Narva Noortekeskus"]
NARVA = ["Narva City Government", "City of Narva", "Narva"]
KOTKA_JOB = ["Kotka Employment Office", "Kotka job centre"]
WCEN = ["Tartu Women's Shelter", "Women's Shelter"]
NOVA = ["Living for Tomorrow", "NGO Living for Tomorrow"]
KVINNO = ["Kvinnoforum", "Kvinnoforum, Stockholm"]
TARTU_FILM = ["Tartu Film Club Elektriteater", "Elektriteater"]
DFI = ["Danish Film Institute"]
NFI = ["Norwegian Film Institute"]
EEHIA = ["Estonian Temperance Union", "Temperance Union"]
IOGT = ["IOGT-NTO", "IOGT-NTO Sweden"]

UNIT = ["Children at Risk Unit", "CBSS Children at Risk Unit", "Children's Unit",
        "CBSS Secretariat", "Unit", "Council of the Baltic Sea States Secretariat"]
EGCC = ["Expert Group for Cooperation on Children at Risk", "EGCC",
        "CBSS Expert Group for Cooperation on Children at Risk", "WGCC", "Expert Group"]
GUARD = ["GUARD-BSR", "GUARD-BSR project", "project", "partners"]
LV_ORPH = ["State Inspectorate for Protection of Children's Rights",
           "Latvian State Inspectorate for Protection of Children's Rights"]
FI_MIGRI = ["Finnish Immigration Service", "Migri"]
NIDOS = ["Nidos", "Nidos Foundation"]
PSF = ["CBSS Project Support Facility", "Project Support Facility", "PSF"]
SI = ["Swedish Institute", "SI"]

# ---------------------------------------------------------------------------------------------
D_SHORE = {
    "stem": "factsheet_2012_interreg_shoreclean",
    "title": "SHORECLEAN - Shoreline oil spill response with trained volunteers (Interreg IV B Baltic "
             "Sea Region 2007-2013): project fact sheet, October 2012",
    "period": ("2011-01-01", "2013-12-31"),
    "genre": "news",
    "wrap": None,
    "numbers": "auto",
    "bullet": "",
    "themes": None,
    "header": "Baltic Sea Region Programme 2007-2013 · Project fact sheet",
    "footer": "Part-financed by the European Union (European Regional Development Fund) · page {page}",
    "tab_widths": [28, 60],
    "docx_col_cm": {2: [4.0, 12.0]},
    "blocks": [
        ("title", "SHORECLEAN"),
        ("sub", "Volunteers for oil spill response on the shore – fact sheet, updated October 2012"),
        ("tab", ["Project title", "SHORECLEAN – Shoreline oil spill response with trained volunteers"],
         [["Priority", "2: Management of the Baltic Sea as a common resource"],
          ["Lead partner", "Finnish Environment Institute (SYKE), Helsinki"],
          ["Partners", "WWF Finland; Estonian Rescue Board; Swedish Civil Contingencies Agency (MSB); "
                       "Gdańsk University of Technology; Klaipėda County Fire and Rescue Board; "
                       "Swedish Red Cross, Gotland chapter"],
          ["Duration", "1 January 2011 – 31 December 2013"],
          ["Total budget", "EUR 2,460,000"],
          ["Funding source", "ERDF EUR 1,790,000; national co-financing EUR 670,000"],
          ["Contact", "Ms. Riikka Salonen, project manager, SYKE (riikka.salonen@ymparisto.fi)"]]),
        ("h1", "Background"),
        ("p", ["A large oil spill in the Baltic would reach the shore within days, and the cleaning "
               "of a polluted coast can take months.",
               "In the winter of 2006 some 3,000 volunteers turned up on the beaches of the Gulf of "
               "Finland after a small spill, but noone had trained them and there was no protective "
               "equipment for them [1].",
               "SHORECLEAN brings together rescue services, environmental authorities and NGOs to make "
               "volunteers a planned part of oil spill response."]),
        ("fn", "[1] Figure from the WWF Finland report \"Oil on the rocks\" (2007)."),
        ("h1", "Objectives"),
        ("ul", ["to prepare the rescue services of five countries to lead volunteers safely on a "
                "polluted shore;",
                "to protect sensitive shores and wildlife during the clean-up",
                "to reduce the cost of shoreline response."]),
        ("h1", "Main activities"),
        ("ul", [R("A", "mapping of sensitive shores and of sites for temporary storage of oily waste "
                  "in five countries;", actors=[]),
                R("A", "a common training curriculum for volunteer leaders, tested in Finland, Estonia "
                  "and Lithuania;", actors=[]),
                R("A", "three regional shore clean-up exercises with volunteers;", actors=[]),
                R("A", "a handbook for municipal rescue services on working with volunteers, in six "
                  "languages.", actors=[])]),
        ("h1", "Achievements to date"),
        ("p", [R("E", "The kick-off meeting took place in Helsinki on 9-10 February 2011.",
                 start="2011-02-09", end="2011-02-10", location="Helsinki", actors=[]),
               R("E", "WWF Finland trained 260 volunteers in Finnish coastal towns in 2011-2012, and "
                 "the best 40 of them took a further course as volunteer leaders.",
                 start="2011-01-01", end="2012-12-31", actors=[WWF]),
               R("E", "In June 2012 the Monitoring Committee approved the Swedish Red Cross, Gotland "
                 "chapter, as a new partner.", start="2012-06-01", end="2012-06-30",
                 actors=[MC, SRC])]),
        ("p", [R("E", "The first regional exercise was held near Kuressaare on June 6th, 2012 with 140 "
                 "volunteers from Estonia and Finland.", start="2012-06-06", end="2012-06-06",
                 location="Kuressaare", actors=[]),
               "the volunteers cleaned a 2 km stretch of shore polluted with sunflower oil, which was "
               "used instead of crude oil",
               R("E", "Maps of sensitive shores for the Finnish and Estonian coasts were completed in "
                 "May 2012 and handed over to the regional rescue services.",
                 start="2012-05-01", end="2012-05-31", actors=[])]),
        ("pb",),
        ("h1", "Next steps"),
        ("p", [R("A", "The second exercise will take place in Klaipėda in May 2013, hosted by the "
                 "Klaipėda County Fire and Rescue Board.", start="2013-05-01", end="2013-05-31",
                 actors=[KFRB]),
               R("A", "Gdańsk University of Technology is mapping the Polish coast from Hel to Łeba "
                 "and will deliver the maps by March 2013.", start="2013-03-01", end="2013-03-31",
                 actors=[["Gdańsk University of Technology"]]),
               R("A", "Volunteer training in Sweden will be financed by MSB with SEK 400,000 outside "
                 "the project budget.", funding="SEK 400,000", actors=[MSB]),
               R("A", "The handbook is to be presented to the HELCOM Response Group in the autumn of "
                 "2013.", start="2013-09-01", end="2013-11-30", actors=[SHORE, HRG])]),
        ("h1", "Results in figures"),
        ("tab", ["Indicator", "Target / achieved (Sept. 2012)"],
         [["Volunteers trained", "600 / 260"],
          ["Volunteer leaders trained", "90 / 40"],
          ["Km of shore mapped", "4,000 / 2,350"],
          ["Exercises held", "3 / 1"]]),
        ("p", ["More information: www.shoreclean.eu · Follow us on Facebook"]),
    ],
}

# ---------------------------------------------------------------------------------------------
D_NCM = {
    "stem": "catalogue_2006_ncm_estonia_projects",
    "title": "Nordic Council of Ministers' Office in Estonia: projects supported in 2006 (catalogue)",
    "period": ("2006-01-01", "2006-12-31"),
    "genre": "report",
    "wrap": 78,
    "numbers": "auto",
    "bullet": "",
    "caps_h1": True,
    "themes": None,
    "header": "NCM Office in Estonia · Project catalogue 2006 · Tallinn",
    "footer": "Tallinn, January 2007                                             page {page}",
    "tab_widths": [18, 60],
    "docx_col_cm": {2: [4.0, 12.0]},
    "blocks": [
        ("title", "Projects supported in 2006"),
        ("sub", "Co-operation programmes of the Nordic Council of Ministers with Estonia"),
        ("p", ["The Office supports co-operation between Estonian and Nordic partners in the fields "
               "of culture, social affairs, youth and the labour market.",
               R("E", "In 2006 the Office granted EEK 4.7 million to 38 projects, four of which are "
                 "presented on the following pages.", start="2006-01-01", end="2006-12-31",
                 actors=[NCM_EE], funding="EEK 4.7 million"),
               "The texts were written by the project leaders and edited by the Office."]),
        ("h1", "1. Youth jobs in Narva"),
        ("tab", ["Project no.", "2006-07"],
         [["Applicant", "Narva Youth Centre"],
          ["Nordic partner", "Kotka Employment Office, Finland"],
          ["Grant", "EEK 420,000"],
          ["Period", "March 2006 – June 2007"]]),
        ("p", ["Almost one in three young people in Narva is without work, and many speak no Estonian.",
               R("E", "A job club for unemployed young people opened at the Narva Youth Centre on 3 "
                 "April.", start="2006-04-03", end="2006-04-03", location="Narva",
                 actors=[NARVA_YC]),
               R("E", "Twelve youth workers from Narva took part in a study visit to the Kotka "
                 "Employment Office on May 15th to 17th.", start="2006-05-15", end="2006-05-17",
                 actors=[KOTKA_JOB]),
               R("A", "In spring 2007 the club will organise work practice for 40 young people with "
                 "local companies, with language courses in Estonian.", start="2007-03-01",
                 end="2007-05-31", actors=[])]),
        ("h1", "2. Information campaign against trafficking in women"),
        ("tab", ["Project no.", "2006-15"],
         [["Applicant", "Living for Tomorrow, Tallinn"],
          ["Nordic partner", "Kvinnoforum, Stockholm"],
          ["Grant", "EEK 310,000"]]),
        ("p", ["Young women who look for work abroad through newspaper ads are at risk of being "
               "trafficked for sexual exploitation.",
               R("E", "Living for Tomorrow ran a poster and radio campaign in Tallinn, Tartu and "
                 "Ida-Viru county in September and October 2006.", start="2006-09-01",
                 end="2006-10-31", actors=[NOVA], themes=["trafficking"],
                 why={"trafficking": "section: campaign against trafficking in women"}),
               R("E", "Teachers of 25 vocational schools were trained in using the campaign materails "
                 "at a seminar in Tartu, 29-30 August.", start="2006-08-29", end="2006-08-30",
                 location="Tartu", actors=[], themes=["trafficking"],
                 why={"trafficking": "section: campaign against trafficking in women"}),
               "the hotline of the organisation received 214 calls during the campaign, against "
               "about 60 in an ordinary two-month period",
               R("A", "Kvinnoforum and Living for Tomorrow intend to apply to the EU Daphne programme "
                 "for a follow-up project in 2007.", start="2007-01-01", end="2007-12-31",
                 actors=[KVINNO, NOVA], themes=["trafficking"],
                 why={"trafficking": "section: campaign against trafficking in women"})]),
        ("pb",),
        ("h1", "3. Nordic Film Days in Tartu"),
        ("p", ["Applicant: Tartu Film Club Elektriteater. Grant: EEK 150,000.",
               R("E", "The third Nordic Film Days were held in Tartu from 9 to 12 November with 22 "
                 "films from five Nordic countries.", start="2006-11-09", end="2006-11-12",
                 location="Tartu", actors=[TARTU_FILM]),
               "Film prints were lent by the Danish and Norwegian film institutes.",
               R("A", "The festival is to travel to Pärnu and Viljandi in 2007.", start="2007-01-01",
                 end="2007-12-31", actors=[])]),
        ("h1", "4. Alcohol-free youth parties"),
        ("p", ["Applicant: Estonian Temperance Union. Nordic partner: IOGT-NTO, Sweden. Grant: "
               "EEK 260,000.",
               "Surveys show that Estonian pupils start drinking alcohol earlier than their Nordic "
               "peers.",
               R("E", "A first training weekend was held at the IOGT-NTO course centre in "
                 "Tollare, Sweden, in December.", start="2006-12-01", end="2006-12-31",
                 location="Tollare", actors=[IOGT]),
               "Activities planned for 2007:"]),
        ("ul", [R("A", "training of 30 young volunteers as organisers of alcohol-free parties in "
                  "their home towns;", actors=[]),
                R("A", "a summer camp for the volunteers in July 2007;", start="2007-07-01",
                  end="2007-07-31", actors=[]),
                R("A", "a web page with ideas and rules for parties without alcohol.", actors=[])]),
        ("h1", "Applications for 2007"),
        ("p", [R("A", "The Office will publish its call for 2007 on 15 January 2007, and the deadline for "
                 "applications is 1 March 2007.", start="2007-01-15", end="2007-03-01",
                 actors=[NCM_EE]),
               "Contact: Nordic Council of Ministers' Office in Estonia, Harju 1, 10146 Tallinn, "
               "tel. +372 6 273 100."]),
    ],
}

# ---------------------------------------------------------------------------------------------
MIG = {"migration": "document: guardianship for unaccompanied and separated children"}
D_GUARD = {
    "stem": "factsheet_2018_cbss_guardbsr",
    "title": "GUARD-BSR - Better guardianship for unaccompanied children in the Baltic Sea Region: "
             "project fact sheet (CBSS Children at Risk Unit), May 2018",
    "period": ("2017-09-01", "2019-08-31"),
    "genre": "news",
    "wrap": 72,
    "numbers": "typed",
    "bullet": "",
    "formfeed": True,
    "themes": MIG,
    "header": "CBSS | Children at Risk Unit | project information 2/2018",
    "footer": "GUARD-BSR fact sheet, May 2018                              page {page}",
    "blocks": [
        ("title", "PROJECT FACT SHEET"),
        ("sub", "GUARD-BSR: Better guardianship for unaccompanied children in the Baltic Sea Region"),
        ("ul", ["Lead partner: Council of the Baltic Sea States Secretariat, Children at Risk Unit",
                "Partners: State Inspectorate for Protection of Children's Rights (Latvia); Finnish "
                "Immigration Service; Lithuanian Ministry of Social Security and Labour, Department of Children's Rights; Nidos "
                "(the Netherlands)",
                "Duration: 1 September 2017 - 31 August 2019",
                "Budget: EUR 186,000",
                "Funding: CBSS Project Support Facility EUR 50,000; Swedish Institute SEK 900,000; "
                "own contributions"]),
        ("h1", "1. Why this project"),
        ("p", ["Under EU law every unaccompanied child has the right to a guardian, but the "
               "guardians' training, case load and powers differ a great deal from country to "
               "contry.",
               "In some member states one guardian is responsible for more than 40 children, in "
               "others guardians are volunteers without any training at all",
               "Children who do not trust their guardian are more likely to go missing."]),
        ("h1", "2. What the project does"),
        ("p", [R("A", "GUARD-BSR will map the guardianship systems of the eleven CBSS member states "
                 "and compare them with the EU Fundamental Rights Agency's handbook on "
                 "guardianship.", actors=[GUARD])]),
        ("p", ["Main activities:"]),
        ("ul", [R("A", "a transnational training course for guardians and trainers of guardians, "
                  "held twice;", actors=[]),
                R("A", "a peer review visit to Latvia and one to Finland;", actors=[]),
                R("A", "a set of common minimum standards for guardians, drafted together with "
                  "young people who came as unaccompanied children", actors=[]),
                R("A", "a final conference in Riga in June 2019.", start="2019-06-01",
                  end="2019-06-30", actors=[])]),
        ("h1", "3. Achievements to date"),
        ("p", [R("E", "The kick-off meeting of the partners was held at the CBSS Secretariat in "
                 "Stockholm on 19-20 October 2017.", start="2017-10-19", end="2017-10-20",
                 location="Stockholm", actors=[GUARD]),
               R("E", "The mapping questionnaire was sent to the member states in December 2017, "
                 "and nine of eleven had replied by the end of March.", start="2017-12-01",
                 end="2017-12-31", actors=[]),
               R("E", "The first training course took place in Vilnius on March 6th to 8th, 2018, "
                 "with 31 guardians and social workers from seven countries.",
                 start="2018-03-06", end="2018-03-08", location="Vilnius", actors=[]),
               R("E", "The Expert Group for Cooperation on Children at Risk discussed the first "
                 "results at its meeting in Helsinki on 24 April 2018 and asked the Unit to add "
                 "a chapter on age assessment.", start="2018-04-24", end="2018-04-24",
                 location="Helsinki", actors=[EGCC, UNIT], optional=True,
                 themes=["governance"], why={"governance": "words: Expert Group meeting"})]),
        ("pb",),
        ("h1", "4. Coming up"),
        ("p", [R("A", "The peer review visit to Latvia will take place in Riga and Jelgava in "
                 "September 2018, hosted by the State Inspectorate for Protection of "
                 "Children's Rights.", start="2018-09-01", end="2018-09-30",
                 actors=[LV_ORPH]),
               R("A", "Nidos is to lead the drafting of the minimum standards.", actors=[NIDOS]),
               R("A", "The mapping report will be published on the CBSS website in the autumn of "
                 "2018.", start="2018-09-01", end="2018-11-30", actors=[])]),
        ("p", ["Contact: Ms. Karin Dahlberg, senior adviser, Children at Risk Unit, "
               "karin.dahlberg@cbss.org"]),
        ("p", ["The project is co-funded by the CBSS Project Support Facility and the Swedish "
               "Institute; the content is the sole responsibility of the partners."]),
    ],
}

if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    build([D_SHORE, D_NCM, D_GUARD], here, "written for planscope (a28_projectsheets)",
          docx_stems=("factsheet_2012_interreg_shoreclean", "catalogue_2006_ncm_estonia_projects"))
