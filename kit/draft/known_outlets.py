"""The news outlets the kit knows by name, and the words that only describe one ("official", "news agency").

Data for :func:`kit.draft.names.outlet_of` and :func:`kit.draft.names.guess_kind`: a source named "China's official
Xinhua News Agency" is Xinhua, a `wire`. The kinds are the kit's general knowledge of each outlet, not something an
article says: every draft row using them says "draft: check kind".
"""

from __future__ import annotations

__all__ = ["KNOWN_OUTLETS", "OUTLET_WORDS"]

#: Well-known news outlets: normalised name -> (name as usually written, kind). Kinds are the kit's general
#: knowledge of the outlet, not something an article says: every draft row using them says "draft: check kind".
KNOWN_OUTLETS = {
    "reuters": ("Reuters", "wire"),
    "afp": ("AFP", "wire"),
    "ap": ("AP", "wire"),
    "associated press": ("AP", "wire"),
    "agence france presse": ("AFP", "wire"),
    "bloomberg": ("Bloomberg", "wire"),
    "bloomberg news": ("Bloomberg", "wire"),
    "tass": ("TASS", "wire"),
    "ria novosti": ("RIA Novosti", "wire"),
    "interfax": ("Interfax", "wire"),
    "anadolu agency": ("Anadolu Agency", "wire"),
    "daily beast": ("The Daily Beast", "online"),
    "moscow times": ("The Moscow Times", "online"),
    "fontanka": ("Fontanka", "online"),
    "meduza": ("Meduza", "online"),
    "rbc": ("RBC", "online"),
    "novaya gazeta": ("Novaya Gazeta", "newspaper"),
    "kommersant": ("Kommersant", "newspaper"),
    "new york times": ("The New York Times", "newspaper"),
    "washington post": ("The Washington Post", "newspaper"),
    "wall street journal": ("The Wall Street Journal", "newspaper"),
    "guardian": ("The Guardian", "newspaper"),
    "financial times": ("Financial Times", "newspaper"),
    "bbc": ("BBC", "broadcaster"),
    "cnn": ("CNN", "broadcaster"),
    "al jazeera": ("Al Jazeera", "broadcaster"),
    "rt": ("RT", "broadcaster"),
    "xinhua": ("Xinhua", "wire"),
    "xinhua news agency": ("Xinhua", "wire"),
    "ukrinform": ("Ukrinform", "wire"),
    "ians": ("IANS", "wire"),
    "dpa": ("dpa", "wire"),
    "efe": ("EFE", "wire"),
    "upi": ("UPI", "wire"),
    "pa": ("PA", "wire"),
    "press association": ("PA", "wire"),
    "cctv": ("CCTV", "broadcaster"),
    "china central television": ("CCTV", "broadcaster"),
    "abc news": ("ABC News", "broadcaster"),
    "radio new zealand": ("Radio New Zealand", "broadcaster"),
    "radio liberty": ("Radio Liberty", "broadcaster"),
    "sana": ("SANA", "wire"),
    "al arabiya": ("Al Arabiya", "broadcaster"),
    "al masirah": ("Al Masirah", "broadcaster"),
    "saudi press agency": ("SPA", "wire"),
    "saba": ("Saba", "wire"),
    "irna": ("IRNA", "wire"),
}
#: words around an outlet's name that do not make another source: "China's official Xinhua News Agency" is Xinhua
OUTLET_WORDS = {
    "official", "state", "news", "agency", "reporters", "reporter", "correspondent", "correspondents", "chinese",
    "china", "run", "owned", "wire", "service", "staff", "journalists", "s", "national", "the", "its", "network",
    "tv", "television", "channel", "saudi", "houthi", "iranian", "iraqi", "yemeni", "pakistani", "afghan", "pro",
    "rebel", "controlled", "backed", "affiliated",
}  # fmt: skip
