"""python -m bench [--smoke] [--scales 1 10 100]: see bench/run.py and bench/README.md."""

from bench.run import main

raise SystemExit(main())
