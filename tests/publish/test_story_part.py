"""kit.publish.story_part: the page's story for readers with and without JavaScript."""

from kit.publish.story_part import MAX_STATIC_PICTURES, paragraphs


def test_paragraphs_are_escaped_and_split_on_lines():
    assert paragraphs("One <b>\n\nTwo & three\n") == "<p>One &lt;b&gt;</p><p>Two &amp; three</p>"
    assert paragraphs(None) == "" and paragraphs("   ") == ""
    assert "<script>" not in paragraphs("<script>alert(1)</script>")


def test_a_long_story_draws_no_static_picture_and_says_so(tmp_path):
    from kit.publish import publish
    from kit.testing.synth import make_case

    case = make_case(400, seed=3)
    sizes = case.claims["proposition"].value_counts()
    assert sizes.iloc[0] > MAX_STATIC_PICTURES  # the largest question is past the limit
    page = publish(case, tmp_path / "site").read_text(encoding="utf-8")
    assert f"(at most {MAX_STATIC_PICTURES})" in page and "No pictures here" in page
