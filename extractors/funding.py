"""Funding as a sentence states it: who pays ("funded by the Nordic Council of Ministers",
"financed by Norwegian grants") or how much ("will support it with DKK 400,000 a year").

records.md: `funding` is "the funding as stated". A table has a column for it; prose says it in
passing, so only a sentence that talks about paying (a funding word) gives an amount: a count of
participants or a price in a survey is no funding."""
from __future__ import annotations

import re

from extractors.entities.registry import CURRENCY_CODES

# The funder after "funded by": capitalised words, then the plain noun that says what the money is
# ("Norwegian grants", "EEA and Norway Grants", "national funds").
FUNDER = re.compile(
    r"\b(?i:with (?:financial )?(?:funding|support|a grant|funds) from|funded by|financed by|co-?financed by|"
    r"co-?funded by|sponsored by|with a grant from|(?:has been|was|were|is) granted funds by)\s+(?:the\s+)?"
    r"(?P<funder>[A-Z][\w’'&.-]*(?:\s+(?:of|for|and|the|on|[A-Z][\w’'&.-]*))*"
    r"(?:\s+(?i:grants?|funds?|funding|budget|means|money))?)")

CURRENCY = rf"(?:{CURRENCY_CODES}|€|\$|£)"
NUMBER = r"\d{1,3}(?:[ ,.]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"
SCALE = r"(?:\s*(?:million|billion|thousand|mln|bn|m|k)\b)?"
PER = r"(?:\s+(?:a|per|each)\s+(?:year|annum|month)|\s+annually)?"
# "DKK 400,000 a year", "EUR 1.2 million", "€50 000", and the currency after: "2 million euros"
AMOUNT = re.compile(rf"(?<![\w.]){CURRENCY}\s?(?:{NUMBER}){SCALE}{PER}"
                    rf"|(?<![\w.])(?:{NUMBER}){SCALE}\s+(?:{CURRENCY}|euros?|(?:Danish|Swedish|Norwegian)\s+kroner)\b{PER}")
# A sentence about paying: what makes an amount in it the record's funding.
PAYING = re.compile(r"\b(fund\w*|financ\w*|co-?financ\w*|grants?|granted|allocat\w*|budget\w*|support\w*|"
                    r"contribut\w*|donat\w*|award\w*|sponsor\w*|pay|pays|paid|provid\w*)\b", re.I)


def funding_in_text(text: str) -> str | None:
    """The funder a sentence names, else the amount it gives to the work; None when it says neither."""
    m = FUNDER.search(text)
    if m:
        return re.sub(r"(?:\s+(?:of|for|and|the|on))+$", "", m.group("funder")).strip(" ,.")
    amount = AMOUNT.search(text)
    if amount and PAYING.search(text):
        return amount.group(0)  # it starts with a currency or a digit and ends with a digit or a word
    return None
