"""Funding as prose states it (extractors/funding.py): a funder named after "funded by", or an
amount in a sentence about paying. Sentences written for these tests."""
import pytest

from extractors.funding import funding_in_text


@pytest.mark.parametrize("sentence, funding", [
    ("The ministers will allocate SEK 2 million to the hotline for the next three years.", "SEK 2 million"),
    ("The Foundation will support each pilot town with EUR 15,000 a year.", "EUR 15,000 a year"),
    ("In 2015 the water utility rebuilt the pumping station, financed by Swiss grants.", "Swiss grants"),
    ("The summer school was funded by the Baltic Development Forum.", "Baltic Development Forum"),
    ("The study, co-financed by the EEA and Norway Grants, began in 2013.", "EEA and Norway Grants"),
    ("A grant of 1.5 million euros was awarded to the consortium in May.", "1.5 million euros"),
    ("The Board approved a budget of NOK 750 000 per year for the secretariat.", "NOK 750 000 per year"),
    ("With support from the Nordic Culture Fund, the festival toured four cities.", "Nordic Culture Fund"),
])
def test_funding_as_stated(sentence, funding):
    assert funding_in_text(sentence) == funding


@pytest.mark.parametrize("sentence", [
    "The entrance fee was EUR 20 and 300 people came.",  # an amount, but nothing pays for the work
    "Ticket sales reached DKK 40 000 in the first week.",
    "The network met in Riga on 4 May 2011.",
    "The programme supports families with small children.",  # paying words, no funder, no amount
])
def test_no_funding(sentence):
    assert funding_in_text(sentence) is None


def test_funder_beats_amount():
    """A sentence naming both: the funder is what the record's funding names."""
    assert funding_in_text("The campaign, funded by the City of Tartu with EUR 8,000, ran in June.") == "City of Tartu"


def test_a_funder_ends_at_its_name():
    """The words that join the funder to what follows stay out, in any case of the name: a full stop
    after the name, "and" before the next clause, "of" before a lower-case word."""
    assert funding_in_text("The course was funded by the Swedish Institute.") == "Swedish Institute"
    assert funding_in_text("The course, funded by the Swedish Institute and run by the Unit, began.") == "Swedish Institute"
    assert funding_in_text("Funded by the Nordic Culture Fund of the region, the tour began.") == "Nordic Culture Fund"
