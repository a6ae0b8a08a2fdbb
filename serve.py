"""Start the dashboard from any folder: `python serve.py [--port 8501] [--address localhost]`.

Other options go to Streamlit as they are (``--server.headless true``...).

The same as `streamlit run dashboard.py` in the repository folder, with three things made sure first:

- Leaflet is copied into static/ before Streamlit starts, so it finds its static folder (no warning,
  even after static/ was deleted);
- Streamlit runs in the repository folder, where .streamlit/config.toml switches static serving on,
  wherever the command was typed;
- a port that is already taken gets a plain sentence and exit status 2, not a log line.
"""

from __future__ import annotations

import argparse
import errno
import os
import socket
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent


def port_in_use(address: str, port: int) -> bool:
    """True if something already listens on ``address:port`` (a closing connection does not count)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((address, port))
        except OSError as error:
            if error.errno in (errno.EADDRINUSE, errno.EACCES):
                return True
            raise
    return False


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python serve.py", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", "--server.port", dest="port", type=int, default=8501)
    parser.add_argument("--address", "--server.address", dest="address", default="localhost")
    args, streamlit_options = parser.parse_known_args(argv)

    sys.path.insert(0, str(REPO))
    from rendering.assets import install_leaflet

    install_leaflet()
    bind_address = "127.0.0.1" if args.address == "localhost" else args.address
    if port_in_use(bind_address, args.port):
        print(f"Port {args.port} is already in use: is the dashboard running already (http://{args.address}:{args.port})? "
              f"Stop it, or start this one on another port: python serve.py --port {args.port + 1}", file=sys.stderr)
        return 2
    command = [sys.executable, "-m", "streamlit", "run", str(REPO / "dashboard.py"),
               "--server.port", str(args.port), "--server.address", args.address, *streamlit_options]
    # Become Streamlit (same process), so Ctrl-C and a service manager's stop reach it directly.
    os.chdir(REPO)
    os.execv(sys.executable, command)
    return 0  # not reached


if __name__ == "__main__":
    raise SystemExit(main())
