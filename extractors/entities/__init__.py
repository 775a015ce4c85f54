"""Names in text -> known bodies and their roles, places, member states and themes (registry, spaCy NER)."""
