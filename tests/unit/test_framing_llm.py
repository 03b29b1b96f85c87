"""The optional chat-model framing backend, against a scripted OpenAI-compatible endpoint."""

from __future__ import annotations

import json
import threading
import urllib.error
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any, ClassVar

import pytest

from parallax.errors import ConfigError
from parallax.framing.classify import Framer, article_mentions
from parallax.framing.encoder import MentionSpan
from parallax.framing.heads import load_model
from parallax.framing.llm import LLMError, LLMFramer, LLMSettings
from parallax.model import Article
from parallax.nlp import analyze_articles

BODY = (
    "Mayor John Harris saved the harbour from closure after months of work.\n\n"
    "The shipping firm Dravco dumped waste into the bay, inspectors said.\n\n"
    "Fishermen lost their income when the fish died."
)
NARRATIVE = load_model().head("coarse").labels[0]


def completion(answer: dict[str, Any] | str) -> bytes:
    content = answer if isinstance(answer, str) else json.dumps(answer)
    return json.dumps(
        {"choices": [{"message": {"role": "assistant", "content": content}}]}
    ).encode()


class Scripted:
    """A `post` that records each request and answers from a script."""

    def __init__(self, answer: dict[str, Any] | str | Exception) -> None:
        self.answer = answer
        self.requests: list[dict[str, Any]] = []

    def __call__(self, url: str, body: bytes, headers: dict[str, str], timeout: float) -> bytes:
        self.requests.append({"url": url, "body": json.loads(body), "headers": headers})
        if isinstance(self.answer, Exception):
            raise self.answer
        return completion(self.answer)

    @property
    def prompt(self) -> str:
        return str(self.requests[-1]["body"]["messages"][-1]["content"])


def article() -> Article:
    (analyzed,) = analyze_articles(
        [Article(id="a1", source="a.txt", title="Harbour saved", paragraphs=BODY.split("\n\n"))]
    )
    return analyzed


SETTINGS = LLMSettings("http://llm.invalid/v1", "tiny")


def test_settings_come_from_arguments_or_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("PARALLAX_LLM_URL", raising=False)
    assert LLMSettings.from_env() is None
    monkeypatch.setenv("PARALLAX_LLM_URL", "http://localhost:8080/v1/")
    monkeypatch.setenv("PARALLAX_LLM_MODEL", "qwen")
    monkeypatch.setenv("PARALLAX_LLM_KEY", "secret")
    settings = LLMSettings.from_env()
    assert settings == LLMSettings("http://localhost:8080/v1", "qwen", "secret", 120.0)
    with pytest.raises(ConfigError, match="http"):
        LLMSettings.from_env("localhost:8080")
    monkeypatch.setenv("PARALLAX_LLM_TIMEOUT", "soon")
    with pytest.raises(ConfigError, match="PARALLAX_LLM_TIMEOUT"):
        LLMSettings.from_env()


def test_an_article_is_framed_from_one_request_with_sentences_as_evidence() -> None:
    # the prompt numbers the mentions in the order the entities stage offers them
    number = {m.text: f"m{i}" for i, m in enumerate(article_mentions(article()), 1)}
    assert "John Harris" in number and "Dravco" in number
    post = Scripted({
        "roles": [
            {"mention": number["John Harris"], "main_role": "Protagonist",
             "fine_roles": ["Guardian", "Victim"], "confidence": 0.9},
            {"mention": number["Dravco"], "main_role": "Antagonist", "fine_roles": ["Saboteur"]},
            {"mention": "m99", "main_role": "Antagonist"},
        ],
        "narratives": [
            {"label": NARRATIVE, "subnarratives": ["not a subnarrative"], "sentences": [2],
             "explanation": "Blames the firm."},
            {"label": "Not in the taxonomy", "sentences": [1]},
        ],
    })  # fmt: skip
    fresh = LLMFramer(SETTINGS, post=post)
    (framed,) = fresh.frame([article()])
    assert len(post.requests) == 1
    assert f"{number['Dravco']}: 'Dravco' (sentence 2)" in post.prompt
    body = post.requests[-1]["body"]
    assert body["model"] == "tiny" and body["response_format"] == {"type": "json_object"}
    cast = {r.mention: r for r in framed.roles or []}
    assert cast["John Harris"].main_role == "Protagonist"
    assert cast["John Harris"].fine_roles == ["Guardian"]  # Victim is not a Protagonist's role
    assert cast["Dravco"].fine_roles == ["Saboteur"]
    assert len(cast) == 2  # what the model left out is not cast
    evidence = cast["Dravco"].evidence[0]
    assert framed.body[evidence.start : evidence.end] == evidence.sentence
    assert "Dravco" in evidence.sentence
    (narrative,) = framed.narratives or []
    assert narrative.label == NARRATIVE and narrative.subnarratives == [f"{NARRATIVE}: Other"]
    assert narrative.explanation == "Blames the firm."
    (cited,) = narrative.evidence
    assert framed.body[cited.start : cited.end] == cited.sentence
    assert cited.sentence.startswith("The shipping firm Dravco")
    assert fresh.failures == 0


