"""Prose (sentences, items, slide lines, dated entries) -> units -> events, activities or nothing."""
