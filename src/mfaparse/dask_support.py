"""Running mfaparse on Dask: partitions that follow the data, output in the profiles, corpus dedup as a shuffle.

Needs ``pip install 'mfaparse[dask]'``; nothing else in mfaparse imports Dask. Every function that runs on the
workers is a module-level function of mfaparse, and records and options pickle.

* :func:`records_bag` — a ``dask.bag`` of the records ``read()`` gives, partitioned by the data: a large Telegram
  dump cut where ``-j`` cuts it, a large export between messages, large JSON Lines and CSV files between rows,
  small files grouped into partitions of similar size (:mod:`mfaparse._pieces`);
* :func:`write_jsonl`, :func:`write_parquet`, :func:`to_dicts` — output in a profile (``slim`` by default, as
  ``mfaparse parse`` writes), one newline-terminated file per partition;
* :func:`duplicate_groups` — the groups :func:`~mfaparse.dedup_posts` gives for the bag's posts and articles,
  found where the records are: only ids travel (LSH band keys and fingerprints shuffled with ``groupby``, pairs
  joined by union–find), never texts.

See ``docs/dask.md`` for the recipe (``examples/dask_corpus.py``).
"""

from __future__ import annotations

import hashlib
import operator
import pathlib
import struct
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import attrs

from mfaparse import _pieces
from mfaparse._model.jsonl import to_jsonl
from mfaparse._model.results import DuplicateGroup, ReadFailure
from mfaparse._text.near_duplicates import (
    BUCKET_LIMIT,
    MinHasher,
    NearDupOptions,
    assemble_groups,
    band_keys,
    hashes,
    similarity,
)
from mfaparse.errors import MissingDependencyError
from mfaparse.reader import ReadOptions, expand_paths

__all__ = [
    "PARTITION_BYTES",
    "duplicate_groups",
    "records_bag",
    "to_dicts",
    "write_jsonl",
    "write_jsonl_and_dedup",
    "write_parquet",
]

PARTITION_BYTES = 32 << 20
"""Input bytes per partition (a few seconds of parsing on one core)."""

Signed = tuple[int, int, tuple[int, ...]]  # a post's id (see _signed), its exact fingerprint, its signature


def _dask() -> tuple[Any, Any]:
    try:
        import dask  # noqa: PLC0415  # optional dependency
        import dask.bag  # noqa: PLC0415  # optional dependency
    except ImportError as exc:
        raise MissingDependencyError("running on Dask needs the dask extra: pip install 'mfaparse[dask]'") from exc
    return dask, dask.bag


def records_bag(
    paths: str | pathlib.Path | Iterable[str | pathlib.Path],
    *,
    format: str | None = None,  # read()'s word
    options: ReadOptions | None = None,
    partition_bytes: int = PARTITION_BYTES,
) -> Any:
    """A ``dask.bag`` of the records ``read(paths, format=...)`` gives (Post, Article, ReadFailure), in order.

    The inputs are expanded on the client by :func:`mfaparse.expand_paths`, as ``read()`` and the command line
    expand them. Files that ``read()`` streams and that are larger than ``partition_bytes`` are cut into pieces of
    about that size; the cutting reads only small windows of each such file — except a CSV file, whose rows are
    read once — and runs on the cluster before this returns. Each piece after a file's first is placed by what
    stands before it (measured on the workers in parallel: a dump's normalised length costs about a tenth of its
    parse), so records, spans and provenance equal ``read()``'s. Where a piece fails (bad bytes, a line over
    ``ReadOptions.max_line``), the failure record ends that piece only, not the rest of the file.
    """
    dask, bag = _dask()
    if isinstance(partition_bytes, bool) or not isinstance(partition_bytes, int) or partition_bytes < 1:
        raise TypeError(f"partition_bytes must be a positive int, not {partition_bytes!r}")
    opts = options if options is not None else ReadOptions()
    if not isinstance(opts, ReadOptions):
        raise TypeError(f"options must be ReadOptions, not {type(opts).__name__}")
    fmt = None if format in (None, "auto") else format
    items = list(expand_paths(paths))
    large = [i for i, item in enumerate(items) if isinstance(item, str) and _larger(item, partition_bytes)]
    planned = dask.compute(*[dask.delayed(_pieces.pieces)(items[i], fmt, opts, partition_bytes) for i in large])
    cut = dict(zip(large, planned, strict=True))
    flat: list[_pieces.Piece | ReadFailure] = []
    for i, item in enumerate(items):
        if isinstance(item, ReadFailure):
            flat.append(item)
        else:
            flat.extend(cut.get(i) or _pieces.pieces(item, fmt, opts, partition_bytes))
    befores = _befores(dask, flat, opts)
    planned = [
        (_Planned(group=tuple(group), fmt=fmt, options=opts), [_before(befores, piece) for piece in group])
        for group in _pieces.partitions(flat, partition_bytes)
    ]
    if not planned:
        return bag.from_sequence([], npartitions=1)
    records = bag.from_delayed([dask.delayed(_partition)(source, before) for source, before in planned])
    _PLANS[records.name] = planned
    while len(_PLANS) > _PLANS_KEPT:
        del _PLANS[next(iter(_PLANS))]
    return records


