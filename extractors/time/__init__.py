"""Time expressions in text (cells, dated headings, prose, region languages) -> calendar intervals."""
