"""The encoding detector on real Russian and Ukrainian text in every encoding, beside charset-normalizer (the
well-kept library users would reach for), at several lengths, in one run.

Texts: the real messages of the Russian client-library samples and the Ukrainian messages of the Desktop HTML
sample in ``../shared/corpus``, each cut to the length shown, encoded as cp1251, KOI8-R (Russian) or KOI8-U
(Ukrainian), UTF-16 and UTF-8. "right" means the exact text came back.

Run: python benchmarks/bench_encodings.py   (pip install charset-normalizer to compare)
"""

from __future__ import annotations

import importlib
import json
import pathlib
import re
import time

from mfaparse._text.decoding import decode
from mfaparse.errors import ParseError

CORPUS = pathlib.Path(__file__).resolve().parents[2] / "shared" / "corpus"


def _texts() -> list[tuple[str, str]]:
    ria = json.loads((CORPUS / "telegram-client-json" / "ria_novosti_2024-12_first300.json").read_text("utf-8"))
    bbc = json.loads((CORPUS / "telegram-client-json" / "bbc_russian_2024-12_first150.json").read_text("utf-8"))
    russian = [m["text"] for m in ria[:60] + bbc[:40] if len(m.get("text") or "") > 400]
    page = (CORPUS / "telegram-desktop-html" / "private_chat_sample_2025-12.html").read_text("utf-8")
    parts = re.findall(r'<div class="text">\s*(.*?)\s*</div>', page, re.S)
    ukrainian = " ".join(p for p in parts if sum(c in "іїєґ" for c in p) >= 1)
    return [("ru", t) for t in russian] + [("uk", ukrainian[i : i + 2000]) for i in range(0, len(ukrainian), 2000)]


def main() -> None:
    """Print the table."""
    try:
        charset_normalizer = importlib.import_module("charset_normalizer")
    except ImportError:
        charset_normalizer = None
    texts = _texts()
    print(f"{len(texts)} texts; right / wrong / refused per detector")
    print(f"{'length':>7} {'encoding':<9} {'mfaparse':>16} {'µs':>7} {'charset-normalizer':>20} {'µs':>7}")
    for size in (40, 60, 150, 400, 2000):
        for encoding in ("cp1251", "koi8", "utf-16", "utf-8"):
            ours = [0, 0, 0]
            theirs = [0, 0, 0]
            ours_time = theirs_time = 0.0
            for language, text in texts:
                piece = text[:size]
                name = ("koi8-r" if language == "ru" else "koi8-u") if encoding == "koi8" else encoding
                try:
                    data = piece.encode(name)
                except UnicodeEncodeError:
                    continue
                start = time.perf_counter()
                try:
                    ours[0 if decode(data)[0] == piece else 1] += 1
                except ParseError:
                    ours[2] += 1
                ours_time += time.perf_counter() - start
                if charset_normalizer is not None:
                    start = time.perf_counter()
                    best = charset_normalizer.from_bytes(data).best()
                    theirs_time += time.perf_counter() - start
                    theirs[0 if best is not None and str(best) == piece else (1 if best is not None else 2)] += 1
            n = sum(ours)
            them = "/".join(map(str, theirs)) if charset_normalizer is not None else "not installed"
            print(
                f"{size:>7} {encoding:<9} {'/'.join(map(str, ours)):>16} {ours_time / n * 1e6:>7.0f} "
                f"{them:>20} {theirs_time / n * 1e6 if charset_normalizer else 0:>7.0f}"
            )


if __name__ == "__main__":
    main()