@attrs.frozen
class _Planned:
    """A records bag's partition as the pieces it reads (the bag's ``befores`` travel beside it, delayed)."""

    group: tuple[_pieces.Piece | ReadFailure, ...]
    fmt: str | None
    options: ReadOptions


_PLANS: dict[str, list[tuple[_Planned, list[Any]]]] = {}
"""The pieces of the bags :func:`records_bag` made, by bag name: the writers and the dedup read them in the task that
consumes the records, a record at a time, instead of holding a partition's records in memory."""
_PLANS_KEPT = 64


def _sources(bag: Any) -> list[tuple[Any, Any]]:
    """Each partition of ``bag`` as ``(source, befores)``: a records bag's pieces (read by the task that consumes
    them), or another bag's partition (a delayed list of records)."""
    planned = _PLANS.get(getattr(bag, "name", ""))
    if planned is not None and len(planned) == bag.npartitions:
        return planned
    return [(part, None) for part in bag.to_delayed()]


def _records_of(source: Any, befores: list[Any] | None) -> Iterator[Any]:
    """The records of a partition's source, one at a time."""
    if isinstance(source, _Planned):
        for piece, before in zip(source.group, befores or [None] * len(source.group), strict=True):
            yield from _pieces.piece_records(piece, before, source.fmt, source.options)
    else:
        yield from source


def _larger(path: str, size: int) -> bool:
    try:
        return path != "-" and pathlib.Path(path).stat().st_size > size
    except OSError:
        return False


def _before(befores: dict[tuple[str, int], Any], piece: _pieces.Piece | ReadFailure) -> Any:
    return befores.get((piece.path, piece.number)) if isinstance(piece, _pieces.Piece) else None


def _befores(dask: Any, flat: list[_pieces.Piece | ReadFailure], options: ReadOptions) -> dict[tuple[str, int], Any]:
    """For each cut piece that needs it, a delayed Carry: what stands before it, from its file's earlier pieces
    measured in parallel."""
    by_file: dict[str, list[_pieces.Piece]] = {}
    for piece in flat:
        if isinstance(piece, _pieces.Piece) and piece.kind not in ("whole", "csv"):
            by_file.setdefault(piece.path, []).append(piece)
    out: dict[tuple[str, int], Any] = {}
    for path, file_pieces in by_file.items():
        measured = [dask.delayed(_pieces.measure)(p, options) for p in file_pieces[:-1]]
        running = dask.delayed(_pieces.carries)(measured)
        for piece in file_pieces[1:]:
            out[(path, piece.number)] = dask.delayed(operator.getitem)(running, piece.number)
    return out


def _partition(source: _Planned, befores: list[Any]) -> list[Any]:
    """The records of one partition (runs on a worker)."""
    return list(_records_of(source, befores))


def to_dicts(
    bag: Any, profile: str = "slim", *, fields: Sequence[str] | None = None, exclude: Sequence[str] | None = None
) -> Any:
    """The records as JSON-ready dicts with their ``type`` (``to_dict(profile, fields=, exclude=)``), for
    ``to_dataframe`` or your own writer."""
    return bag.map(_as_dict, profile, fields, exclude)


