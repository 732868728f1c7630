"""Untrusted text into HTML: one place for escaping, linkable urls and JSON that is safe inside ``<script>``.

Case text is untrusted (a name may read ``<script>alert(1)</script>``, a url ``javascript:...``). Every renderer
that writes HTML, SVG or a tooltip from case text calls these functions instead of writing its own copy:

- :func:`escape`: any cell as HTML text (``None``, ``pd.NA`` and NaN as ``""``), quotes escaped too, so the result
  is safe in element content and in attribute values;
- :func:`safe_url`: a url only when it is ``http(s)``; anything else is shown as text, never linked;
- :func:`link`: an ``<a>`` for a safe url, else the escaped text;
- :func:`script_json`: JSON whose ``<``, ``>`` and ``&`` are ``\\u`` escaped, so no ``</script>`` in a text can
  close the script element it is embedded in;
- :func:`isolate` (HTML) and :func:`isolate_text` (plain text, SVG, attribute values): a case text as a bidi isolate
  (``<bdi>``, or U+2068 ... U+2069), so a right-to-left override (U+202E) or Arabic or Hebrew letters in a name
  cannot reorder the kit's own words around it ("grade F" never shows as "F edarg");
- :func:`xml_safe`: a text with every character XML 1.0 forbids replaced, for the GEXF and GraphML exports.

Examples
--------
>>> from kit.text.html import escape, link
>>> escape('<img src=x onerror="alert(1)">')
'&lt;img src=x onerror=&quot;alert(1)&quot;&gt;'
>>> link("AFP", "javascript:alert(1)"), link("AFP", "https://afp.example/a")
('AFP', '<a href="https://afp.example/a" rel="noopener noreferrer nofollow">AFP</a>')
"""

from __future__ import annotations

import html as _html
import json
import re

import pandas as pd

from kit.cells import is_null

__all__ = ["escape", "safe_url", "link", "script_json", "xml_safe", "isolate", "isolate_text"]


def escape(value) -> str:
    """``value`` as HTML text: ``&``, ``<``, ``>``, ``"`` and ``'`` escaped; an empty cell gives ``""``.

    Parameters
    ----------
    value : object
        Anything; it is shown as ``str(value)``. ``None``, ``pd.NA`` and NaN are empty cells.

    Returns
    -------
    str
        Safe in element content and in a quoted attribute value.

    See Also
    --------
    link : an escaped text that is a link when its url is safe.

    Examples
    --------
    >>> escape("<script>alert(1)</script> Wire"), escape(None), escape(float("nan")), escape(3)
    ('&lt;script&gt;alert(1)&lt;/script&gt; Wire', '', '', '3')
    >>> escape('say "hi" & \\'bye\\'')
    'say &quot;hi&quot; &amp; &#x27;bye&#x27;'
    """
    if is_null(value):
        return ""
    return _html.escape(str(value), quote=True)


def safe_url(url):
    """``url`` when it is an ``http(s)`` url (to be linked), else ``None`` (shown as text, never linked).

    Parameters
    ----------
    url : object
        Usually a cell of a ``url`` column; leading and trailing blanks are dropped.

    Returns
    -------
    str or None
        The url, stripped, or ``None`` for any other scheme, a protocol-relative url, a url without a host, or
        one with a blank or control character inside.

    Examples
    --------
    >>> safe_url("https://example.org/a?b=1"), safe_url(" javascript:alert(1)"), safe_url("JaVaScRiPt:x")
    ('https://example.org/a?b=1', None, None)
    >>> safe_url("//evil.example/x"), safe_url(None)
    (None, None)
    """
    if url is None or url is pd.NA or not isinstance(url, str):
        return None
    u = url.strip()
    if re.match(r"^https?://[^\s/?#]+", u, re.IGNORECASE) and not re.search(r"[\x00-\x20\x7f]", u):
        return u
    return None


def link(text, url) -> str:
    """``text`` escaped and isolated (:func:`isolate`), as a link to ``url`` when :func:`safe_url` accepts it.

    Parameters
    ----------
    text : object
        The link's text (escaped, and a bidi isolate when it can run right to left: :func:`isolate`).
    url : object
        Linked only when it is ``http(s)``.

    Returns
    -------
    str
        An ``<a>`` element (``rel="noopener noreferrer nofollow"``), or the escaped text alone.

    See Also
    --------
    safe_url, escape

    Examples
    --------
    >>> link("<b>Wire</b>", "https://wire.example/?a=1&b=2")
    '<a href="https://wire.example/?a=1&amp;b=2" rel="noopener noreferrer nofollow">&lt;b&gt;Wire&lt;/b&gt;</a>'
    >>> link("Wire", "data:text/html,x")
    'Wire'
    """
    u = safe_url(url)
    if u is None:
        return isolate(text)
    return f'<a href="{escape(u)}" rel="noopener noreferrer nofollow">{isolate(text)}</a>'


