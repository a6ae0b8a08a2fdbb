"""Servers, Chromium and probes for the benchmark: all on loopback, every wait bounded.

Chromium is launched exactly as the browser tests launch it (tools/browser.py: the same binary
and flags), and the map frame is found with the same selector, so the benchmark follows the tests when
the dashboard changes. Requests to any host but 127.0.0.1 are refused and counted.
"""

from __future__ import annotations

import base64
import os
import subprocess
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from tools.browser import CHROMIUM_ARGS, MAP_FRAME, chromium_path, free_port, wait_until_healthy

REPO = Path(__file__).resolve().parents[1]
VIEWPORT = {"width": 1400, "height": 1200}
# Not "raf": Chromium stops animation frames in an iframe scrolled out of view, and the map can be.
POLL_MS = 20


# -- servers --------------------------------------------------------------------------------------

def rss_mb(pid: int) -> float:
    """Resident memory of a process and its children, in MB (from /proc)."""
    total = 0
    for each in [pid, *_children(pid)]:
        try:
            for line in Path(f"/proc/{each}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total / 1024


def _children(pid: int) -> list[int]:
    found = []
    try:
        for task in Path(f"/proc/{pid}/task").iterdir():
            text = (task / "children").read_text().split()
            for child in map(int, text):
                found += [child, *_children(child)]
    except OSError:
        pass
    return found


@dataclass
class Server:
    """A `streamlit run` of one script, its log, and how long it took to answer /_stcore/health."""

    base: str
    process: subprocess.Popen
    log_path: Path
    started_in: float

    @property
    def pid(self) -> int:
        return self.process.pid

    def rss_mb(self) -> float:
        return rss_mb(self.pid)

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def errors(self) -> list[str]:
        """Lines of the server log that report an error or a traceback."""
        lines = self.log().splitlines()
        return [line for line in lines if "Traceback" in line or " ERROR " in line or "Error" in line.split(":")[0]
                or line.startswith("Exception")]


@contextmanager
def streamlit(script: str, env: dict[str, str] | None = None, log_dir: Path | None = None, timeout: float = 120.0,
              options: dict[str, str] | None = None):
    """Start ``streamlit run script`` on a free loopback port; yield a :class:`Server`; stop it."""
    port = free_port()
    log_dir = Path(log_dir or REPO / "bench" / "out")
    log_dir.mkdir(parents=True, exist_ok=True)
    log_path = log_dir / f"{Path(script).stem}-{port}.log"
    command = [sys.executable, "-m", "streamlit", "run", str(REPO / script),
               "--server.port", str(port), "--server.address", "127.0.0.1", "--server.headless", "true",
               "--server.enableStaticServing", "true", "--browser.gatherUsageStats", "false",
               "--server.fileWatcherType", "none", "--server.runOnSave", "false"]
    for name, value in (options or {}).items():
        command += [f"--{name}", value]
    started = time.perf_counter()
    with log_path.open("w", encoding="utf-8") as log:
        process = subprocess.Popen(command, cwd=REPO, env={**os.environ, **(env or {})},
                                   stdout=log, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        if not wait_until_healthy(base, process, timeout, interval=0.1):
            raise RuntimeError(f"streamlit {script} did not start on port {port}:\n{log_path.read_text()}")
        yield Server(base, process, log_path, time.perf_counter() - started)
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=15)


# -- Chromium -------------------------------------------------------------------------------------

@contextmanager
def chromium():
    """Debian's Chromium through Playwright, launched as the browser tests launch it."""
    path = chromium_path()
    if path is None:
        raise RuntimeError("Chromium not found: install Debian's chromium or set CHROMIUM_PATH")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()


def chromium_version() -> str:
    path = chromium_path()
    if path is None:
        return "not found"
    try:
        output = subprocess.run([path, "--version"], capture_output=True, text=True, timeout=30).stdout
        return output.strip().splitlines()[-1] if output.strip() else "unknown"
    except (OSError, subprocess.SubprocessError):
        return "unknown"


class Tab:
    """A fresh browser context with one page: loopback only, websocket frames recorded via CDP."""

    def __init__(self, browser, record_frames: bool = True):
        self.context = browser.new_context(viewport=VIEWPORT)
        self.page = self.context.new_page()
        self.refused: list[str] = []
        self.context.route("**/*", self._loopback_only)
        self.frames = FrameLog()
        if record_frames:
            self.cdp = self.context.new_cdp_session(self.page)
            self.cdp.on("Network.webSocketFrameSent", lambda event: self.frames.add(event, sent=True))
            self.cdp.on("Network.webSocketFrameReceived", lambda event: self.frames.add(event, sent=False))
            self.cdp.send("Network.enable", {"maxTotalBufferSize": 0, "maxResourceBufferSize": 0})

    def _loopback_only(self, route):
        if urlsplit(route.request.url).hostname in ("127.0.0.1", "localhost"):
            route.continue_()
        else:
            self.refused.append(route.request.url)
            route.abort()

    def close(self):
        self.context.close()

    def __enter__(self) -> Tab:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


# -- websocket frames -----------------------------------------------------------------------------

@dataclass
class Frame:
    sent: bool
    at: float  # Chromium's monotonic clock, seconds
    size: int
    finished: bool = False  # a ForwardMsg script_finished that ends a run (not one cut short for a rerun)
    component_bytes: int = 0  # bytes of custom-component elements (the map) in this message
    kind: str = ""


@dataclass
class FrameLog:
    frames: list[Frame] = field(default_factory=list)

    def add(self, event: dict, sent: bool) -> None:
        response = event.get("response", {})
        payload = response.get("payloadData", "")
        data = base64.b64decode(payload) if response.get("opcode") == 2 else payload.encode("utf-8")
        frame = Frame(sent, float(event["timestamp"]), len(data))
        if not sent:
            _classify(frame, data)
        self.frames.append(frame)

    def mark(self) -> int:
        return len(self.frames)

    def rerun_since(self, mark: int) -> Rerun | None:
        """The first complete rerun after ``mark``: from the first message the page sent to the server's
        script_finished; None while it is not finished."""
        frames = self.frames[mark:]
        first_sent = next((i for i, f in enumerate(frames) if f.sent), None)
        if first_sent is None:
            return None
        for i in range(first_sent, len(frames)):
            if frames[i].finished:
                span = frames[first_sent : i + 1]
                received = [f for f in span if not f.sent]
                return Rerun(server_ms=(frames[i].at - frames[first_sent].at) * 1000,
                             bytes=sum(f.size for f in received),
                             component_bytes=sum(f.component_bytes for f in received),
                             messages=len(received), end=mark + i + 1)
        return None

    def runs_finished_since(self, mark: int) -> int:
        return sum(1 for f in self.frames[mark:] if f.finished)

    def sent_since(self, mark: int) -> int:
        return sum(1 for f in self.frames[mark:] if f.sent and f.kind != "heartbeat")


@dataclass
class Rerun:
    server_ms: float
    bytes: int
    component_bytes: int
    messages: int
    end: int


def _classify(frame: Frame, data: bytes) -> None:
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    try:
        message = ForwardMsg.FromString(data)
    except Exception:
        return
    frame.kind = message.WhichOneof("type") or ""
    if frame.kind == "script_finished":
        name = ForwardMsg.ScriptFinishedStatus.Name(message.script_finished)
        frame.finished = name != "FINISHED_EARLY_FOR_RERUN"
    elif frame.kind == "delta" and message.delta.WhichOneof("type") == "new_element":
        element = message.delta.new_element
        if element.WhichOneof("type") in ("component_instance", "bidi_component"):
            frame.component_bytes = len(data)


def wait_rerun(tab: Tab, mark: int, timeout_s: float) -> Rerun:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        rerun = tab.frames.rerun_since(mark)
        if rerun is not None:
            return rerun
        tab.page.wait_for_timeout(10)
    raise TimeoutError(f"no finished rerun within {timeout_s:.0f} s")


def wait_sent(tab: Tab, mark: int, timeout_s: float) -> bool:
    """True once the page has sent the server a message after ``mark`` (False after ``timeout_s``)."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if tab.frames.sent_since(mark):
            return True
        tab.page.wait_for_timeout(20)
    return False


def wait_idle(tab: Tab, quiet_s: float = 0.5, timeout_s: float = 30.0) -> None:
    """Wait until no websocket frame has arrived for ``quiet_s`` (bounded by ``timeout_s``)."""
    deadline = time.monotonic() + timeout_s
    count, since = tab.frames.mark(), time.monotonic()
    while time.monotonic() < deadline:
        tab.page.wait_for_timeout(50)
        if tab.frames.mark() != count:
            count, since = tab.frames.mark(), time.monotonic()
        elif time.monotonic() - since >= quiet_s:
            return


# -- markers --------------------------------------------------------------------------------------

# City dots are elements with the class city-marker (SVG paths), or, with a canvas renderer, Leaflet
# layers whose className has it. Either way: how many there are, and which cities they belong to.
MARKERS_DRAWN = """
([count, present, absent]) => {
  const ids = new Set();
  const take = (cls) => {
    if (!cls || !/(^|\\s)city-marker(\\s|$)/.test(cls)) return;
    const m = /(?:^|\\s)city-(?!marker(?:\\s|$))([a-z0-9-]+)/.exec(cls);
    if (m) ids.add(m[1]);
  };
  for (const el of document.querySelectorAll('.city-marker')) take(el.getAttribute('class'));
  if (ids.size === 0 && window.L) {
    const maps = [];
    if (window.map instanceof L.Map) maps.push(window.map);
    for (const key of Object.keys(window)) {
      if (key.startsWith('map_') && window[key] instanceof L.Map) maps.push(window[key]);
    }
    for (const m of maps) m.eachLayer((layer) => take(layer.options && layer.options.className));
  }
  if (ids.size !== count) return false;
  return present.every((id) => ids.has(id)) && !absent.some((id) => ids.has(id));
}
"""


@dataclass(frozen=True)
class Expect:
    """What a fully drawn map of one day shows: how many city dots, some that must be there, some not."""

    count: int
    present: tuple[str, ...] = ()
    absent: tuple[str, ...] = ()


def expect_day(points: dict[str, list[list]], day: str, other: str | None = None) -> Expect:
    ids = {p[0] for p in points[day]}
    others = {p[0] for p in points[other]} if other else set()
    return Expect(len(ids), tuple(sorted(ids - others)[:3]) or tuple(sorted(ids)[:1]), tuple(sorted(others - ids)[:3]))


def wait_markers(page, expect: Expect, in_iframe: bool, timeout_s: float) -> None:
    """Wait until the map shows exactly the expected city dots (polled every 20 ms)."""
    deadline = time.monotonic() + timeout_s
    last_error: Exception | None = None
    while time.monotonic() < deadline:
        remaining_ms = max(1.0, (deadline - time.monotonic()) * 1000)
        try:
            if in_iframe:
                handle = page.wait_for_selector(MAP_FRAME, timeout=remaining_ms, state="attached")
                frame = handle.content_frame()
                if frame is None:
                    page.wait_for_timeout(20)
                    continue
            else:
                frame = page.main_frame
            frame.wait_for_function(MARKERS_DRAWN, arg=[expect.count, list(expect.present), list(expect.absent)],
                                    polling=POLL_MS, timeout=max(1.0, (deadline - time.monotonic()) * 1000))
            return
        except Exception as error:
            if "Timeout" in type(error).__name__ or "Timeout" in str(error)[:80]:
                raise TimeoutError(f"map did not show {expect.count} city dots within {timeout_s:.0f} s") from error
            last_error = error
            page.wait_for_timeout(20)
    raise TimeoutError(f"map did not show {expect.count} city dots within {timeout_s:.0f} s: {last_error}")