def _as_dict(record: Any, profile: str, fields: Sequence[str] | None, exclude: Sequence[str] | None) -> dict[str, Any]:
    return {"type": type(record).__name__, **record.to_dict(profile, fields=fields, exclude=exclude)}


def write_jsonl(
    bag: Any,
    folder: str | pathlib.Path,
    profile: str = "slim",
    *,
    fields: Sequence[str] | None = None,
    exclude: Sequence[str] | None = None,
    compute: bool = True,
) -> Any:
    """Write the records as JSON Lines, one file per partition (``part-00000.jsonl``, ...), every line ending in
    a newline (``cat folder/*.jsonl`` is one JSON Lines stream in the bag's order). Returns the paths written, or
    with ``compute=False`` the delayed writes (to compute with other work)."""
    dask, _ = _dask()
    target = pathlib.Path(folder)
    writes = [
        dask.delayed(_write_jsonl)(source, befores, str(target / f"part-{k:05d}.jsonl"), (profile, fields, exclude))
        for k, (source, befores) in enumerate(_sources(bag))
    ]
    return list(dask.compute(*writes)) if compute else writes


def _write_jsonl(source: Any, befores: list[Any] | None, path: str, output: tuple[str, Any, Any]) -> str:
    """One partition written as JSON Lines (``output``: profile, fields, exclude), a record at a time."""
    _write_lines(_records_of(source, befores), path, output)
    return path


def _write_lines(records: Iterable[Any], path: str, output: tuple[str, Any, Any]) -> None:
    profile, fields, exclude = output
    pathlib.Path(path).parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        for record in records:
            out.write(to_jsonl(record, profile, fields=fields, exclude=exclude) + "\n")


def write_parquet(bag: Any, folder: str | pathlib.Path, profile: str = "slim", *, compute: bool = True) -> Any:
    """Write the records as Parquet, one file per partition (``part-00000.parquet``, ...), each with the schema of
    :func:`mfaparse.tables.arrow_schema` (the same in every file: read the folder as one table). Needs pyarrow."""
    dask, _ = _dask()
    target = pathlib.Path(folder)
    writes = [
        dask.delayed(_write_parquet)(source, befores, str(target / f"part-{k:05d}.parquet"), profile)
        for k, (source, befores) in enumerate(_sources(bag))
    ]
    return list(dask.compute(*writes)) if compute else writes


def _write_and_sign(
    source: Any, befores: list[Any] | None, path: str, output: tuple[str, Any, Any], hashing: tuple[int, NearDupOptions]
) -> tuple[str, list[Signed]]:
    """One partition written (``output``: profile, fields, exclude) and its texts hashed (``hashing``: the
    partition's number, the options), a record at a time, in one task."""
    partition, options = hashing
    signed: list[Signed] = []
    texts = _Hashing(options, partition)

    def hashed(records: Iterable[Any]) -> Iterator[Any]:
        for record in records:
            if type(record).__name__ in ("Post", "Article"):
                signed.append(texts.sign(record.text, len(signed)))
            yield record

    _write_lines(hashed(_records_of(source, befores)), path, output)
    return path, signed


def _write_parquet(source: Any, befores: list[Any] | None, path: str, profile: str) -> str:
    from mfaparse.tables import ParquetWriter, table_row  # noqa: PLC0415  # pyarrow is optional

    pathlib.Path(path).parent.mkdir(parents=True, exist_ok=True)
    writer = ParquetWriter(path, profile)
    try:
        for record in _records_of(source, befores):
            writer.write(table_row(record, profile))
    finally:
        writer.close()
    return path


