"""`python -m flows.prefect_server server start …`: the `prefect` CLI with one compatibility fix.

Prefect 3.8.8's scheduler bulk-inserts scheduled flow runs from dicts that carry a `state` key.
`FlowRun.state` is a hybrid property with a setter, and SQLAlchemy 2.1 (pinned in uv.lock with
Prefect) refuses such a key in a bulk INSERT unless the hybrid has a `bulk_dml` hook
("Can't evaluate bulk DML statement; please supply a bulk_dml decorated function"), so no
schedule ever produced a run. SQLAlchemy 2.0 ignored the key; the hook below does the same
(Prefect inserts the state rows itself right after). `prefect server start` in the foreground
runs uvicorn and the services in this process, so patching here covers them all.
Remove once Prefect ships the hook (check: `saraban serve` runs appear on the interval).
"""

from __future__ import annotations

from collections.abc import MutableMapping
from typing import Any


def _ignore_in_bulk_insert(cls: type, mapping: MutableMapping[str, Any], value: Any) -> None:
    """Leave the mapping as it is: not a column, and SQLAlchemy 2.0 ignored it."""


def patch_state_bulk_insert() -> list[str]:
    """Give `FlowRun.state` / `TaskRun.state` a no-op bulk_dml hook where SQLAlchemy needs one."""
    from prefect.server.database import orm_models

    patched = []
    for model in (orm_models.FlowRun, orm_models.TaskRun):
        hybrid = model.__dict__.get("state")
        if hybrid is not None and getattr(hybrid, "bulk_dml_setter", False) is None:
            hybrid.bulk_dml_setter = _ignore_in_bulk_insert
            patched.append(model.__name__)
    return patched


def main() -> None:
    patch_state_bulk_insert()
    from prefect.cli import app

    app()


if __name__ == "__main__":
    main()
