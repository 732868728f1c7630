"""The case format's tables, columns and allowed values (``docs/case-format.md``), in one place."""

from __future__ import annotations

__all__ = [
    "TABLES",
    "COLUMNS",
    "TYPED_COLUMNS",
    "REQUIRED",
    "ID_COLUMN",
    "RESERVED_COLUMNS",
    "KEPT_COLUMNS",
    "KINDS",
    "MEASURES",
    "CERTAINTIES",
    "RELATIONS",
    "SUPPORTING",
    "BASES",
    "DEFAULT_FOLLOW",
    "OWN_REPORTING",
    "DRIFT_FLAGS",
    "RELIABILITY",
    "CREDIBILITY",
    "CERTAINTY_RANK",
    "META_KEYS",
    "STORY",
    "STORY_COLUMNS",
    "STORY_OPTIONAL",
    "FILE_COLUMNS",
    "VERDICT_KEYS",
]

#: the four tables of a case, in the order they are read and written
TABLES = ("sources", "reports", "claims", "citations")

#: the columns of each table's file, in the order the kit writes them (contract version 2: ``basis``)
COLUMNS = {
    "sources": ("source_id", "name", "kind", "affiliation", "country", "reliability", "confidential", "url", "notes"),
    "reports": ("report_id", "source_id", "published", "title", "url", "archive_url", "language", "notes"),
    "claims": (
        "claim_id",
        "report_id",
        "proposition",
        "text",
        "low",
        "high",
        "subject",
        "measure",
        "certainty",
        "credibility",
    ),
    "citations": ("claim_id", "cites", "relation", "evidence", "basis"),
}

#: the columns of each table as ``load_case`` returns it: the file's columns, and (contract version 2) the typed
#: ``reports`` table's ``published_latest`` beside ``published``
TYPED_COLUMNS = {
    name: cols[: cols.index("published") + 1] + ("published_latest",) + cols[cols.index("published") + 1 :]
    if name == "reports"
    else cols
    for name, cols in COLUMNS.items()
}

#: the columns each table's file must have in its header
REQUIRED = {
    "sources": ("source_id", "name", "kind"),
    "reports": ("report_id", "source_id", "published"),
    "claims": ("claim_id", "report_id", "proposition", "text", "certainty"),
    "citations": ("claim_id", "cites", "relation"),
}

#: free-text columns beyond the contract's that the kit writes itself (``kit draft``'s ``draft: check`` notes on claims
#: and citations) and keeps as text without a warning (docs/case-format-extensions.md); like any extra column they
#: are redacted on publishing and never read by an analysis
KEPT_COLUMNS = {"sources": (), "reports": (), "claims": ("notes",), "citations": ("notes",)}

#: column names a table's file cannot use for a column of its own: the ones the kit derives in that table
#: (``published_latest`` on loading, ``cited_claim_id`` and ``cited_source_id`` in the exports) would replace or
#: drop it, and SQLite's names for a row's hidden number (any table: ``rowid``, ``oid``, ``_rowid_``) would hide it
RESERVED_COLUMNS = {
    "sources": ("rowid", "oid", "_rowid_"),
    "reports": ("published_latest", "rowid", "oid", "_rowid_"),
    "claims": ("rowid", "oid", "_rowid_"),
    "citations": ("cited_claim_id", "cited_source_id", "rowid", "oid", "_rowid_"),
}

#: the column that names each row of a table (unique in it); citations have none
ID_COLUMN = {"sources": "source_id", "reports": "report_id", "claims": "claim_id"}

#: the allowed ``kind`` of a source
KINDS = (
    "wire",
    "newspaper",
    "broadcaster",
    "online",
    "official",
    "military",
    "monitor",
    "company",
    "individual",
    "social",
    "anonymous",
    "document",
)
#: the allowed ``measure`` of a claim: what its figure counts
MEASURES = ("killed", "wounded", "casualties", "captured", "present", "other")
#: the allowed ``certainty`` of a claim, surest first
CERTAINTIES = ("asserted", "estimated", "alleged", "rumoured", "questioned", "denied")
#: the allowed ``relation`` of a citation
RELATIONS = ("relies_on", "corroborates", "disputes")
#: the relations that carry support: the analyses follow these, never ``disputes``
SUPPORTING = ("relies_on", "corroborates")
#: who says a claim rests on what it cites (contract version 2): the report itself, a reading of other evidence, a hunch
BASES = ("stated", "inferred", "suspected")
#: the bases the analyses follow unless told otherwise
DEFAULT_FOLLOW = ("stated", "inferred")
#: the relation shown for a claim that rests on its publisher's own reporting (it cites nothing)
OWN_REPORTING = "own reporting"
#: the boolean columns of :func:`kit.drift`, in the order they are shown
DRIFT_FLAGS = ("question_changed", "inflated", "scope_changed", "measure_changed", "hardened")
#: source reliability grades (Admiralty code): A completely reliable ... F cannot be judged
RELIABILITY = ("A", "B", "C", "D", "E", "F")
#: claim credibility grades (Admiralty code): 1 confirmed ... 6 cannot be judged
CREDIBILITY = (1, 2, 3, 4, 5, 6)
#: the scale along which a claim can harden; questioned and denied are off it.
CERTAINTY_RANK = {"rumoured": 1, "alleged": 2, "estimated": 3, "asserted": 4}
#: the text settings of case.toml (each must be text when given)
META_KEYS = ("title", "question", "summary", "language", "license")

#: the optional fifth table, story.csv (docs/case-format.md): its name and its columns, all required
STORY = "story"
#: the required columns of story.csv
STORY_COLUMNS = ("step", "date", "title", "text")
#: optional columns of story.csv: ``claims``, the ids of the claims each step adds
STORY_OPTIONAL = ("claims",)
#: the columns of every table read from a CSV file, the story included
FILE_COLUMNS = {**COLUMNS, STORY: STORY_COLUMNS}
#: the settings of one ``[verdicts.<proposition>]`` table of case.toml: rating and claim_id are required
VERDICT_KEYS = ("rating", "claim_id", "note", "author", "url")
