"""The published page can be shared: Open Graph and Twitter card <meta> tags in its <head>, from the case's title and
question, escaped, and from the redacted case (kit.publish.words.share_tags)."""

from html.parser import HTMLParser

import kit
from conftest import DEIR, HOSTILE
from kit.publish import publish
from kit.publish.words import share_tags


class _Head(HTMLParser):
    """``property``/``name`` -> ``content`` of every <meta> before <body>, and every tag name seen in <head>."""

    def __init__(self, page):
        super().__init__(convert_charrefs=True)
        self.meta, self.tags, self.in_head = {}, [], False
        self.feed(page)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "head":
            self.in_head = True
        elif tag == "body":
            self.in_head = False
        elif self.in_head:
            self.tags.append(tag)
            if tag == "meta" and (a.get("property") or a.get("name")):
                self.meta[a.get("property") or a.get("name")] = a.get("content")


def test_the_page_head_has_share_tags_as_text(tmp_path, assert_no_secret):
    case = kit.load_case(HOSTILE)
    page = publish(case, tmp_path, built="2026-01-02").read_text(encoding="utf-8")
    head = _Head(page)
    assert head.meta["og:type"] == "article"
    assert head.meta["og:title"] == head.meta["twitter:title"] == case.title  # the text, tags and all, as text
    assert head.meta["og:description"] == head.meta["description"] == case.meta["question"]
    assert head.tags.count("script") == 1  # its ClaimReview (JSON-LD) only: no script from a case text
    assert_no_secret(case, "\n".join(f"{k}={v}" for k, v in head.meta.items()), labelled=False)


def test_a_long_question_is_cut_at_a_word():
    case = kit.load_case(DEIR)
    text = share_tags(case, most=60)
    said = _Head(f"<head>{text}</head>").meta["og:description"]
    assert len(said) <= 61 and said.endswith("…") and case.meta["question"].startswith(said[:-1])