def duplicate_groups(bag: Any, options: NearDupOptions | None = None) -> tuple[DuplicateGroup, ...]:
    """The exact and near-duplicate groups of the bag's posts and articles: what
    :func:`~mfaparse.dedup_posts` gives for them, members numbered among them in the bag's order.

    Computed where the records are: each partition hashes its texts (fingerprint and signature); the LSH band
    keys, with ids and fingerprints, are shuffled (split by band key in each partition, grouped in each part);
    each bucket gives the comparisons ``dedup_posts`` makes there — copies (same fingerprint, so the same
    signature) joined at once, the rest checked with the signatures of the posts concerned (one per fingerprint,
    gathered on a worker) — and, in the first band, the exact groups; the joins are merged by union–find, per
    part and then on the client. The client receives ids only: partition counts, exact groups, joins.
    """
    dask, _ = _dask()
    opts = _near_options(options)
    signed = [dask.delayed(_signed)(source, befores, k, opts) for k, (source, befores) in enumerate(_sources(bag))]
    counts, exact, joins = _dedup_graph(dask, signed, opts)
    found_counts, found_exact, found_joins = _compute(counts, exact, joins)
    return _assembled(found_counts, found_exact, found_joins)


def write_jsonl_and_dedup(
    bag: Any,
    folder: str | pathlib.Path,
    profile: str = "slim",
    *,
    fields: Sequence[str] | None = None,
    exclude: Sequence[str] | None = None,
    options: NearDupOptions | None = None,
) -> tuple[list[str], tuple[DuplicateGroup, ...]]:
    """:func:`write_jsonl` and :func:`duplicate_groups` in one pass over the inputs: the task that writes a
    partition's file also hashes its texts, so each input is parsed once. Returns the paths and the groups
    (members numbered among the posts and articles, in the order of the files written)."""
    dask, _ = _dask()
    opts = _near_options(options)
    target = pathlib.Path(folder)
    written = [
        dask.delayed(_write_and_sign, nout=2)(
            source, befores, str(target / f"part-{k:05d}.jsonl"), (profile, fields, exclude), (k, opts)
        )
        for k, (source, befores) in enumerate(_sources(bag))
    ]
    counts, exact, joins = _dedup_graph(dask, [signed for _, signed in written], opts)
    paths, found_counts, found_exact, found_joins = _compute([path for path, _ in written], counts, exact, joins)
    return list(paths), _assembled(found_counts, found_exact, found_joins)


def _near_options(options: NearDupOptions | None) -> NearDupOptions:
    opts = options if options is not None else NearDupOptions()
    if not isinstance(opts, NearDupOptions):
        raise TypeError(f"options must be NearDupOptions, not {type(opts).__name__}")
    return opts


def _dedup_graph(dask: Any, signed: list[Any], opts: NearDupOptions) -> tuple[list[Any], list[Any], list[Any]]:
    """The delayed counts, exact groups and joins of partitions' signatures (see :func:`duplicate_groups`)."""
    delayed = dask.delayed
    ways = max(1, min(len(signed), _SHUFFLE_WAYS))
    splits = [delayed(_band_split, nout=ways)(s, opts, ways) for s in signed]
    buckets = [delayed(_bucket_part)([split[w] for split in splits]) for w in range(ways)]
    wanted = delayed(_wanted)(buckets)
    lookup = delayed(_merged)([delayed(_pick)(s, wanted) for s in signed])
    joins = [delayed(_joins)(b, lookup, opts.threshold) for b in buckets]
    counts = [delayed(len)(s) for s in signed]
    exact = [delayed(_exact_of)(b) for b in buckets]
    return counts, exact, joins


def _compute(*collections: Any) -> tuple[Any, ...]:
    """Everything :func:`duplicate_groups` brings to the client (ids only), in one ``dask.compute``."""
    dask, _ = _dask()
    return tuple(dask.compute(*collections))


_PLACE_BITS = 32  # an id is (partition << 32) | place: ordered as the bag is
_SHUFFLE_WAYS = 32  # parts the band keys are shuffled into (at most one per partition)
Entry = tuple[int, int, tuple[int, ...]]  # a band entry: bucket key, fingerprint, ids
Check = tuple[tuple[tuple[int, int], ...], tuple[int, ...], int]
"""Posts of one fingerprint (the third) to join to earlier posts ``(id, fingerprint)`` whose signature is similar."""
Bucketed = tuple[list[list[int]], list[tuple[int, int]], list[Check]]  # exact groups, sure joins, checks


