"""Turn document blocks into records: dates, actors, themes, places, countries."""
