"""One fixed workload, for counting instructions under callgrind (repeatable on a noisy machine, unlike seconds).

Run each workload under both trees and subtract that tree's ``import`` (and, for ``telegram``, ``dump``) count:

    PYTHONPATH=src valgrind --tool=callgrind --callgrind-out-file=/dev/null python benchmarks/workload.py telegram

Workloads: ``import`` (mfaparse imported, nothing else), ``dump`` (a 1 MB dump built from seed 002),
``telegram`` (that dump parsed by ``parse_telegram``), ``unique-dump`` and ``telegram-unique`` (the same with
every line unique across posts, built, and parsed), ``stream`` (the same dump through ``iter_telegram``),
``tass`` (200 articles from the TASS seeds through ``parse_tass``), ``export`` (a Desktop export of 500 messages
through ``parse_telegram_export``). Set ``PYTHONHASHSEED=0``: hash randomisation changes the counts.
"""

from __future__ import annotations

import io
import json
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from _data import seed, telegram_dump  # the benchmarks folder is not a package

import mfaparse

FIXTURES = pathlib.Path(__file__).resolve().parents[1] / "tests" / "fixtures"


def main(what: str) -> None:
    """Run the workload named ``what``."""
    if what == "dump":
        telegram_dump(1)
    elif what == "telegram":
        mfaparse.parse_telegram(telegram_dump(1))
    elif what == "unique-dump":
        telegram_dump(1, distinct=True)
    elif what == "telegram-unique":
        mfaparse.parse_telegram(telegram_dump(1, distinct=True))
    elif what == "stream":
        sum(1 for _ in mfaparse.iter_telegram(io.StringIO(telegram_dump(1))))
    elif what == "tass":
        texts = [seed(p) for p in ("000", "001", "003", "004")]
        for i in range(200):
            mfaparse.parse_tass(texts[i % 4])
    elif what == "export":
        export = json.loads((FIXTURES / "synthetic_desktop_export.json").read_text(encoding="utf-8"))
        first = next(m for m in export["messages"] if m.get("type") == "message")
        mfaparse.parse_telegram_export({"name": "X", "messages": [dict(first, id=i) for i in range(500)]})
    elif what != "import":
        raise SystemExit(
            f"unknown workload {what!r}: import, dump, telegram, unique-dump, telegram-unique, stream, tass or export"
        )


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "import")
