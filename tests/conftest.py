"""Shared fixtures: the seeds, the shared real-world corpus, and hypothesis profiles."""

from __future__ import annotations

import os
import pathlib

import pytest
from hypothesis import HealthCheck, settings

FIXTURES = pathlib.Path(__file__).parent / "fixtures"
SEEDS = FIXTURES / "seeds"
SHARED = pathlib.Path(__file__).resolve().parents[2] / "shared"
CORPUS = SHARED / "corpus"

settings.register_profile("ci", max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("thorough", max_examples=5000, deadline=None)
settings.register_profile("dev", max_examples=60, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


def seed_text(prefix: str) -> str:
    """The seed whose file name starts with ``prefix`` (``"002"``)."""
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def require_corpus() -> pathlib.Path:
    """The shared corpus folder; skips the calling test (or fixture, of any scope) where it is absent: a user's
    fresh checkout has no ../shared."""
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not beside this checkout")
    return CORPUS


@pytest.fixture
def corpus() -> pathlib.Path:
    """The shared corpus folder (:func:`require_corpus`)."""
    return require_corpus()
