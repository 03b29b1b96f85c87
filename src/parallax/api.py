"""The REST API and web pages over a store: a thin FastAPI shell over the library.

JSON under `/api/...` (OpenAPI schema at `/openapi.json`), server-rendered pages elsewhere
(`/` lists stories, `/stories/{id}` compares outlets, `/entities/{key}` follows a person,
`/search`). Every error is a JSON body `{"error": {"status": ..., "message": ...}}`. When the
app has a token, every request must carry it (`Authorization: Bearer TOKEN`, or `?token=` for a
browser), so a server bound beyond the loopback is never open.
"""

from __future__ import annotations

import hmac
import re
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import FastAPI, HTTPException, Path, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint

from parallax.errors import StoreError
from parallax.framing.heads import OUT_OF_DOMAIN
from parallax.report.compare import comparison_html
from parallax.store import Store
from parallax.stories.compare import compare_articles
from parallax.timeline import merge_timeline

__all__ = ["MAX_BODY_BYTES", "MAX_PAGE", "MAX_QUERY", "create_app"]

MAX_PAGE = 200
MAX_QUERY = 200
MAX_BODY_BYTES = 64 * 1024

Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description="Page size.")]
Offset = Annotated[int, Query(ge=0, le=1_000_000, description="Rows to skip.")]
Text = Annotated[str | None, Query(max_length=MAX_QUERY)]
StoryId = Annotated[int, Path(ge=1, le=2**62, description="Story id.")]
Day = Annotated[
    str | None, Query(pattern=r"^\d{4}-\d{2}-\d{2}$", description="ISO date, inclusive.")
]

_pages = Environment(
    loader=PackageLoader("parallax", "web/templates"), autoescape=select_autoescape(["html"])
)
_pages.filters["urlquote"] = lambda value: quote(str(value), safe="")


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": {"status": status, "message": message}}, status_code=status)