def _signed(source: Any, befores: list[Any] | None, partition: int, options: NearDupOptions) -> list[Signed]:
    """The id, fingerprint and signature of each post and article of a partition, a record at a time."""
    hashing = _Hashing(options, partition)
    texts = (r.text for r in _records_of(source, befores) if type(r).__name__ in ("Post", "Article"))
    return [hashing.sign(text, i) for i, text in enumerate(texts)]


class _Hashing:
    """A partition's texts hashed, each distinct text once (copies are common: they are what dedup is for); the
    texts are known by a digest, so the partition's texts are not kept."""

    def __init__(self, options: NearDupOptions, partition: int) -> None:
        self._hasher = MinHasher(options)
        self._base = partition << _PLACE_BITS
        self._known: dict[bytes, tuple[int, tuple[int, ...]]] = {}

    def sign(self, text: str, place: int) -> Signed:
        digest = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()
        found = self._known.get(digest)
        if found is None:
            fingerprint, signature = hashes(text, self._hasher)
            found = self._known[digest] = (int(fingerprint, 16), signature)
        return self._base | place, found[0], found[1]


def _band_split(signed: Iterable[Signed], options: NearDupOptions, ways: int) -> tuple[list[Entry], ...]:
    """A partition's band entries — the LSH bucket of each fingerprint in each band (the band's number and a
    128-bit hash of its rows, as exact as the fingerprints), with the fingerprint and the ids of the partition's
    posts that have it — split by bucket key into ``ways`` parts. Copies travel as one entry."""
    by_fingerprint: dict[int, tuple[tuple[int, ...], list[int]]] = {}
    for i, fingerprint, signature in signed:
        by_fingerprint.setdefault(fingerprint, (signature, []))[1].append(i)
    out: tuple[list[Entry], ...] = tuple([] for _ in range(ways))
    packed = struct.Struct(f"<{options.num_perm // options.bands}Q")  # signature values are below 2**63
    for fingerprint, (signature, ids) in by_fingerprint.items():
        members = tuple(ids)
        for band, *rows in band_keys(signature, options):
            digest = hashlib.blake2b(packed.pack(*rows), digest_size=16).digest()
            key = (band << 128) | int.from_bytes(digest, "little")
            out[key % ways].append((key, fingerprint, members))
    return out


def _bucket_part(parts: Iterable[list[Entry]]) -> Bucketed:
    """One part of the shuffle: its buckets, and what each adds (:func:`_bucket_joins`)."""
    buckets: dict[int, list[tuple[int, int]]] = {}
    for part in parts:
        for key, f, ids in part:
            buckets.setdefault(key, []).extend((i, f) for i in ids)
    found: Bucketed = ([], [], [])
    for key, members in buckets.items():
        if len(members) > 1:
            _bucket_joins(key, members, found)
    return found


def _bucket_joins(key: int, entries: list[tuple[int, int]], found: Bucketed) -> None:
    """The comparisons ``dedup_posts`` makes in one LSH bucket, as joins: its members in order, each compared with
    the earlier ones among the first :data:`~mfaparse._text.near_duplicates.BUCKET_LIMIT`.

    Copies (the same fingerprint) are similar for certain: a sure join. Later members of one fingerprint are
    compared with the same first members, so they are one check ``(earlier, members, fingerprint)`` — earlier
    members one per fingerprint (copies among them are joined already); where a copy is among the earlier ones,
    the members are joined to it and only their first needs checking against the others. What a bucket adds grows
    with the bucket, not with the bucket times the limit. Copies share every bucket, so the buckets of the first
    band also give the exact groups.
    """
    members = sorted(entries)
    if key >> 128 == 0:
        copies: dict[int, list[int]] = {}
        for i, f in members:
            copies.setdefault(f, []).append(i)
        found[0].extend(ids for ids in copies.values() if len(ids) > 1)
    head = members[:BUCKET_LIMIT]
    for b, (i, f) in enumerate(head):  # the first members, each compared with those before it
        _compare(found, head[:b], (i,), f)
    later: dict[int, list[int]] = {}
    for i, f in members[BUCKET_LIMIT:]:
        later.setdefault(f, []).append(i)
    for f, ids in later.items():
        _compare(found, head, tuple(ids), f)