def script_json(obj) -> str:
    """JSON that is safe inside a ``<script>`` element: ``<``, ``>``, ``&`` (and U+2028/9) are ``\\u`` escaped.

    Parameters
    ----------
    obj : object
        Anything :func:`json.dumps` takes; other values (a timestamp ...) are written as ``str``.

    Returns
    -------
    str
        JSON text with no ``<``, ``>`` or ``&``: it reads back as ``obj`` and cannot close its element.

    Examples
    --------
    >>> script_json({"t": "</script><b>&"})
    '{"t": "\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026"}'
    >>> import json; json.loads(script_json(["</script>"]))
    ['</script>']
    """
    text = json.dumps(obj, ensure_ascii=False, default=str)
    for ch, rep in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(ch, rep)
    return text


_BREAKS = re.compile("[\x0b\x0c]")
_FORBIDDEN = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_safe(text) -> str:
    """``text`` with every character XML 1.0 forbids replaced: VT and FF by a line break, the rest by U+FFFD.

    The GEXF and GraphML exports (:mod:`kit.formats.export`, :mod:`kit.formats.gexf`) pass every name, key and value
    through it,
    so a vertical tab (Word's manual line break), a NUL or a lone surrogate cannot make the file ill-formed.

    Parameters
    ----------
    text : object
        Any value; it is turned into text first.

    Returns
    -------
    str

    Examples
    --------
    >>> xml_safe("one\\x0btwo\\x00three\\ud800")
    'one\\ntwo\\ufffdthree\\ufffd'
    >>> xml_safe("plain, <b> & tab\\t") == "plain, <b> & tab\\t"
    True
    """
    return _FORBIDDEN.sub("\ufffd", _BREAKS.sub("\n", str(text)))


_FSI, _PDI = "\u2068", "\u2069"
_OPENERS = "\u2066\u2067\u2068"
#: a character that can make text around it run right to left: a bidi control, or a letter or digit of an RTL script
_RTL = re.compile(
    "[\u202a-\u202e\u2066-\u2069\u200f\u061c\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc"
    "\U00010800-\U00010fff\U0001e800-\U0001efff]"
)
_PARAGRAPH = re.compile("[\n\r\x1c-\x1e\x85\u2029]+")


def _balanced(text: str) -> str:
    """``text`` with every isolate it opens closed, and every stray U+2069 (which would close the kit's) dropped."""
    if not any(ch in text for ch in "\u2066\u2067\u2068\u2069"):
        return text
    out, depth = [], 0
    for ch in text:
        if ch in _OPENERS:
            depth += 1
        elif ch == _PDI:
            if not depth:
                continue
            depth -= 1
        out.append(ch)
    return "".join(out) + _PDI * depth


def isolate_text(value) -> str:
    """A case text as a bidi isolate in plain text (U+2068 FIRST STRONG ISOLATE ... U+2069), unescaped.

    For SVG text, alt text and attribute values, where ``<bdi>`` cannot go (escape the result for HTML). A text
    with nothing that runs right to left (no bidi control, no Arabic, Hebrew, Syriac ... character) is returned as
    it is: isolating it would change nothing on the screen. A stray U+2069 inside is dropped, an isolate it opens
    is closed, and each line is isolated on its own (a line break ends every isolate).

    Parameters
    ----------
    value : object
        Any cell; ``None``, ``pd.NA`` and NaN give ``""``.

    Returns
    -------
    str

    See Also
    --------
    isolate : the same for HTML content, as ``<bdi>``.

    Examples
    --------
    >>> isolate_text("Forum post"), isolate_text(None)
    ('Forum post', '')
    >>> isolate_text("Ivan \\u202eTASS") + " (grade F)"
    '\\u2068Ivan \\u202eTASS\\u2069 (grade F)'
    >>> isolate_text("x\\u2069\\u202ey")
    '\\u2068x\\u202ey\\u2069'
    """
    if is_null(value):
        return ""
    text = str(value)
    if not _RTL.search(text):
        return text
    pieces = _PARAGRAPH.split(text)
    seps = _PARAGRAPH.findall(text)
    out = []
    for i, piece in enumerate(pieces):
        out.append(_FSI + _balanced(piece) + _PDI if piece else "")
        if i < len(seps):
            out.append(seps[i])
    return "".join(out)


def isolate(value) -> str:
    """A case text as HTML content, escaped (:func:`escape`) and isolated in a ``<bdi>`` element when it needs it.

    Parameters
    ----------
    value : object
        Any cell; ``None``, ``pd.NA`` and NaN give ``""``.

    Returns
    -------
    str
        Safe in element content (not in an attribute: use ``escape(isolate_text(value))`` there).

    See Also
    --------
    isolate_text : the rule for when a text is isolated.

    Examples
    --------
    >>> isolate("<b>Wire</b>")
    '&lt;b&gt;Wire&lt;/b&gt;'
    >>> isolate("\\u202eWire\\u2069")
    '<bdi>\\u202eWire</bdi>'
    """
    if is_null(value):
        return ""
    text = str(value)
    if not _RTL.search(text):
        return escape(text)
    return "<bdi>" + escape(_balanced(text)) + "</bdi>"
