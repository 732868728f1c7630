"""Untrusted text into HTML: one place for escaping, linkable urls and JSON that is safe inside ``<script>``.

Case text is untrusted (a name may read ``<script>alert(1)</script>``, a url ``javascript:...``). Every renderer
that writes HTML, SVG or a tooltip from case text calls these functions instead of writing its own copy:

- :func:`escape`: any cell as HTML text (``None``, ``pd.NA`` and NaN as ``""``), quotes escaped too, so the result
  is safe in element content and in attribute values;
- :func:`safe_url`: a url only when it is ``http(s)``; anything else is shown as text, never linked;
- :func:`link`: an ``<a>`` for a safe url, else the escaped text;
- :func:`script_json`: JSON whose ``<``, ``>`` and ``&`` are ``\\u`` escaped, so no ``</script>`` in a text can
  close the script element it is embedded in.

Examples
--------
>>> from kit.html import escape, link
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

__all__ = ["escape", "safe_url", "link", "script_json"]


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
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
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
    """``text`` escaped, as a link to ``url`` when :func:`safe_url` accepts it (``rel="noopener ..."``).

    Parameters
    ----------
    text : object
        The link's text (escaped with :func:`escape`).
    url : object
        Linked only when it is ``http(s)``.

    Returns
    -------
    str
        An ``<a>`` element, or the escaped text alone.

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
        return escape(text)
    return f'<a href="{escape(u)}" rel="noopener noreferrer nofollow">{escape(text)}</a>'


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