def test_a_failing_endpoint_leaves_the_article_to_the_shipped_model() -> None:
    post = Scripted(urllib.error.URLError("connection refused"))
    framer = LLMFramer(SETTINGS, post=post)
    (framed,) = framer.frame([article()])
    (expected,) = Framer().frame([article()])
    assert framer.failures == 1
    assert framed.roles == expected.roles and framed.narratives == expected.narratives


def test_given_mentions_all_get_a_role() -> None:
    a = article()
    framer = LLMFramer(
        SETTINGS,
        post=Scripted({"roles": [{"mention": "m2", "main_role": "Innocent", "fine_roles": []}]}),
    )
    doc = framer.encoder.documents([(a.title, a.body)])[0]
    at = BODY.index("Fishermen")
    spans = [MentionSpan("John Harris", 6, 17), MentionSpan("Fishermen", at, at + len("Fishermen"))]
    roles = framer.roles(doc, spans)
    assert [r.mention for r in roles] == ["John Harris", "Fishermen"]
    assert roles[1].main_role == "Innocent"  # the model's
    assert roles[0].main_role in {"Protagonist", "Antagonist", "Innocent"}  # the heads'
    assert framer.left_to_heads == 1


@pytest.mark.parametrize(
    "answer",
    ["not json at all", "[1, 2]", '```json\n{"roles": []}\n```'],
)
def test_answers_that_are_not_a_json_object(answer: str) -> None:
    post = Scripted(answer)
    framer = LLMFramer(SETTINGS, post=post)
    if answer.startswith("```"):  # a fenced object is read
        assert framer.ask([{"role": "user", "content": "hi"}]) == {"roles": []}
    else:
        with pytest.raises(LLMError, match=r"llm\.invalid"):
            framer.ask([{"role": "user", "content": "hi"}])


class _Endpoint(BaseHTTPRequestHandler):
    seen: ClassVar[list[dict[str, Any]]] = []
    status: ClassVar[int] = 200

    def do_POST(self) -> None:
        length = int(self.headers["Content-Length"])
        request = json.loads(self.rfile.read(length))
        type(self).seen.append(
            {"path": self.path, "auth": self.headers.get("Authorization"), "body": request}
        )
        reply = completion({"roles": [], "narratives": []})
        self.send_response(type(self).status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(reply)))
        self.end_headers()
        self.wfile.write(reply)

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def endpoint() -> Iterator[str]:
    server = HTTPServer(("127.0.0.1", 0), _Endpoint)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    _Endpoint.seen, _Endpoint.status = [], 200
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/v1"
    finally:
        server.shutdown()
        server.server_close()


def test_requests_go_over_http_to_the_chat_completions_path(endpoint: str) -> None:
    framer = LLMFramer(LLMSettings(endpoint, "tiny", "secret", 10.0))
    assert framer.ask([{"role": "user", "content": "hi"}]) == {"roles": [], "narratives": []}
    (seen,) = _Endpoint.seen
    assert seen["path"] == "/v1/chat/completions" and seen["auth"] == "Bearer secret"
    assert seen["body"]["temperature"] == 0
    _Endpoint.status = 503
    with pytest.raises(LLMError, match="HTTP 503"):
        framer.ask([{"role": "user", "content": "hi"}])
