"""The `saraban` entry point: the shared app with every command module registered on it."""

from __future__ import annotations

from cli import data_commands, draft_commands, run_commands, web_commands
from cli.common import app

# Importing them registers their commands on `app`.
COMMAND_MODULES = (run_commands, data_commands, web_commands, draft_commands)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
