"""Developer tools shared by the tests, the screenshots script and the benchmarks (not installed)."""
