"""The text helpers every report shares (the session record, the quarterly report, CPD evidence, the roll-up):
headings and their bodies as a list of :class:`Section`, rendered to Markdown or HTML with the escaping of each.

Notes are typed live and pasted from anywhere, so every piece of text goes through the escaping of its format: a note
can never become a heading, a link or a script. The HTML is deliberately plain (headings, paragraphs, lists, tables, a
small inline stylesheet, no script, nothing fetched) because the Qt layer prints it to PDF through QTextDocument,
which understands only a subset of HTML.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from typing import NamedTuple

NONE_RECORDED = "None recorded."

# Escaped anywhere in a line: inline markup, links and images, raw HTML and entities, table cells.
_MD_ANYWHERE = re.compile(r"([\\`*_\[\]{}()<>#|~&!])")
# Escaped only where a line starts: list markers, setext underlines, ordered-list numbers ("1." or "1)").
_MD_LINE_START = re.compile(r"^(?:([-+=])|(\d+)([.)]))")
# Explicit embeddings, overrides and isolates, and the implicit marks: they can reorder the text after them.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
_FIRST_STRONG_ISOLATE, _POP_ISOLATE = "\u2068", "\u2069"

_STYLESHEET = """
body { font-family: sans-serif; font-size: 11pt; color: #1a1a1a; }
h1 { font-size: 18pt; }
h2 { font-size: 14pt; margin-top: 14px; }
h3 { font-size: 12pt; }
table { border-collapse: collapse; margin-top: 4px; margin-bottom: 4px; }
th { background-color: #e8e8e8; border: 1px solid #999999; padding: 3px 6px; text-align: left; }
td { border: 1px solid #999999; padding: 3px 6px; vertical-align: top; }
p.empty { color: #555555; font-style: italic; }
"""


class Table(NamedTuple):
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


class Section(NamedTuple):
    """One heading of a report. ``body`` is a bullet list or a table; an empty one prints "None recorded.",
    and None prints nothing (a heading that only introduces sub-sections, or a lead that says it all).

    ``figure_html`` is markup the program drew itself (a chart, see ``copdesk.core.charts``), never typed text:
    the HTML renderer places it after the body, and Markdown leaves it out because the body holds the figures.
    """

    title: str
    level: int
    lead: str = ""
    body: tuple[str, ...] | Table | None = ()
    figure_html: str = ""


def sections_to_markdown(title: str, sections: Iterable[Section]) -> str:
    lines = [f"# {escape_markdown(one_line(title))}", ""]
    for section in sections:
        lines += [f"{'#' * section.level} {escape_markdown(one_line(section.title))}", ""]
        if section.lead:
            lines += [escape_markdown(section.lead), ""]
        body = section.body
        if isinstance(body, Table) and body.rows:
            lines += [markdown_table(body), ""]
        elif body and not isinstance(body, Table):
            lines += [f"- {escape_markdown(item, continuation='  ')}" for item in body] + [""]
        elif body is not None:
            lines += [f"_{escape_markdown(NONE_RECORDED)}_", ""]
    return "\n".join(lines)


def sections_to_html(title: str, sections: Iterable[Section]) -> str:
    parts = [f'<h1 dir="auto">{escape_html(one_line(title))}</h1>']
    for section in sections:
        parts.append(f'<h{section.level} dir="auto">{escape_html(one_line(section.title))}</h{section.level}>')
        if section.lead:
            parts.append(f'<p dir="auto">{escape_html(section.lead)}</p>')
        body = section.body
        if isinstance(body, Table) and body.rows:
            parts.append(html_table(body))
        elif body and not isinstance(body, Table):
            parts.append("<ul>" + "".join(f'<li dir="auto">{escape_html(item)}</li>' for item in body) + "</ul>")
        elif body is not None:
            parts.append(f'<p class="empty">{escape_html(NONE_RECORDED)}</p>')
        if section.figure_html:
            parts.append(section.figure_html)
    return html_document(title, "\n".join(parts))


def html_document(title: str, body: str) -> str:
    """A standalone page: UTF-8 declared, styles inline, nothing to fetch, so it opens and prints offline."""
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape_html(one_line(title))}</title>\n<style>{_STYLESHEET}</style>\n</head>\n"
        f"<body>\n{body}\n</body>\n</html>\n"
    )


def html_table(table: Table) -> str:
    # The border attributes are for QTextDocument, which ignores some of the CSS a browser would honour.
    head = "".join(f"<th>{escape_html(header)}</th>" for header in table.headers)
    rows = "\n".join(
        "<tr>" + "".join(f'<td dir="auto">{escape_html(cell)}</td>' for cell in row) + "</tr>" for row in table.rows
    )
    return f'<table border="1" cellspacing="0" cellpadding="4">\n<tr>{head}</tr>\n{rows}\n</table>'


def markdown_table(table: Table) -> str:
    """A GitHub-style pipe table; a cell is one line, so line breaks inside a cell become spaces."""
    lines = [
        "| " + " | ".join(escape_markdown(header) for header in table.headers) + " |",
        "|" + "|".join("---" for _ in table.headers) + "|",
    ]
    lines += ["| " + " | ".join(escape_markdown(one_line(cell)) for cell in row) + " |" for row in table.rows]
    return "\n".join(lines)


def escape_html(text: str) -> str:
    """Escape quotes too (``quote=True``) so the same text is safe in attributes; keep the typed line breaks."""
    return "<br>".join(html.escape(line, quote=True) for line in text.splitlines())


def escape_markdown(text: str, *, continuation: str = "") -> str:
    """Make typed text literal in Markdown, one output line per typed line.

    Line breaks become hard breaks followed by ``continuation`` (the indent that keeps a line inside its list
    item); lines are stripped so leading spaces cannot open a code block; a line holding bidi controls is
    wrapped in an isolate so an unclosed right-to-left override cannot flip the rest of the document.
    """
    lines = [_escape_markdown_line(line.strip()) for line in text.splitlines() if line.strip()]
    return ("\\\n" + continuation).join(lines)


def one_line(text: str) -> str:
    """For headings, titles and table cells, where a typed line break would end the construct early."""
    return " ".join(text.split())


def _escape_markdown_line(line: str) -> str:
    escaped = _MD_LINE_START.sub(lambda m: f"\\{m[1]}" if m[1] else f"{m[2]}\\{m[3]}", _MD_ANYWHERE.sub(r"\\\1", line))
    if any(ch in _BIDI_CONTROLS for ch in escaped):
        return f"{_FIRST_STRONG_ISOLATE}{escaped}{_POP_ISOLATE}"
    return escaped
