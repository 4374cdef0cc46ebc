"""Keep the garbage collector off the app's long-lived objects.

Altair's schema, the word index and the like are millions of objects that live as long as the
process or a snapshot. A full collection walking them cost 100+ ms in the middle of a request,
so once they are loaded they are frozen out of its sight (`gc.freeze`); they are still freed by
reference counting when replaced. Unfrozen at exit so DuckDB's objects are finalised (nanobind
prints leak reports otherwise).
"""

from __future__ import annotations

import atexit
import gc


def freeze_heap() -> None:
    gc.collect()
    gc.freeze()
    atexit.unregister(gc.unfreeze)
    atexit.register(gc.unfreeze)