class _Guard(BaseHTTPMiddleware):
    """The token rule and the body-size limit, checked before any route runs."""

    def __init__(self, app: Any, token: str | None) -> None:
        super().__init__(app)
        self.token = token

    async def dispatch(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        if self.token is not None:
            header = request.headers.get("authorization", "")
            given = header.removeprefix("Bearer ").strip() or request.query_params.get("token", "")
            if not hmac.compare_digest(given.encode(), self.token.encode()):
                return _error(401, "a valid API token is required")
        length = request.headers.get("content-length", "0")
        if not length.isdigit() or int(length) > MAX_BODY_BYTES:
            return _error(413, f"request body over {MAX_BODY_BYTES} bytes")
        return await call_next(request)


def _words_query(text: str) -> str:
    """A search box's text as an FTS query that cannot be malformed: every word, quoted."""
    words = re.findall(r"\w+", text)
    return " ".join(f'"{w}"' for w in words)


def create_app(db: str | Store, *, token: str | None = None) -> FastAPI:
    """The app over the store at `db` (or that store itself); with `token`, every request must
    present it."""
    store = db if isinstance(db, Store) else Store(db)
    app = FastAPI(
        title="Parallax",
        description="Stories, outlets compared, quotes and timelines from a Parallax store.",
        version="0.1.0",
    )
    app.add_middleware(_Guard, token=token)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return _error(exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(x) for x in first.get("loc", ()))
        return _error(422, f"{where}: {first.get('msg', 'invalid request')}")

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError) -> JSONResponse:
        return _error(400, str(exc))

    def _story(story_id: int) -> dict[str, Any]:
        found = store.stories(story_id=story_id)
        if not found:
            raise HTTPException(404, f"no story {story_id}")
        return found[0]

    # -- API -------------------------------------------------------------------------------
    @app.get("/api/articles", tags=["articles"])
    def list_articles(
        limit: Limit = 50,
        offset: Offset = 0,
        outlet: Text = None,
        since: Day = None,
        until: Day = None,
        entity: Text = None,
        q: Text = None,
    ) -> dict[str, Any]:
        """Articles newest first, filtered by outlet, date range, entity key or full-text query."""
        rows = store.list_articles(
            limit=limit,
            offset=offset,
            outlet=outlet,
            since=since,
            until=until,
            entity=entity,
            query=q,
        )
        return {"items": rows, "limit": limit, "offset": offset}

    @app.get("/api/articles/{article_id}", tags=["articles"])
    def get_article(article_id: Annotated[str, Path(max_length=64)]) -> dict[str, Any]:
        """One article with every analysis (entities, quotes, timexes, events)."""
        article = store.get(article_id)
        if article is None:
            raise HTTPException(404, f"no single article with id {article_id!r}")
        return article.to_dict()

    @app.get("/api/stories", tags=["stories"])
    def list_stories(limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
        """Stories newest first, each with its articles and their copies."""
        return {
            "items": store.stories(limit=limit, offset=offset),
            "limit": limit,
            "offset": offset,
        }

    @app.get("/api/stories/{story_id}", tags=["stories"])
    def get_story(story_id: StoryId) -> dict[str, Any]:
        """One story with its outlet-by-outlet comparison."""
        import dataclasses

        story = _story(story_id)
        comparison = compare_articles(store.story_articles(story_id))
        return {**story, "comparison": dataclasses.asdict(comparison)}

    @app.get("/api/entities", tags=["entities"])
    def list_entities(
        limit: Limit = 50,
        offset: Offset = 0,
        q: Text = None,
        type: Annotated[str | None, Query(pattern=r"^(PERSON|ORG|GPE|LOC|NORP|FAC)$")] = None,
    ) -> dict[str, Any]:
        """Corpus entities, most covered first; `q` matches names and aliases."""
        rows = store.entities(type_=type, limit=limit, offset=offset, name=q)
        return {"items": rows, "limit": limit, "offset": offset}

    @app.get("/api/entity", tags=["entities"])
    def get_entity(
        key: Annotated[str, Query(min_length=1, max_length=MAX_QUERY)],
    ) -> dict[str, Any]:
        """One entity (by its key, e.g. `PERSON:greta holm`): descriptors by outlet, its quotes."""
        found = store.entity(key)
        if found is None:
            raise HTTPException(404, f"no entity {key!r}")
        return found

    @app.get("/api/quotes", tags=["quotes"])
    def list_quotes(
        limit: Limit = 50,
        offset: Offset = 0,
        speaker: Text = None,
        outlet: Text = None,
        since: Day = None,
        until: Day = None,
    ) -> dict[str, Any]:
        """Quotes by speaker (name or alias), outlet and date range, oldest first."""
        import dataclasses

        rows = store.quotes(
            speaker=speaker, outlet=outlet, since=since, until=until, limit=limit, offset=offset
        )
        return {"items": [dataclasses.asdict(r) for r in rows], "limit": limit, "offset": offset}

    @app.get("/api/timeline", tags=["timeline"])
    def get_timeline(
        q: Text = None, story: Annotated[int | None, Query(ge=1, le=2**62)] = None
    ) -> dict[str, Any]:
        """Dated events on one axis, for a full-text query and/or a story."""
        import dataclasses

        chosen = store.timeline_articles(q, story)
        if chosen is None:
            raise HTTPException(404, f"no story {story}")
        return {"items": [dataclasses.asdict(e) for e in merge_timeline(chosen)]}

    # -- pages -----------------------------------------------------------------------------
    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def home() -> str:
        return _pages.get_template("home.html").render(stories=store.stories(limit=MAX_PAGE))

    @app.get("/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    def story_page(story_id: StoryId) -> str:
        story = _story(story_id)
        articles = store.story_articles(story_id)
        title = f"Story {story_id}: {story['title'] or '(untitled)'}"
        return comparison_html(title, compare_articles(articles), articles, home="/")

    @app.get("/entity", response_class=HTMLResponse, include_in_schema=False)
    def entity_page(key: Annotated[str, Query(min_length=1, max_length=MAX_QUERY)]) -> str:
        found = store.entity(key)
        if found is None:
            raise HTTPException(404, f"no entity {key!r}")
        return _pages.get_template("entity.html").render(entity=found)

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search_page(q: Annotated[str, Query(max_length=MAX_QUERY)] = "") -> str:
        hits = store.search(_words_query(q), limit=50) if _words_query(q) else []
        people = store.entities(name=q, limit=20) if q.strip() else []
        return _pages.get_template("search.html").render(q=q, hits=hits, people=people)

    @app.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(article_id: Annotated[str, Path(max_length=64)]) -> str:
        article = store.get(article_id)
        if article is None:
            raise HTTPException(404, f"no single article with id {article_id!r}")
        return _pages.get_template("article.html").render(a=article, withheld=OUT_OF_DOMAIN)

    return app
