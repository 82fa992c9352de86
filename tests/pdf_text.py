"""Reads the text back out of a PDF written by Qt's QPdfWriter, in pure Python, for tests.

PySide6-Essentials has no PDF reader (QtPdf is an add-on), and QPdfWriter compresses its page streams, so the
tests decode what Qt writes: Flate-compressed content streams that draw glyph ids with ``Tj``, and a
``ToUnicode`` CMap per font that maps those ids back to text. It handles exactly Qt's output, not PDF at large.
"""

from __future__ import annotations

import re
import zlib

_OBJECT = re.compile(rb"(\d+) 0 obj\s*(.*?)endobj", re.S)
_REFERENCE = rb"(\d+) 0 R"


def _objects(pdf: bytes) -> dict[int, bytes]:
    return {int(match[1]): match[2] for match in _OBJECT.finditer(pdf)}


def _stream(body: bytes) -> bytes:
    head, _, rest = body.partition(b"stream")
    data = rest[rest.index(b"\n") + 1 : rest.rindex(b"endstream")]
    return zlib.decompress(data) if b"/FlateDecode" in head else data


def _cmap(text: bytes) -> dict[int, str]:
    mapping: dict[int, str] = {}
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", text, re.S):
        for source, target in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            mapping[int(source, 16)] = bytes.fromhex(target.decode()).decode("utf-16-be")
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", text, re.S):
        for first, last, target in re.findall(
            rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(\[.*?\]|<[0-9A-Fa-f]+>)", block
        ):
            start, end = int(first, 16), int(last, 16)
            if target.startswith(b"["):
                for offset, item in enumerate(re.findall(rb"<([0-9A-Fa-f]+)>", target)):
                    mapping[start + offset] = bytes.fromhex(item.decode()).decode("utf-16-be")
            else:
                base = int(target[1:-1], 16)
                for code in range(start, end + 1):
                    mapping[code] = chr(base + code - start)
    return mapping


def page_count(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page\b", pdf))


def pdf_text(pdf: bytes) -> str:
    """All the text on all pages, one line per text block, whitespace collapsed within a line."""
    objects = _objects(pdf)
    lines: list[str] = []
    for body in objects.values():
        if not re.search(rb"/Type\s*/Page\b", body):
            continue
        contents = int(re.search(rb"/Contents " + _REFERENCE, body)[1])  # type: ignore[index]
        resources = objects[int(re.search(rb"/Resources " + _REFERENCE, body)[1])]  # type: ignore[index]
        fonts: dict[bytes, dict[int, str]] = {}
        for name, font_id in re.findall(rb"/(F\d+) " + _REFERENCE, resources):
            to_unicode = re.search(rb"/ToUnicode " + _REFERENCE, objects[int(font_id)])
            fonts[name] = _cmap(_stream(objects[int(to_unicode[1])])) if to_unicode else {}
        current: dict[int, str] = {}
        for block in re.findall(rb"BT(.*?)ET", _stream(objects[contents]), re.S):
            text = []
            for font, glyphs in re.findall(rb"/(F\d+) [\d.]+ Tf|<([0-9A-Fa-f]+)> Tj", block):
                if font:
                    current = fonts.get(font, {})
                    continue
                for index in range(0, len(glyphs), 4):
                    text.append(current.get(int(glyphs[index : index + 4], 16), "\ufffd"))
            lines.append(" ".join("".join(text).split()))
    return "\n".join(line for line in lines if line)
