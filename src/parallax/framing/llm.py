"""An optional framing backend: a chat model behind any OpenAI-compatible endpoint (a local
llama.cpp server or Ollama, vLLM, or a hosted service) reads each article and answers with
roles and narratives as JSON.

Off unless asked for (`--llm URL` or `PARALLAX_LLM_URL`); nothing here is needed otherwise. The
answer is checked before it is used: a role or narrative outside the taxonomy, a mention or
sentence number the prompt did not give, or a fine role of another main role is dropped, and
every label keeps pointing at sentences of the body. An article the endpoint fails on (network,
HTTP status, an answer that is not a JSON object) is framed by the shipped heads instead, and
the failure is logged with the endpoint and the reason; `LLMFramer.failures` counts them, and
`left_to_heads` the given mentions the model gave no valid role (the heads give those).

Settings: `PARALLAX_LLM_URL` (the base URL, e.g. `http://localhost:8080/v1`),
`PARALLAX_LLM_MODEL` (the model name the server expects; default `default`),
`PARALLAX_LLM_KEY` (a bearer token, when the server wants one), `PARALLAX_LLM_TIMEOUT`
(seconds, default 120).
"""

from __future__ import annotations

import json
import logging
import os
import re
import urllib.error
import urllib.request
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from parallax.errors import ConfigError, ParallaxError
from parallax.framing.classify import (
    Framer,
    NarrativeDecision,
    _explain,
    article_mentions,
    cast_as,
    coarse_of,
)
from parallax.framing.encoder import (
    DocumentVectors,
    FramingEncoder,
    MentionSpan,
    sentence_spans,
)
from parallax.framing.heads import FramingModel
from parallax.model import Article, Evidence, Narrative, Role

if TYPE_CHECKING:
    from parallax.framing.taxonomy import UserTaxonomy

__all__ = ["LLMError", "LLMFramer", "LLMSettings", "Reading", "build_prompt", "parse_reading"]

log = logging.getLogger(__name__)

MAIN_ROLES = {
    "Protagonist": "cast as a hero or a force for good",
    "Antagonist": "cast as a villain, a threat or the one to blame",
    "Innocent": "cast as a victim of others' actions",
}
# short glosses of the SemEval-2025 Task 10 fine roles, written for the prompt
FINE_ROLES = {
    "Guardian": "protects others or defends a cause",
    "Martyr": "suffers or dies for a cause",
    "Peacemaker": "seeks peace, dialogue or help for others",
    "Rebel": "stands up against power or the mainstream",
    "Underdog": "the weaker side, admired for resisting",
    "Virtuous": "praised for honesty, courage or principle",
    "Instigator": "started or provokes the conflict",
    "Conspirator": "plots in secret",
    "Tyrant": "rules or acts by force and oppression",
    "Foreign Adversary": "a hostile foreign power",
    "Traitor": "betrays their own side",
    "Spy": "gathers secrets for another side",
    "Saboteur": "undermines or wrecks from within",
    "Corrupt": "abuses power for gain",
    "Incompetent": "fails through inability",
    "Terrorist": "uses violence against civilians to intimidate",
    "Deceiver": "lies or spreads falsehoods",
    "Bigot": "shows prejudice against a group",
    "Forgotten": "a victim ignored by others",
    "Exploited": "used by others for their gain",
    "Victim": "harmed by others' actions",
    "Scapegoat": "blamed unfairly",
}
_FENCE = re.compile(r"^```(?:json)?\s*|\s*```$")


class LLMError(ParallaxError):
    """The endpoint could not be reached, refused the request, or answered with no JSON
    (the message: its URL, a colon, the reason)."""


@dataclass(frozen=True, slots=True)
class LLMSettings:
    """Where the chat model is and how to ask it."""

    url: str
    model: str = "default"
    api_key: str | None = None
    timeout: float = 120.0
    max_sentences: int = 60  # the article's first sentences shown, plus those of its mentions

    @classmethod
    def from_env(cls, url: str | None = None, model: str | None = None) -> LLMSettings | None:
        """Settings from the arguments, else the PARALLAX_LLM_* variables; None when no URL."""
        url = url or os.environ.get("PARALLAX_LLM_URL")
        if not url:
            return None
        if not url.startswith(("http://", "https://")):
            raise ConfigError(f"LLM endpoint {url!r}: give an http:// or https:// base URL")
        timeout = os.environ.get("PARALLAX_LLM_TIMEOUT", "120")
        try:
            seconds = float(timeout)
        except ValueError:
            raise ConfigError(f"PARALLAX_LLM_TIMEOUT={timeout!r} is not a number") from None
        return cls(
            url.rstrip("/"),
            model or os.environ.get("PARALLAX_LLM_MODEL") or "default",
            os.environ.get("PARALLAX_LLM_KEY") or None,
            seconds,
        )


