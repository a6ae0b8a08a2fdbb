"""Load: one server, N concurrent sessions, each loading a different view and clicking a city.

Sessions are Chromium browser contexts (in one Chromium) or Streamlit websocket clients, on
loopback only, every wait bounded. A browser session opens ``/?date=&layers=&city=``, waits until the
map shows all of that day's city dots, clicks one city's dot and waits for its popup and for the URL to
name the city. A websocket client speaks Streamlit's own protocol (what the browser sends: a
``rerun_script`` BackMsg with the query string), waits for the run to finish with the map component
holding every city of the day, then "clicks": it sends the map component's value as streamlit-folium's
frontend does on a click (``last_object_clicked`` at the city's coordinates, the click count and the
clicked disc's feature) and waits for the run to put ``city=<id>`` in the URL. The websocket client does no drawing, so its "time to markers" is the time to
the map's data, not to pixels; the report keeps the two kinds apart.

    python -m bench.load --sessions 30 --browsers 10 --rounds 3
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import statistics
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from bench.harness import MAP_FRAME, MARKERS_DRAWN, POLL_MS, REPO, VIEWPORT, rss_mb, streamlit
from tools.browser import CHROMIUM_ARGS, chromium_path

LAYER_VIEWS = ("crowd,detentions", "detentions", "crowd", "temperature", "crowd,detentions,temperature", "none",
               "detentions,temperature", "crowd,temperature")
IDLE_APP = "[data-testid='stApp'][data-test-script-state='notRunning']"
MARKER_ID = re.compile(r"city-marker city-([a-z0-9-]+)")


@dataclass(frozen=True)
class View:
    date: str
    layers: str
    city: str  # in the URL
    click: str  # the city whose dot is clicked
    click_lat: float
    click_lon: float
    expected: int  # city dots that day

    @property
    def query(self) -> str:
        return f"date={self.date}&layers={self.layers}&city={self.city}"


def isolated(points: list[list], share: float = 0.3) -> list[list]:
    """The day's cities whose dot is farthest from any other (the top ``share``), so a click on one
    cannot land on a neighbour's dot drawn on top of it."""
    import numpy as np

    lat = np.array([p[1] for p in points])
    lon = np.array([p[2] for p in points]) * np.cos(np.radians(lat))
    if len(points) < 2:
        return list(points)
    gaps = np.hypot(lat[:, None] - lat[None, :], lon[:, None] - lon[None, :])
    np.fill_diagonal(gaps, np.inf)
    nearest = gaps.min(axis=1)
    order = sorted(range(len(points)), key=lambda i: (-nearest[i], points[i][0]))
    return [points[i] for i in order[: max(1, int(len(points) * share))]]


