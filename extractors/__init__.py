"""Turn document blocks into records: dates, actors, themes, places, countries.

time/      time expressions -> calendar intervals (below the readers: list labels use its month names)
entities/  names -> bodies, places, member states, themes
here       the document's shape: structure (kind, title, period, legend), columns, catalogue
prose/     prose -> units -> events, activities or nothing
segment    a document -> drafts (plan rows, items, dated entries, prose units)
"""
