"""Telegram formats: plain-text dumps and channel pages (:mod:`.text`), post layout (:mod:`.structure`)."""