Post = Callable[[str, bytes, dict[str, str], float], bytes]
_Key = tuple[str, str, tuple[tuple[int, int], ...], bool]  # title, body, mention spans, all?


def _post(url: str, body: bytes, headers: dict[str, str], timeout: float) -> bytes:
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")
    # LLMSettings.from_env admits http:// and https:// URLs only
    with urllib.request.urlopen(request, timeout=timeout) as response:
        data: bytes = response.read()
        return data


@dataclass(slots=True)
class Reading:
    """What the model said of one article: per mention number, (main role, fine roles,
    confidence); per narrative, its subnarratives, sentence numbers and explanation."""

    roles: dict[int, tuple[str, list[str], float]] = field(default_factory=dict)
    narratives: dict[str, tuple[list[str], list[int], str, float]] = field(default_factory=dict)


@dataclass(slots=True)
class _Taxonomy:
    narratives: dict[str, str]  # label -> description
    subnarratives: dict[str, list[str]]  # narrative -> its subnarratives
    fine_parent: dict[str, str]


def build_prompt(
    title: str,
    sentences: Sequence[str],
    mentions: Sequence[tuple[str, int]],
    taxonomy: _Taxonomy,
    *,
    every_mention: bool,
) -> list[dict[str, str]]:
    """The chat messages for one article: numbered sentences, numbered mentions (text and
    sentence number) and the taxonomy; `every_mention` asks for a role for each mention (the
    task's given mentions) rather than only for those the article casts."""
    roles = "\n".join(
        f"- {main} ({gloss}); fine roles: "
        + ", ".join(
            f"{f} ({FINE_ROLES.get(f, '')})".replace(" ()", "")
            for f, parent in taxonomy.fine_parent.items()
            if parent == main
        )
        for main, gloss in MAIN_ROLES.items()
    )
    narratives = "\n".join(
        f"- {label}"
        + (f": {text}" if text else "")
        + "".join(f"\n  - {sub}" for sub in taxonomy.subnarratives.get(label, []))
        for label, text in taxonomy.narratives.items()
    )
    body = "\n".join(f"[{i}] {s}" for i, s in enumerate(sentences, 1))
    listed = "\n".join(
        f"m{i}: {text!r} (sentence {at})" for i, (text, at) in enumerate(mentions, 1)
    )
    which = (
        "Give every mention below a role."
        if every_mention
        else "Give a role only to the mentions the article casts as hero, villain or victim; "
        "leave out those it merely names."
    )
    task = (
        f"ROLES\n{roles}\n\nNARRATIVES (label, then its subnarratives)\n{narratives}\n\n"
        f"TITLE: {title}\n\nARTICLE\n{body}\n\nMENTIONS\n{listed or '(none)'}\n\n"
        f"{which} Use the labels exactly as written. Answer with one JSON object:\n"
        '{"roles": [{"mention": "m1", "main_role": "...", "fine_roles": ["..."], '
        '"confidence": 0.0}], "narratives": [{"label": "...", "subnarratives": ["..."], '
        '"sentences": [1], "explanation": "..."}]}\n'
        'An article that pushes none of the narratives has "narratives": [].'
    )
    system = (
        "You analyse how news articles frame the actors they mention and which narratives "
        "they push. You answer with one JSON object and nothing else."
    )
    return [{"role": "system", "content": system}, {"role": "user", "content": task}]


