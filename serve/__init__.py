"""`planscope serve`: the warehouse in a web browser (search, timeline, record/document/actor
pages, check runs, read-only SQL)."""
