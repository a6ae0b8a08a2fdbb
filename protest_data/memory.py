"""Give back to the system the memory a validation used and freed.

Validating a large package builds millions of short-lived objects; once freed, glibc's allocator and
Arrow's memory pool (pandas keeps strings in Arrow) keep most of that memory for reuse, so a server
that validated once would stay that large for good. Both are asked to return what they hold free.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc


def release_freed_memory() -> None:
    gc.collect()
    try:
        import pyarrow

        pyarrow.default_memory_pool().release_unused()
    except (ImportError, AttributeError):
        pass
    libc_name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(libc_name) if libc_name else None
        if libc is not None and hasattr(libc, "malloc_trim"):  # glibc only
            libc.malloc_trim(0)
    except OSError:
        pass