def views(points: dict[str, list[list]], count: int) -> list[View]:
    """``count`` different views, spread over the days, the layer combinations and the cities."""
    days = list(points)
    targets = {}
    chosen = []
    for i in range(count):
        day = days[i % len(days)]
        cities = sorted(points[day])
        if day not in targets:
            targets[day] = sorted(isolated(points[day]))
        shown = cities[(i * 7) % len(cities)]
        clicked = targets[day][(i * 13 + 1) % len(targets[day])]
        chosen.append(View(day, LAYER_VIEWS[(i // len(days)) % len(LAYER_VIEWS)], shown[0], clicked[0],
                           clicked[1], clicked[2], len(cities)))
    return chosen


@dataclass
class Outcome:
    kind: str  # "browser" or "websocket"
    view: str
    ok: bool = False
    markers_ms: float | None = None
    click_ms: float | None = None
    click_attempts: int = 0
    error: str = ""


# -- a browser session ------------------------------------------------------------------------------

async def browser_session(browser, base: str, view: View, timeout_s: float) -> Outcome:
    outcome = Outcome("browser", view.query)
    context = await browser.new_context(viewport=VIEWPORT)
    refused = []

    async def loopback_only(route):
        if route.request.url.startswith(("http://127.0.0.1", "ws://127.0.0.1")):
            await route.continue_()
        else:
            refused.append(route.request.url)
            await route.abort()

    await context.route("**/*", loopback_only)
    page = None
    try:
        page = await context.new_page()
        start = time.perf_counter()
        await page.goto(f"{base}/?{view.query}", timeout=timeout_s * 1000)
        handle = await page.wait_for_selector(MAP_FRAME, timeout=timeout_s * 1000, state="attached")
        frame = await handle.content_frame()
        await frame.wait_for_function(MARKERS_DRAWN, arg=[view.expected, [view.click], []], polling=POLL_MS,
                                      timeout=timeout_s * 1000)
        outcome.markers_ms = (time.perf_counter() - start) * 1000
        # Click once the run has finished: until then the page above the map may still move.
        await page.wait_for_selector(IDLE_APP, state="attached", timeout=timeout_s * 1000)
        start = time.perf_counter()
        for attempt in range(3):  # bounded: a dot can move under the pointer while the page settles
            try:
                # as tools/browser.py's click_city does: where a person would, the disc under the pointer
                await frame.locator(f"path.city-marker.city-{view.click}").click(timeout=10_000)
                await frame.locator(".leaflet-popup-content").first.wait_for(timeout=10_000)
                break
            except Exception:
                if attempt == 2:
                    raise
                await page.wait_for_timeout(500)
        outcome.click_attempts = attempt + 1
        await page.wait_for_url(re.compile(rf"[?&]city={re.escape(view.click)}(&|$)"), timeout=timeout_s * 1000)
        outcome.click_ms = (time.perf_counter() - start) * 1000
        exceptions = await page.locator("[data-testid='stException']").count()
        if exceptions:
            outcome.error = f"{exceptions} exception(s) on the page"
        elif refused:
            outcome.error = f"asked hosts beyond loopback: {refused[:3]}"
        else:
            outcome.ok = True
    except Exception as error:
        outcome.error = f"{type(error).__name__}: {str(error).splitlines()[0][:200]}"
        if page is not None:
            outcome.error += f" (at {page.url})"
    finally:
        await context.close()
    return outcome


# -- a websocket session ----------------------------------------------------------------------------

class _Run:
    """What one script run sent: whether it finished, the map component, the URL, any exception."""

    def __init__(self):
        self.finished = False
        self.component_id: str | None = None
        self.component_text = ""
        self.query_string: str | None = None
        self.exception: str | None = None


async def _one_run(socket, run: _Run, deadline: float) -> None:
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    while not run.finished:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError("the run did not finish in time")
        message = ForwardMsg.FromString(await asyncio.wait_for(socket.recv(), remaining))
        kind = message.WhichOneof("type")
        if kind == "script_finished":
            status = ForwardMsg.ScriptFinishedStatus.Name(message.script_finished)
            run.finished = status != "FINISHED_EARLY_FOR_RERUN"
        elif kind == "page_info_changed":
            run.query_string = message.page_info_changed.query_string
        elif kind == "delta" and message.delta.WhichOneof("type") == "new_element":
            element = message.delta.new_element
            which = element.WhichOneof("type")
            if which == "component_instance":
                run.component_id = element.component_instance.id
                run.component_text = element.component_instance.json_args
            elif which == "exception":
                run.exception = f"{element.exception.type}: {element.exception.message[:200]}"


async def websocket_session(base: str, view: View, timeout_s: float) -> Outcome:
    import websockets
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.WidgetStates_pb2 import WidgetState

    outcome = Outcome("websocket", view.query)
    deadline = time.monotonic() + timeout_s
    try:
        async with websockets.connect(base.replace("http://", "ws://") + "/_stcore/stream", subprotocols=["streamlit"],
                                      origin=base, max_size=None, open_timeout=timeout_s,
                                      # A browser sends no keepalive pings of its own (the server pings it);
                                      # a client that did closed busy-but-working sessions as failed.
                                      ping_interval=None) as socket:
            start = time.perf_counter()
            request = BackMsg()
            request.rerun_script.query_string = view.query
            await socket.send(request.SerializeToString())
            first = _Run()
            await _one_run(socket, first, deadline)
            outcome.markers_ms = (time.perf_counter() - start) * 1000
            drawn = set(MARKER_ID.findall(first.component_text))
            if first.exception:
                raise RuntimeError(first.exception)
            if first.component_id is None:
                raise RuntimeError("the run sent no map component")
            if len(drawn) != view.expected and not (not drawn and view.click in first.component_text):
                raise RuntimeError(f"the map holds {len(drawn)} city dots, expected {view.expected}")

            start = time.perf_counter()
            click = BackMsg()
            click.rerun_script.query_string = first.query_string or view.query
            # What streamlit-folium's frontend sends for a click on a city's disc (the page keeps the keys it
            # asked for): where it was, how many clicks so far, and the clicked layer's feature.
            state = WidgetState(id=first.component_id, json_value=json.dumps({
                "last_object_clicked": {"lat": view.click_lat, "lng": view.click_lon},
                "last_object_clicked_count": 1,
                "last_active_drawing": {"type": "Feature", "properties": {"city_id": view.click},
                                        "geometry": {"type": "Point", "coordinates": [view.click_lon, view.click_lat]}},
            }))
            click.rerun_script.widget_states.widgets.append(state)
            await socket.send(click.SerializeToString())
            second = _Run()
            while not (second.query_string and f"city={view.click}" in second.query_string):
                if second.finished:
                    raise RuntimeError(f"after the click the URL is {second.query_string!r}, not city={view.click}")
                await _one_run(socket, second, deadline)
            if second.exception:
                raise RuntimeError(second.exception)
            outcome.click_ms = (time.perf_counter() - start) * 1000
            outcome.ok = True
    except Exception as error:
        outcome.error = f"{type(error).__name__}: {str(error).splitlines()[0][:200] if str(error) else ''}"
    return outcome


# -- rounds -----------------------------------------------------------------------------------------

@dataclass
class LoadResult:
    sessions: int
    browsers: int
    websockets: int
    rounds: int
    outcomes: list[list[Outcome]] = field(default_factory=list)
    rss_mb: list[float] = field(default_factory=list)  # before round 1, then after each round
    round_s: list[float] = field(default_factory=list)
    server_errors: list[str] = field(default_factory=list)

    @property
    def successes(self) -> int:
        return sum(o.ok for r in self.outcomes for o in r)

    @property
    def attempts(self) -> int:
        return sum(len(r) for r in self.outcomes)

    def percentile(self, kind: str, what: str, share: float) -> float | None:
        values = sorted(getattr(o, what) for r in self.outcomes for o in r
                        if o.ok and o.kind == kind and getattr(o, what) is not None)
        if not values:
            return None
        if len(values) == 1:
            return values[0]
        return statistics.quantiles(values, n=100, method="inclusive")[round(share * 100) - 1]

    def failures(self) -> list[Outcome]:
        return [o for r in self.outcomes for o in r if not o.ok]

    def to_json(self) -> dict:
        data = asdict(self)
        data["successes"], data["attempts"] = self.successes, self.attempts
        return data


async def _round(browser, base: str, chosen: list[View], browsers: int, timeout_s: float) -> list[Outcome]:
    tasks = []
    for i, view in enumerate(chosen):
        if i < browsers:
            tasks.append(browser_session(browser, base, view, timeout_s))
        else:
            tasks.append(websocket_session(base, view, timeout_s))
    return list(await asyncio.gather(*tasks))


async def _settle(base: str, probe: View, ttl_s: float, timeout_s: float) -> None:
    """Let the round's disconnected sessions expire, then connect once more: Streamlit drops expired
    sessions when it stores another, so the memory read next is what the round left behind."""
    await asyncio.sleep(ttl_s + 1)
    await websocket_session(base, probe, timeout_s)
    await asyncio.sleep(1.0)


async def _run_rounds(base: str, pid: int, points: dict, sessions: int, browsers: int, rounds: int,
                      timeout_s: float, ttl_s: float, result: LoadResult) -> None:
    chosen = views(points, sessions * rounds + 1)
    probe = chosen.pop()
    browser = playwright = None
    if browsers:
        from playwright.async_api import async_playwright

        playwright = await async_playwright().start()
        browser = await playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS, headless=True)
    try:
        await _settle(base, probe, ttl_s, timeout_s * 3)  # also the first load: validation and summary
        result.rss_mb.append(rss_mb(pid))
        for number in range(rounds):
            start = time.perf_counter()
            outcomes = await asyncio.wait_for(
                _round(browser, base, chosen[number * sessions : (number + 1) * sessions], browsers, timeout_s),
                timeout_s * 2 + 30)
            result.round_s.append(time.perf_counter() - start)
            result.outcomes.append(outcomes)
            await _settle(base, probe, ttl_s, timeout_s)
            result.rss_mb.append(rss_mb(pid))
    finally:
        if browser is not None:
            await browser.close()
        if playwright is not None:
            await playwright.stop()


# Streamlit keeps a disconnected session 120 s by default, for a reconnect; the load server keeps it
# SESSION_TTL_S, so memory read after a round shows what its sessions left behind, not the sessions.
SESSION_TTL_S = 5


def run_load(data_dir: Path | str, points: dict, sessions: int = 30, browsers: int = 10, rounds: int = 3,
             timeout_s: float = 120.0, log_dir: Path | None = None, ttl_s: float = SESSION_TTL_S) -> LoadResult:
    """Start one dashboard server on ``data_dir`` and run ``rounds`` rounds of ``sessions`` concurrent sessions.

    The server's first load (validation and summary) happens before the memory is first read."""
    browsers = min(browsers, sessions) if chromium_path() else 0
    result = LoadResult(sessions, browsers, sessions - browsers, rounds)
    env = {"PROTEST_DATA_DIR": str(Path(data_dir).resolve())}
    options = {"server.disconnectedSessionTTL": str(int(ttl_s))}
    with streamlit("dashboard.py", env=env, log_dir=log_dir, options=options) as server:
        asyncio.run(_run_rounds(server.base, server.pid, points, sessions, browsers, rounds, timeout_s, ttl_s, result))
        result.server_errors = server.errors()
    return result


def describe(result: LoadResult) -> list[str]:
    def ms(value):
        return "–" if value is None else f"{value:,.0f} ms"

    lines = [
        f"{result.sessions} concurrent sessions ({result.browsers} Chromium contexts, {result.websockets} websocket "
        f"clients) x {result.rounds} rounds: {result.successes}/{result.attempts} succeeded; "
        f"rounds took {', '.join(f'{s:.0f} s' for s in result.round_s)}",
    ]
    for kind in ("browser", "websocket"):
        if any(o.kind == kind for r in result.outcomes for o in r):
            lines.append(f"  {kind}: time to markers p50 {ms(result.percentile(kind, 'markers_ms', 0.5))}, "
                         f"p95 {ms(result.percentile(kind, 'markers_ms', 0.95))}; click to city in URL "
                         f"p50 {ms(result.percentile(kind, 'click_ms', 0.5))}, p95 {ms(result.percentile(kind, 'click_ms', 0.95))}")
    lines.append("  server memory (RSS): " + " -> ".join(f"{m:.0f} MB" for m in result.rss_mb)
                 + f" (before round 1, then after each round, once its sessions expired: TTL {SESSION_TTL_S} s)")
    retried = sum(1 for r in result.outcomes for o in r if o.click_attempts > 1)
    if retried:
        lines.append(f"  browser clicks that needed a second try (the dot moved while the page settled): {retried}")
    lines.append(f"  errors in the server log: {len(result.server_errors)}")
    for failure in result.failures()[:10]:
        lines.append(f"  FAILED {failure.kind} {failure.view}: {failure.error}")
    return lines


def main(argv: list[str] | None = None) -> int:
    from bench.points import day_points

    parser = argparse.ArgumentParser(prog="python -m bench.load", description=__doc__.split("\n\n")[0])
    parser.add_argument("--data-dir", type=Path, default=REPO / "data")
    parser.add_argument("--sessions", type=int, default=30)
    parser.add_argument("--browsers", type=int, default=10, help="how many of the sessions are Chromium contexts")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds allowed to one session")
    args = parser.parse_args(argv)
    result = run_load(args.data_dir, day_points(args.data_dir), args.sessions, args.browsers, args.rounds, args.timeout)
    print("\n".join(describe(result)))
    return 0 if result.successes == result.attempts and not result.server_errors else 1


if __name__ == "__main__":
    raise SystemExit(main())
