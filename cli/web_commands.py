"""`saraban web`: the analysts' and reviewers' web app (uvicorn serving web.app)."""

from __future__ import annotations

import os
from typing import Annotated

import typer

from cli.common import ExitCode, HomeOption, app, console, fail, home_from


@app.command()
def web(home: HomeOption = None,
        host: Annotated[str, typer.Option(help="Address to listen on; not loopback needs --token")] = "127.0.0.1",
        port: Annotated[int, typer.Option(help="Port")] = 8765,
        token: Annotated[str | None, typer.Option(
            help="Access token (default: $SARABAN_WEB_TOKEN); required when --host is not loopback",
            show_default=False)] = None) -> None:
    """Serve the web app: national progress, review queue, letters and search, deadlines, runs."""
    import uvicorn

    from web.app import create_app
    from web.settings import TOKEN_ENV, WebSettings, is_loopback

    secret = token if token is not None else os.environ.get(TOKEN_ENV, "")
    loopback = is_loopback(host)
    if not loopback and len(secret) < 16:
        fail(f"[red]--host {host} is reachable from other machines[/red]: give --token (or {TOKEN_ENV}) "
             "of at least 16 characters / ต้องกำหนดรหัสเข้าใช้งานเมื่อเปิดให้เครื่องอื่นเข้าถึง", ExitCode.REFUSED)
    the_home = home_from(home)
    settings = WebSettings(home=the_home, token=secret, loopback=loopback)
    shown = f"[{host}]" if ":" in host else host
    console.print(f"Saraban web: http://{shown}:{port}/" + ("?token=…" if secret else "") + f"  (home {the_home.root})")
    uvicorn.run(create_app(settings), host=host, port=port, log_level="warning")
