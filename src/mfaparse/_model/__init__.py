"""Every record mfaparse returns, in one place: spans, removals and dates (``base``), Telegram and TASS documents
(``documents``), results (``results``), the JSON-ready conversion (``record``) and JSON Lines (``jsonl``).
"""
