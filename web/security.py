"""Who may talk to the app, and which POSTs are genuine.

- Bound to loopback (the default) only Host headers naming this machine are answered, so a web
  page elsewhere cannot reach the app through DNS rebinding.
- Bound to another address a token is required (`--token` / SARABAN_WEB_TOKEN): given once as
  `?token=…` (then kept in an HttpOnly cookie) or as `Authorization: Bearer …`.
- Every POST must come from a page of this app: its Origin (or Referer) must be this host, and it
  must carry the CSRF token of the double-submit cookie (SameSite=Strict). No SQL is ever taken
  from the browser: every query is written here, with parameters.
"""

from __future__ import annotations

import hmac
import secrets
from urllib.parse import urlencode, urlsplit

from starlette.datastructures import MutableHeaders
from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint
from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSRF_COOKIE = "saraban_csrf"
TOKEN_COOKIE = "saraban_token"
LOOPBACK_HOSTS = ["127.0.0.1", "localhost", "::1", "[::1]"]


class ForbiddenPost(Exception):
    """A POST that did not come from this app's own form."""


def _same(a: str, b: str) -> bool:
    return hmac.compare_digest(a.encode(), b.encode())


class TokenGate(BaseHTTPMiddleware):
    """Refuse every request without the token (only installed when a token is set)."""

    def __init__(self, app: ASGIApp, token: str) -> None:
        super().__init__(app)
        self.token = token

    async def dispatch(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        given = request.query_params.get("token", "")
        if given and _same(given, self.token):
            return _remember_token(request, self.token)
        bearer = request.headers.get("authorization", "").removeprefix("Bearer ").strip()
        if _same(request.cookies.get(TOKEN_COOKIE, ""), self.token) or (bearer and _same(bearer, self.token)):
            return await call_next(request)
        return PlainTextResponse("ต้องใช้รหัสเข้าใช้งาน (token) / a token is required: open the address "
                                 "with ?token=…", status_code=401)


def _remember_token(request: Request, token: str) -> Response:
    """Drop the token from the address bar (and from history and logs) once it is in a cookie."""
    rest = urlencode([(k, v) for k, v in request.query_params.multi_items() if k != "token"])
    response = RedirectResponse(request.url.path + (f"?{rest}" if rest else ""), status_code=303)
    response.set_cookie(TOKEN_COOKIE, token, httponly=True, samesite="strict")
    return response


class CsrfCookie:
    """Give every browser a CSRF token (request.state.csrf) in a SameSite=Strict cookie.

    Plain ASGI rather than BaseHTTPMiddleware: it runs on every request, and needs no body.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        known = Request(scope).cookies.get(CSRF_COOKIE, "")
        token = known or secrets.token_urlsafe(32)
        scope.setdefault("state", {})["csrf"] = token

        async def send_with_cookie(message: Message) -> None:
            if message["type"] == "http.response.start" and not known:
                MutableHeaders(scope=message).append(
                    "set-cookie", f"{CSRF_COOKIE}={token}; HttpOnly; Path=/; SameSite=strict")
            await send(message)

        await self.app(scope, receive, send_with_cookie)


def check_post(request: Request, form_token: str) -> None:
    """Same origin and a matching CSRF token, else ForbiddenPost."""
    host = request.headers.get("host", "")
    source = request.headers.get("origin") or request.headers.get("referer") or ""
    if not source or urlsplit(source).netloc != host:
        raise ForbiddenPost(f"cross-site request refused (origin {source!r}, host {host!r})")
    cookie = request.cookies.get(CSRF_COOKIE, "")
    if not cookie or not form_token or not _same(cookie, form_token):
        raise ForbiddenPost("missing or wrong CSRF token")