def parse_reading(
    answer: dict[str, Any], mentions: int, sentences: int, taxonomy: _Taxonomy
) -> Reading:
    """Keep what the answer says within the prompt's numbers and the taxonomy's labels.

    >>> tax = _Taxonomy({"N: A": ""}, {"N: A": ["N: A: b"]}, {"Victim": "Innocent"})
    >>> r = parse_reading({"roles": [{"mention": "m1", "main_role": "Innocent",
    ...     "fine_roles": ["Victim", "Tyrant"]}, {"mention": "m9", "main_role": "Innocent"}],
    ...     "narratives": [{"label": "N: A", "subnarratives": ["N: A: b", "x"],
    ...     "sentences": [2, 40]}, {"label": "made up"}]}, 1, 3, tax)
    >>> r.roles, list(r.narratives)
    ({0: ('Innocent', ['Victim'], 1.0)}, ['N: A'])
    >>> r.narratives["N: A"][:2]
    (['N: A: b'], [1])
    """
    reading = Reading()
    for item in _items(answer, "roles"):
        number = re.fullmatch(r"m?(\d+)", str(item.get("mention", "")).strip())
        main = item.get("main_role")
        if not number or main not in MAIN_ROLES or not 1 <= int(number.group(1)) <= mentions:
            continue
        fine = [
            f
            for f in item.get("fine_roles") or []
            if isinstance(f, str) and taxonomy.fine_parent.get(f) == main
        ]
        reading.roles[int(number.group(1)) - 1] = (main, fine[:2], _confidence(item))
    for item in _items(answer, "narratives"):
        label = item.get("label")
        if label not in taxonomy.narratives:
            continue
        known = taxonomy.subnarratives.get(label, [])
        subs = [s for s in item.get("subnarratives") or [] if s in known]
        cited = [
            int(n) - 1
            for n in item.get("sentences") or []
            if isinstance(n, int | str) and str(n).isdigit() and 1 <= int(n) <= sentences
        ]
        explanation = item.get("explanation")
        reading.narratives[label] = (
            subs,
            list(dict.fromkeys(cited))[:3],
            explanation.strip() if isinstance(explanation, str) else "",
            _confidence(item),
        )
    return reading


def _items(answer: dict[str, Any], key: str) -> list[dict[str, Any]]:
    found = answer.get(key)
    return [x for x in found if isinstance(x, dict)] if isinstance(found, list) else []


def _confidence(item: dict[str, Any]) -> float:
    value = item.get("confidence", 1.0)
    try:
        return min(1.0, max(0.0, float(value)))
    except (TypeError, ValueError):
        return 1.0


