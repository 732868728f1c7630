"""``kit publish`` (kit.cli.publish): one self-contained page written where it says, the case's title and claims in
it, a confidential source kept out unless revealed (with a warning); a case with problems exits 1, an output over
the case exits 2, and nothing is written either way."""

import html.parser
import shutil

import pytest

from kit.cli import main


class _Page(html.parser.HTMLParser):
    """The page as a browser's parser reads it: its text, and every address it would fetch."""

    def __init__(self):
        super().__init__()
        self.text: list = []
        self.fetches: list = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in ("script", "img", "iframe") and a.get("src"):
            self.fetches.append(a["src"])
        if tag == "link" and a.get("rel") == "stylesheet":
            self.fetches.append(a.get("href"))

    def handle_data(self, data):
        self.text.append(data)


def _publish(capsys, *args):
    code = main(["publish", *map(str, args)])
    return code, capsys.readouterr()


def test_the_page_is_written_self_contained_and_withholds_the_source(cases_dir, tmp_path, capsys, echo_case):
    code, captured = _publish(capsys, cases_dir / "echo", tmp_path / "site")
    assert code == 0 and captured.out == f"wrote {tmp_path / 'site' / 'index.html'}\n"
    text = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    page = _Page()
    page.feed(text)
    words = " ".join(" ".join(page.text).split())
    assert echo_case.title in words
    assert [f for f in page.fetches if not f.startswith("data:")] == []  # nothing fetched from elsewhere
    assert "Official (unnamed)" not in text and "spoke to both outlets" not in text


def test_revealing_warns(cases_dir, tmp_path, capsys):
    code, captured = _publish(capsys, cases_dir / "echo", tmp_path / "site", "--reveal-confidential")
    assert code == 0 and "do not publish it" in captured.err
    assert "Official (unnamed)" in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")


def test_a_case_with_problems_is_not_published(cases_dir, tmp_path, capsys):
    code, captured = _publish(capsys, cases_dir / "bad_mixed", tmp_path / "site")
    assert code == 1 and "before publishing" in captured.err
    assert not (tmp_path / "site").exists()


@pytest.mark.parametrize("where", ["", "site"])
def test_an_output_over_the_case_exits_2(cases_dir, tmp_path, capsys, where):
    shutil.copytree(cases_dir / "echo", tmp_path / "echo")
    before = sorted(p.name for p in (tmp_path / "echo").iterdir())
    code, captured = _publish(capsys, tmp_path / "echo", tmp_path / "echo" / where)
    assert code == 2 and captured.err.startswith("kit: ")
    assert sorted(p.name for p in (tmp_path / "echo").iterdir()) == before
