"""The ground floor: text tools that know nothing of formats (normalize, emoji, entities, dates, clean, dedup)."""