def _compare(found: Bucketed, earlier: list[tuple[int, int]], ids: tuple[int, ...], f: int) -> None:
    """Posts ``ids`` of fingerprint ``f``, each compared with the ``earlier`` posts."""
    copy = next((j for j, g in earlier if g == f), None)
    if copy is not None:
        found[1].extend((copy, i) for i in ids)
        ids = ids[:1]  # the rest follow the first: they are joined to the same copy
    others: dict[int, int] = {}
    for j, g in earlier:
        if g != f:
            others.setdefault(g, j)
    if others:
        found[2].append((tuple((j, g) for g, j in others.items()), ids, f))


def _wanted(parts: Iterable[Bucketed]) -> frozenset[int]:
    """The fingerprints whose signatures some check needs."""
    return frozenset(f for part in parts for check in part[2] for f in (check[2], *(g for _, g in check[0])))


def _pick(signed: Iterable[Signed], wanted: frozenset[int]) -> dict[int, tuple[int, ...]]:
    """The signatures of the fingerprints some check needs (one per fingerprint in a partition)."""
    picked: dict[int, tuple[int, ...]] = {}
    for _, fingerprint, signature in signed:
        if fingerprint in wanted:
            picked.setdefault(fingerprint, signature)
    return picked


def _merged(lookups: Iterable[dict[int, tuple[int, ...]]]) -> dict[int, tuple[int, ...]]:
    out: dict[int, tuple[int, ...]] = {}
    for lookup in lookups:
        out.update(lookup)
    return out


def _exact_of(part: Bucketed) -> list[list[int]]:
    return part[0]


def _joins(part: Bucketed, lookup: dict[int, tuple[int, ...]], threshold: float) -> list[tuple[int, int]]:
    """The joins of one part of the shuffle — copies, and the checks whose signatures are similar (the comparison
    ``dedup_posts`` makes) — merged into a forest: each id once, with the least id it is joined to."""
    parent: dict[int, int] = {}
    for a, b in part[1]:
        _join(parent, a, b)
    known: dict[tuple[int, int], bool] = {}
    for earlier, ids, f in part[2]:
        for j, g in earlier:
            similar = known.get((g, f))
            if similar is None:
                similar = known[(g, f)] = similarity(lookup[g], lookup[f]) >= threshold
            if similar:
                for i in ids:
                    _join(parent, j, i)
    return [(i, _root(parent, i)) for i in list(parent) if _root(parent, i) != i]


def _root(parent: dict[int, int], i: int) -> int:
    root = i
    while parent.get(root, root) != root:
        root = parent[root]
    while i != root:  # the path now leads to the root at once
        parent[i], i = root, parent[i]
    return root


def _join(parent: dict[int, int], a: int, b: int) -> None:
    ra, rb = _root(parent, a), _root(parent, b)
    parent.setdefault(ra, ra)
    parent.setdefault(rb, rb)
    if ra != rb:
        parent[max(ra, rb)] = min(ra, rb)


def _assembled(
    counts: Iterable[int], exact: Iterable[list[list[int]]], joins: Iterable[list[tuple[int, int]]]
) -> tuple[DuplicateGroup, ...]:
    """The groups from each part's exact groups and joins, ids numbered in the bag's order (a partition's posts
    follow the earlier partitions')."""
    starts = [0]
    for count in counts:
        starts.append(starts[-1] + count)
    mask = (1 << _PLACE_BITS) - 1

    def number(i: int) -> int:
        return starts[i >> _PLACE_BITS] + (i & mask)

    parent: dict[int, int] = {}
    for part in joins:
        for a, b in part:
            _join(parent, number(a), number(b))
    near: dict[int, list[int]] = {}
    for i in sorted(parent):
        near.setdefault(_root(parent, i), []).append(i)
    return assemble_groups(([number(i) for i in ids] for part in exact for ids in part), near.values())
