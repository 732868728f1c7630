"""Helpers for the hostile-text tests: how a reader would find a name in published bytes, written here
independently of kit.text.textmatch (so a mistake there cannot hide a leak), and hostile copies of the hostile case."""

import html
import pathlib
import re
import shutil
import unicodedata

HOSTILE = pathlib.Path(__file__).resolve().parent / "cases" / "hostile"


def reader_form(text: str) -> str:
    """What a reader sees of ``text``: NFKC, case-folded, accents, invisible and control characters gone,
    every run of blanks one space."""
    text = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", str(text)).casefold())
    out = []
    for ch in text:
        cat = unicodedata.category(ch)
        if ch.isspace() or cat in ("Zs", "Zl", "Zp"):
            out.append(" ")
        elif cat in ("Mn", "Me", "Cf", "Cc", "Cs") or 0xFE00 <= ord(ch) <= 0xFE0F:
            continue
        else:
            out.append(ch)
    return re.sub(" +", " ", "".join(out))


def unescaped(text: str) -> str:
    """``text`` with HTML entities and JSON ``\\uXXXX``, ``\\n``, ``\\t``, ``\\r`` escapes undone."""
    text = html.unescape(text)
    text = re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), text)
    return text.replace("\\n", "\n").replace("\\t", "\t").replace("\\r", "\r")


def findable(secret: str, data) -> bool:
    """Whether a reader could find ``secret`` in ``data`` (str or bytes): on reader forms, as a whole word when
    it is shorter than four characters."""
    text = data.decode("utf-8", errors="replace") if isinstance(data, bytes) else str(data)
    needle = reader_form(secret).strip()
    if not needle:
        return False
    hay = reader_form(unescaped(text))
    if len(needle) >= 4:
        return needle in hay
    return re.search(rf"(?<![^\W_]){re.escape(needle)}(?![^\W_])", hay) is not None


def hostile_copy(folder: pathlib.Path, **replace) -> pathlib.Path:
    """A copy of tests/cases/hostile in ``folder``/case with, in each file, the ``{file: [(old, new), ...]}``
    replacements made (keys use ``_`` for ``.``: ``sources_csv``); ``all`` applies to every file first."""
    out = folder / "case"
    shutil.copytree(HOSTILE, out)
    for path in out.iterdir():
        text = path.read_text(encoding="utf-8")
        for old, new in replace.get("all", []):
            text = text.replace(old, new)
        for old, new in replace.get(path.name.replace(".", "_"), []):
            assert old in text, (path.name, old)
            text = text.replace(old, new)
        path.write_text(text, encoding="utf-8", newline="")
    return out
