"""TASS articles: page text (:mod:`.text`), datelines (:mod:`.dateline`), scraped records (:mod:`.records`)."""