class LLMFramer(Framer):
    """A `Framer` whose roles and narratives come from a chat model; the shipped heads frame
    any article the model fails on (and give the encoder, casting candidates and the label
    set). `post` replaces the HTTP call (tests)."""

    def __init__(
        self,
        settings: LLMSettings,
        model: FramingModel | None = None,
        encoder: FramingEncoder | None = None,
        taxonomy: UserTaxonomy | None = None,
        post: Post | None = None,
    ) -> None:
        super().__init__(model, encoder, taxonomy)
        self.settings = settings
        self._post = post or _post
        # per article and mention list: the reading and the sentence spans shown; None: the
        # endpoint failed on it (not asked again)
        self._readings: dict[_Key, tuple[Reading, list[tuple[int, int]]] | None] = {}
        self.failures = 0
        self.left_to_heads = 0  # given mentions the model gave no valid role (the heads did)
        self._taxonomy = self._labels()

    def _labels(self) -> _Taxonomy:
        parent = dict(self.model.settings.get("fine_parent", {}))
        if self.taxonomy is not None:
            top = {t.label: t.description for t in self.taxonomy.labels if not t.parent}
            subs: dict[str, list[str]] = {}
            for t in self.taxonomy.labels:
                if t.parent:
                    subs.setdefault(t.parent, []).append(t.label)
            return _Taxonomy(top, subs, parent)
        coarse = self.model.head("coarse").labels
        fine = self.model.head("fine").labels
        subs = {c: [f for f in fine if coarse_of(f) == c] for c in coarse}
        return _Taxonomy(dict.fromkeys(coarse, ""), subs, parent)

    # -- asking -----------------------------------------------------------------------------

    def ask(self, messages: list[dict[str, str]]) -> dict[str, Any]:
        """One chat completion; its answer parsed as a JSON object."""
        payload = {
            "model": self.settings.model,
            "messages": messages,
            "temperature": 0,
            "response_format": {"type": "json_object"},
        }
        headers = {"Content-Type": "application/json"}
        if self.settings.api_key:
            headers["Authorization"] = f"Bearer {self.settings.api_key}"
        url = f"{self.settings.url}/chat/completions"
        try:
            raw = self._post(url, json.dumps(payload).encode(), headers, self.settings.timeout)
            content = json.loads(raw)["choices"][0]["message"]["content"]
            answer = json.loads(_FENCE.sub("", str(content).strip()))
        except urllib.error.HTTPError as exc:
            raise LLMError(f"{url}: HTTP {exc.code} {exc.reason}") from exc
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            raise LLMError(f"{url}: cannot reach the endpoint ({exc})") from exc
        except (ValueError, KeyError, IndexError, TypeError) as exc:
            raise LLMError(f"{url}: the answer is not a chat completion with JSON ({exc})") from exc
        if not isinstance(answer, dict):
            raise LLMError(f"{url}: the answer is JSON but not an object")
        return answer

    def read(
        self, doc: DocumentVectors, mentions: Sequence[MentionSpan], *, every_mention: bool
    ) -> tuple[Reading, list[tuple[int, int]]] | None:
        """The model's reading of an article and the sentence spans it was shown (cached per
        article and mention list); None when the endpoint failed (logged)."""
        key = (doc.title_text, doc.body, tuple((m.start, m.end) for m in mentions), every_mention)
        if key not in self._readings:
            spans = sentence_spans(doc.body, self.settings.max_sentences)
            at: list[int] = []
            for m in mentions:
                where = doc.context_of(m)
                if where is not None and where not in spans:
                    spans.append(where)
                at.append(0 if where is None else spans.index(where) + 1)  # 0: the title
            messages = build_prompt(
                doc.title_text,
                [doc.body[a:b] for a, b in spans],
                [(m.text, n) for m, n in zip(mentions, at, strict=True)],
                self._taxonomy,
                every_mention=every_mention,
            )
            try:
                answer = self.ask(messages)
            except LLMError as exc:
                self.failures += 1
                log.warning("framing by the shipped model instead: %s", exc)
                self._readings[key] = None
            else:
                reading = parse_reading(answer, len(mentions), len(spans), self._taxonomy)
                self._readings[key] = (reading, spans)
        return self._readings[key]

    # -- the Framer interface ---------------------------------------------------------------

    def decide_narratives(self, docs: Sequence[DocumentVectors]) -> list[NarrativeDecision]:
        out = []
        for doc in docs:
            found = self.read(doc, [], every_mention=True)
            if found is not None:
                out.append(_decision(found[0]))
            elif self.taxonomy is not None:
                out.append(self.taxonomy.decide(doc))
            else:
                out += super().decide_narratives([doc])
        return out

    def narratives(self, doc: DocumentVectors, decision: NarrativeDecision) -> list[Narrative]:
        found = self.read(doc, [], every_mention=True)
        if found is not None:
            return _narratives(doc, decision, *found)
        if self.taxonomy is not None:
            return self.taxonomy.narratives(doc)
        return super().narratives(doc, decision)

    def roles(
        self, doc: DocumentVectors, mentions: Sequence[MentionSpan], *, cast_only: bool = False
    ) -> list[Role]:
        if not mentions:
            return []
        found = self.read(doc, mentions, every_mention=not cast_only)
        fallback = None
        if found is None or not cast_only:  # a failure, or given mentions the model left out
            fallback = super().roles(doc, mentions, cast_only=cast_only)
            if found is None:
                return fallback
        out = []
        for i, m in enumerate(mentions):
            said = found[0].roles.get(i)
            if said is None:
                if fallback is not None:
                    self.left_to_heads += 1
                    out.append(fallback[i])
                continue
            where = doc.context_of(m)
            evidence = [] if where is None else [Evidence(doc.body[slice(*where)], *where, 1.0)]
            out.append(cast_as(m, said[0], said[1], said[2], evidence))
        return out

    def frame(self, articles: Sequence[Article]) -> list[Article]:
        """Attach roles and narratives: one request an article, for both."""
        mentions = [article_mentions(a) for a in articles]
        docs = self.encoder.documents([(a.title, a.body) for a in articles], mentions)
        for article, doc, spans in zip(articles, docs, mentions, strict=True):
            found = self.read(doc, spans, every_mention=False)
            if found is None:  # the heads alone, not this class's methods (no new request)
                heads = Framer(self.model, self.encoder, self.taxonomy)
                heads.frame([article])
                self.withheld += heads.withheld
                continue
            article.roles = self.roles(doc, spans, cast_only=True)
            article.narratives = _narratives(doc, _decision(found[0]), *found)
        self._readings.clear()  # used up: an ingest of many batches keeps no article's text
        return list(articles)


def _decision(reading: Reading) -> NarrativeDecision:
    """The task writes "<narrative>: Other" for a narrative with no subnarrative."""
    return NarrativeDecision(
        {k: v[0] or [f"{k}: Other"] for k, v in reading.narratives.items()},
        {k: v[3] for k, v in reading.narratives.items()},
    )


def _narratives(
    doc: DocumentVectors,
    decision: NarrativeDecision,
    reading: Reading,
    spans: list[tuple[int, int]],
) -> list[Narrative]:
    out = []
    for label, subs in decision.labels.items():
        _, cited, explanation, confidence = reading.narratives.get(label, ([], [], "", 1.0))
        evidence = [Evidence(doc.body[slice(*spans[i])], *spans[i], 1.0) for i in cited]
        out.append(
            Narrative(
                label=label,
                subnarratives=subs,
                confidence=round(confidence, 3),
                evidence=evidence,
                explanation=explanation or _explain(label, subs, evidence),
            )
        )
    return out
