"""Word lists the NLP rules rely on: speech verbs, titles, pronouns.

Kept in one place so that the extractor and its evaluation agree on what counts as speech.
"""

from __future__ import annotations

__all__ = [
    "PERSON_PRONOUNS",
    "SPEECH_VERBS",
    "TITLE_WORDS",
    "is_speech_cue",
    "verb_forms",
]

# Lemmas of verbs that report speech or writing (not belief or perception: "think", "find").
SPEECH_VERBS: frozenset[str] = frozenset(
    [
        "say",
        "tell",
        "add",
        "state",
        "announce",
        "declare",
        "claim",
        "argue",
        "assert",
        "insist",
        "maintain",
        "contend",
        "warn",
        "caution",
        "note",
        "observe",
        "remark",
        "comment",
        "explain",
        "write",
        "tweet",
        "post",
        "report",
        "testify",
        "acknowledge",
        "admit",
        "concede",
        "confirm",
        "deny",
        "reply",
        "respond",
        "answer",
        "retort",
        "counter",
        "ask",
        "question",
        "urge",
        "demand",
        "plead",
        "appeal",
        "promise",
        "pledge",
        "vow",
        "predict",
        "forecast",
        "suggest",
        "recommend",
        "propose",
        "recall",
        "reiterate",
        "repeat",
        "stress",
        "emphasize",
        "emphasise",
        "underline",
        "point",
        "complain",
        "lament",
        "protest",
        "charge",
        "accuse",
        "allege",
        "blast",
        "slam",
        "criticize",
        "criticise",
        "praise",
        "hail",
        "quip",
        "joke",
        "boast",
        "brag",
        "scoff",
        "muse",
        "mutter",
        "shout",
        "yell",
        "cry",
        "whisper",
        "exclaim",
        "concur",
        "agree",
        "disagree",
        "dispute",
        "object",
        "inform",
        "advise",
        "reveal",
        "disclose",
        "estimate",
        "describe",
        "mention",
        "conclude",
        "continue",
        "elaborate",
        "chant",
        "call",
        "announce",
        "vow",
    ]
)

_IRREGULAR = {
    "say": ["said", "says", "saying"],
    "tell": ["told", "tells", "telling"],
    "write": ["wrote", "written", "writes", "writing"],
    "forecast": ["forecast", "forecasts", "forecasting"],
}


def verb_forms(lemma: str) -> set[str]:
    """The inflected forms of a (regular or listed irregular) verb.

    >>> sorted(verb_forms("add"))
    ['add', 'added', 'adding', 'adds']
    """
    if lemma in _IRREGULAR:
        return {lemma, *_IRREGULAR[lemma]}
    if lemma.endswith("e"):
        return {lemma, lemma + "s", lemma + "d", lemma[:-1] + "ing"}
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        return {lemma, lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"}
    if lemma.endswith(("sh", "ch", "ss", "x")):
        return {lemma, lemma + "es", lemma + "ed", lemma + "ing"}
    forms = {lemma, lemma + "s", lemma + "ed", lemma + "ing"}
    if lemma in {"admit", "quip", "chat"}:
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return forms


_SPEECH_FORMS = {form for lemma in SPEECH_VERBS for form in verb_forms(lemma)}


def is_speech_cue(cue: str) -> bool:
    """Whether a cue as written reports speech ("said", "has told", "according to", ":").

    >>> is_speech_cue("told reporters"), is_speech_cue("according to"), is_speech_cue("believes")
    (True, True, False)
    """
    words = cue.casefold().replace("\u2019", "'").split()
    if not words:
        return False
    if "according" in words or cue.strip() in {":", "\u2015", "\u2014"}:
        return True
    return any(w.strip(",.:;") in _SPEECH_FORMS for w in words)


TITLE_WORDS: frozenset[str] = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "prof",
        "sir",
        "dame",
        "lord",
        "lady",
        "president",
        "vice",
        "chairman",
        "chairwoman",
        "chair",
        "senator",
        "sen",
        "rep",
        "representative",
        "gov",
        "governor",
        "mayor",
        "minister",
        "secretary",
        "general",
        "gen",
        "col",
        "lt",
        "sgt",
        "capt",
        "adm",
        "judge",
        "justice",
        "speaker",
        "chancellor",
        "premier",
        "prince",
        "princess",
        "king",
        "queen",
        "pope",
        "rev",
        "father",
        "sister",
        "bishop",
        "cardinal",
        "ambassador",
        "commissioner",
        "councillor",
        "councilor",
        "councilwoman",
        "councilman",
        "congressman",
        "congresswoman",
        "chief",
        "deputy",
        "director",
        "former",
        "attorney",
        "candidate",
        "nominee",
        "leader",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "sheriff",
        "officer",
    ]
)

PERSON_PRONOUNS: frozenset[str] = frozenset({"he", "she", "him", "her", "i", "we", "they"})
