"""The data's fingerprint changes with any edit, addition or removal, and only then."""

import os

from protest_data.fingerprint import data_fingerprint, top_level_fingerprint


def _package(tmp_path):
    (tmp_path / "sources").mkdir()
    (tmp_path / "reports.csv").write_text("a,b\n1,2\n")
    (tmp_path / "sources" / "one.txt").write_text("a passage")
    return tmp_path


def test_unchanged_files_give_the_same_fingerprint(tmp_path):
    package = _package(tmp_path)
    assert data_fingerprint(package) == data_fingerprint(str(package))


def test_an_archived_passage_edited_in_place_changes_it(tmp_path):
    package = _package(tmp_path)
    before = data_fingerprint(package)
    passage = package / "sources" / "one.txt"
    stat = passage.stat()
    passage.write_text("a passagE")  # same size: only the modification time tells
    os.utime(passage, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert data_fingerprint(package) != before


def test_a_file_added_or_removed_changes_it(tmp_path):
    package = _package(tmp_path)
    before = data_fingerprint(package)
    (package / "sources" / "two.txt").write_text("another")
    added = data_fingerprint(package)
    (package / "sources" / "two.txt").unlink()
    assert added != before and data_fingerprint(package) == before


def test_a_file_renamed_changes_it(tmp_path):
    package = _package(tmp_path)
    before = data_fingerprint(package)
    (package / "sources" / "one.txt").rename(package / "sources" / "uno.txt")
    assert data_fingerprint(package) != before


def test_the_top_level_fingerprint_sees_the_tables_not_the_passages(tmp_path):
    package = _package(tmp_path)
    before = top_level_fingerprint(package)
    (package / "sources" / "two.txt").write_text("another")
    assert top_level_fingerprint(package) == before
    (package / "reports.csv").write_text("a,b\n1,3\n")
    os.utime(package / "reports.csv", ns=(0, 1))
    assert top_level_fingerprint(package) != before
