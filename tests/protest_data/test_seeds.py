"""The five seed documents' passages are archived verbatim (needs ../shared/seeds; skipped without it)."""

import re

import pytest

from protest_data.validate import PASSAGE_SEPARATOR
from tests.conftest import REPO

SEEDS = REPO.parent / "shared" / "seeds"
SEED_SOURCES = ["themoscowtimes-20210131-live", "aljazeera-20210124-in-pictures", "atalayar-20210201-5300-arrests",
                "luxmoore-20210123-thread", "pressandjournal-20210323-new-protest"]


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not beside the repository")
@pytest.mark.parametrize("source_id", SEED_SOURCES)
def test_seed_passages_are_verbatim(source_id):
    seed_texts = [re.sub(r"\s+", " ", p.read_text(encoding="utf-8")) for p in SEEDS.glob("*.txt") if p.name != "README.md"]
    archive = (REPO / "data" / "sources" / f"{source_id}.txt").read_text(encoding="utf-8")
    for passage in PASSAGE_SEPARATOR.split(archive):
        passage = re.sub(r"\s+", " ", passage).strip()
        if passage:
            assert any(passage in text for text in seed_texts), passage[:80]


def test_seed_sources_are_in_the_dataset(dataset):
    assert set(SEED_SOURCES) <= set(dataset.sources["source_id"])
