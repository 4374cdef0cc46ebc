"""`saraban web`: the analysts' and reviewers' web app (uvicorn serving web.app)."""

from __future__ import annotations

import os
import socket
import threading
from typing import TYPE_CHECKING, Annotated

import typer

from cli.common import ExitCode, HomeOption, app, console, fail, home_from
from pipeline.home import Home

if TYPE_CHECKING:
    import uvicorn


@app.command()
def web(home: HomeOption = None,
        host: Annotated[str, typer.Option(help="Address to listen on; not loopback needs --token")] = "127.0.0.1",
        port: Annotated[int, typer.Option(help="Port")] = 8765,
        token: Annotated[str | None, typer.Option(
            help="Access token (default: $SARABAN_WEB_TOKEN); required when --host is not loopback",
            show_default=False)] = None) -> None:
    """Serve the web app: national progress, review queue, letters and search, deadlines, runs."""
    from web.settings import TOKEN_ENV, is_loopback

    secret = token if token is not None else os.environ.get(TOKEN_ENV, "")
    if not is_loopback(host) and len(secret) < 16:
        fail(f"[red]--host {host} is reachable from other machines[/red]: give --token (or {TOKEN_ENV}) "
             "of at least 16 characters / ต้องกำหนดรหัสเข้าใช้งานเมื่อเปิดให้เครื่องอื่นเข้าถึง", ExitCode.REFUSED)
    web_server(home_from(home), host, port, secret).run()


def web_server(home: Home, host: str, port: int, token: str = "", *, build_index: bool = True) -> uvicorn.Server:
    """The web app for `home` on host:port, announced, ready to `run()` (here or in a thread)."""
    import uvicorn

    from web.app import create_app
    from web.settings import WebSettings, is_loopback

    settings = WebSettings(home=home, token=token, loopback=is_loopback(host))
    shown = f"[{host}]" if ":" in host else host
    console.print(f"Saraban web: http://{shown}:{port}/" + ("?token=…" if token else "") + f"  (home {home.root})")
    app = create_app(settings, build_index=build_index)
    return uvicorn.Server(uvicorn.Config(app, host=host, port=port, log_level="warning"))


class WebBeside:
    """The web app in a thread of `saraban serve`; `stop` ends it before the process does (a
    thread still inside DuckDB at interpreter exit aborts the process)."""

    def __init__(self, server: uvicorn.Server) -> None:
        self.server = server
        self.thread = threading.Thread(target=server.run, name="saraban-web", daemon=True)
        self.thread.start()

    def stop(self, wait: float = 15.0) -> None:
        self.server.should_exit = True
        self.thread.join(wait)


def start_web_beside(home: Home, port: int) -> WebBeside:
    """The web app on 127.0.0.1:`port` beside the runner: one command for the office machine, and
    it ends with serve. A port in use is named now, before anything else starts. The word index
    is built at the first search, not in a thread racing serve's own start and stop."""
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            fail(f"[red]web port {port} on 127.0.0.1 is in use[/red]: choose another with --web-port, "
                 "or --no-web", ExitCode.REFUSED)
    return WebBeside(web_server(home, "127.0.0.1", port, build_index=False))
