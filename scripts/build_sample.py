"""Render the fictional sample corpus (sample_stories.py) to data/sample/ and its cleaning gold.

Run: python scripts/build_sample.py. The gold (data/gold/cleaning-sample.tsv) lists, for every
paragraph the readers produce, whether the builder planted it as debris; it never asks the
cleaner.
"""

from __future__ import annotations

import html
import json
import sys
from email.utils import format_datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from sample_stories import ARTICLES  # noqa: E402

from parallax.ingest import ReadOptions, read_input  # noqa: E402
from parallax.model import RawArticle  # noqa: E402

OUT = ROOT / "data" / "sample"
GOLD = ROOT / "data" / "gold" / "cleaning-sample.tsv"
FICTION = "Fictional article written for the Parallax sample corpus."


def _html_block(kind: str, text: str) -> str:
    body = html.escape(text)
    if kind == "caption":
        return f'<figure><img src="photo.jpg" alt=""><figcaption>{body}</figcaption></figure>'
    if kind in {"newsletter", "author_bio"}:
        return f'<div class="{kind}"><p>{body}</p></div>'
    if kind == "related":
        return f'<p class="related"><a href="/related">{body}</a></p>'
    return f"<p>{body}</p>"


def render_html(article: dict) -> str:
    blocks = "\n".join(_html_block(k, t) for k, t in article["blocks"])
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{html.escape(article["title"])} | {article["outlet"]}</title>
<meta property="og:site_name" content="{article["outlet"]}">
<meta property="og:title" content="{html.escape(article["title"])}">
<meta name="description" content="{html.escape(article["subtitle"])}">
<meta name="author" content="{article["author"]}">
<meta property="article:published_time" content="{article["published"]}">
<link rel="canonical" href="{article["url"]}">
</head>
<body>
<!-- {FICTION} -->
<header><nav><a href="/">Home</a> <a href="/city">City</a> <a href="/politics">Politics</a></nav></header>
<main><article>
<h1>{html.escape(article["title"])}</h1>
<p class="dek">{html.escape(article["subtitle"])}</p>
<p class="byline">By <a rel="author" href="/staff/quist">{article["author"]}</a></p>
{blocks}
</article></main>
<footer><p>{article["outlet"]} · About us · Contact · Privacy</p></footer>
</body>
</html>
"""


def render_txt(article: dict) -> str:
    header = article["title"] + ("\n" + article["subtitle"] if article.get("subtitle") else "")
    return header + "\n\n" + "\n\n".join(t for _, t in article["blocks"]) + "\n"


def render_rss(items: list[dict]) -> str:
    from datetime import datetime

    entries = []
    for a in items:
        content = "".join(f"<p>{html.escape(t)}</p>" for _, t in a["blocks"])
        published = format_datetime(datetime.strptime(a["published"], "%a, %d %b %Y %H:%M:%S %z"))
        entries.append(f"""  <item>
    <title>{html.escape(a["title"])}</title>
    <link>{a["url"]}</link>
    <guid>{a["url"]}</guid>
    <dc:creator>{a["author"]}</dc:creator>
    <pubDate>{published}</pubDate>
    <description>{html.escape(a["subtitle"])}</description>
    <content:encoded><![CDATA[{content}]]></content:encoded>
  </item>""")
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<!-- {FICTION} -->
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>Northwind Daily</title>
  <link>https://northwind-daily.example/</link>
  <description>News from the north of Elsland (fictional)</description>
  <language>en</language>
{chr(10).join(entries)}
</channel>
</rss>
"""


def render_jsonl(items: list[dict]) -> str:
    lines = []
    for n, a in enumerate(items, start=1):
        record = {
            "id": f"cw-{n:04d}",
            "title": a["title"],
            "url": a["url"],
            "date": a["published"],
            "author": a["author"],
            "source": a["outlet"],
            "note": FICTION,
            "text": "\n\n".join(t for _, t in a["blocks"]),
        }
        lines.append(json.dumps(record, ensure_ascii=False))
    return "\n".join(lines) + "\n"


def build() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    grouped: dict[str, list[dict]] = {}
    for article in ARTICLES:
        grouped.setdefault(str(article["file"]), []).append(article)
    for name, items in grouped.items():
        fmt = items[0]["format"]
        if fmt in {"html", "txt"}:
            text = (render_html if fmt == "html" else render_txt)(items[0])
        else:
            text = (render_rss if fmt == "rss" else render_jsonl)(items)
        (OUT / name).write_text(text, encoding="utf-8")
    write_gold(grouped)


def write_gold(grouped: dict[str, list[dict]]) -> None:
    by_title = {a["title"]: a for a in ARTICLES}
    rows = [
        "# Cleaning gold for the fictional sample corpus, written by scripts/build_sample.py",
        "# from the debris it planted (never from the cleaner's output).",
        "file\tparagraph\tlabel\treason",
    ]
    for name in sorted(grouped):
        for raw in read_input(str(OUT / name), ReadOptions()):
            if not isinstance(raw, RawArticle):
                raise SystemExit(f"sample file does not read: {raw}")
            spec = by_title[raw.title]
            kinds = {text: kind for kind, text in spec["blocks"]}
            doc = raw.source.removeprefix(str(OUT) + "/")
            rows.append(f"{doc}\t*\tcontent\t")
            for i, paragraph in enumerate(raw.paragraphs):
                kind = kinds.get(paragraph)
                if kind is None:
                    print(f"note: {doc}[{i}] is not a planted block: {paragraph[:60]!r}")
                elif kind != "p":
                    rows.append(f"{doc}\t{i}\tdebris\t{kind}")
    GOLD.write_text("\n".join(rows) + "\n", encoding="utf-8")


if __name__ == "__main__":
    build()
