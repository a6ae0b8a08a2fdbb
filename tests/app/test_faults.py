"""Faults around the app: a read-only data directory, a start outside the project, a port in use."""

from __future__ import annotations

import builtins
import io
import os
import socket
import stat
from pathlib import Path

import pytest
from streamlit import config
from streamlit.testing.v1 import AppTest

import serve
from tests.conftest import REPO
from tests.protest_data.fixtures import report, tiny_data_dir


def _read_only(path: Path) -> None:
    for item in [path, *path.rglob("*")]:
        mode = item.stat().st_mode
        item.chmod(mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))


@pytest.fixture
def read_only_data(tmp_path, monkeypatch):
    """The tiny package, read-only: by permissions, and (as root ignores those) by refusing any write in it."""
    data = tiny_data_dir(tmp_path, [report("r1", "2021-01-23", "kazan", "crowd", "2000", "2000"),
                                    report("r2", "2021-01-31", "anadyr", "held")])
    _read_only(data)
    inside = data.resolve()

    def refuse_writes(opener):
        def guarded(file, mode="r", *args, **kwargs):
            if isinstance(file, (str, os.PathLike)) and set(str(mode)) & set("wax+"):
                if Path(file).resolve().is_relative_to(inside):
                    raise PermissionError(f"read-only data directory: {file}")
            return opener(file, mode, *args, **kwargs)
        return guarded

    monkeypatch.setattr(builtins, "open", refuse_writes(builtins.open))
    monkeypatch.setattr(io, "open", refuse_writes(io.open))
    yield data
    for item in [data, *data.rglob("*")]:
        item.chmod(item.stat().st_mode | stat.S_IWUSR)


def test_a_read_only_data_directory_works_on_every_page(read_only_data, monkeypatch):
    monkeypatch.setenv("PROTEST_DATA_DIR", str(read_only_data))
    app = AppTest.from_file(str(REPO / "dashboard.py"), default_timeout=60)
    app.query_params["city"] = "kazan"
    app.run()
    assert not app.exception, app.exception
    assert [s.value for s in app.subheader] == ["Kazan · Казань"]
    for page in ("compare", "data", "sources"):
        app.switch_page(f"pages/{page}.py").run()
        assert not app.exception, (page, app.exception)
        assert not app.error, (page, [e.value for e in app.error])


def test_the_guard_does_refuse_writes(read_only_data):
    with pytest.raises(PermissionError):
        (read_only_data / "new.csv").write_text("x")


def test_a_start_outside_the_project_is_explained_not_a_blank_map():
    config.set_option("server.enableStaticServing", False)
    try:
        app = AppTest.from_file(str(REPO / "dashboard.py"), default_timeout=60).run()
    finally:
        config.set_option("server.enableStaticServing", True)
    assert not app.exception
    assert "python serve.py" in app.error[0].value and not app.metric


def test_serve_refuses_a_taken_port_in_plain_words(capsys, monkeypatch):
    monkeypatch.setattr(serve.os, "execv", lambda *a: pytest.fail("streamlit started"))
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert serve.main(["--port", str(port), "--address", "127.0.0.1"]) == 2
    err = capsys.readouterr().err
    assert f"Port {port} is already in use" in err and f"--port {port + 1}" in err


def test_serve_installs_leaflet_then_starts_streamlit_in_the_project_folder(tmp_path, monkeypatch):
    """From any folder: Streamlit starts where .streamlit/config.toml is, after static/ exists."""
    calls = []
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("rendering.assets.install_leaflet", lambda: calls.append("install_leaflet"))
    monkeypatch.setattr(serve.os, "execv", lambda program, command: calls.append((Path.cwd(), command)))
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    serve.main(["--port", str(port)])
    assert calls[0] == "install_leaflet"
    cwd, command = calls[1]
    assert cwd == REPO and str(REPO / "dashboard.py") in command
    assert command[command.index("--server.port") + 1] == str(port)
