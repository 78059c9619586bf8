"""Desktop JSON export of >= 100,000 messages (synthetic, built from the corpus shapes): messages/s and peak
memory, streaming (iter_telegram_export with ijson) against json.load + parse_telegram_export, each in a fresh
process so peak memory is its own.

Run: python benchmarks/bench_export.py [--messages 100000]
"""

from __future__ import annotations

import argparse
import json
import pathlib
import random
import resource
import subprocess
import sys
import tempfile

MESSAGES = [
    [{"type": "plain", "text": "🎙 Foreign Minister Sergey Lavrov’s remarks (Sochi, November 6, 2024)\n💬 We value "},
     {"type": "hashtag", "text": "#ASEAN"}, {"type": "plain", "text": " ties and the "},
     {"type": "hashtag", "text": "#EAEU"},
     {"type": "plain", "text": ".\n"}, {"type": "text_link", "text": "Read in full", "href": "https://mid.ru/en/1"}],
    [{"type": "plain", "text": "Min. 80% Off On Branded Luggage\n\nMaster Link : "},
     {"type": "link", "text": "https://extp.in/Gr4gS7"}, {"type": "plain", "text": "\n\nSmall : "},
     {"type": "link", "text": "https://extp.in/vywVIH"}],
    [{"type": "plain", "text": "Kesh King Shampoo 600 ml "}, {"type": "mention", "text": "@1499"},
     {"type": "plain", "text": " Off "}, {"type": "bold", "text": "today only"}],
]  # fmt: skip


def build(path: pathlib.Path, count: int) -> None:
    """Write a result.json with ``count`` messages, deterministically."""
    rng = random.Random(3)
    with path.open("w", encoding="utf-8") as out:
        out.write('{"name": "Russian MFA 🇷🇺", "type": "public_channel", "id": 1, "messages": [\n')
        for i in range(count):
            entities = rng.choice(MESSAGES)
            message = {
                "id": i + 1,
                "type": "message",
                "date": "2024-02-01T10:05:00",
                "date_unixtime": str(1706781900 + i),
                "from": "Russian MFA 🇷🇺",
                "from_id": "channel1",
                "forwarded_from": "МИД России 🇷🇺" if i % 5 == 0 else None,
                "text": entities,
                "text_entities": entities,
            }
            out.write(("," if i else "") + json.dumps(message, ensure_ascii=False) + "\n")
        out.write("]}\n")


CHILD = """
import json, resource, sys, time, mfaparse
path, mode = sys.argv[1], sys.argv[2]
start = time.perf_counter()
if mode == "stream":
    with open(path, "rb") as f:
        count = sum(1 for _ in mfaparse.iter_telegram_export(f))
else:
    with open(path, encoding="utf-8") as f:
        count = len(mfaparse.parse_telegram_export(json.load(f)).posts)
print(count, time.perf_counter() - start, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


def main() -> None:
    """Print the table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--messages", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = pathlib.Path(folder) / "result.json"
        build(path, args.messages)
        size = path.stat().st_size / 1e6
        print(f"Desktop export: {args.messages:,} messages, {size:.0f} MB (synthetic, corpus shapes)")
        print(f"{'reader':<44} {'messages/s':>11} {'peak RSS MB':>12}")
        for mode, label in (
            ("stream", "iter_telegram_export (ijson, streaming)"),
            ("load", "json.load + parse_telegram_export"),
        ):
            command = [sys.executable, "-c", CHILD, str(path), mode]
            out = subprocess.run(command, capture_output=True, text=True, check=True)  # noqa: S603  # our interpreter
            count, seconds, rss = out.stdout.split()
            print(f"{label:<44} {int(count) / float(seconds):>11.0f} {float(rss):>12.0f}")
    print(f"(this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB)")


if __name__ == "__main__":
    main()
