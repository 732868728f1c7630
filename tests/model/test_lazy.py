"""kit.lazy: a layer's modules are imported when first used, not when the layer is (checked in fresh interpreters)."""

import subprocess
import sys

import pytest

from kit.lazy import submodules


def _fresh(code: str) -> str:
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    return r.stdout.strip()


def test_a_module_of_a_layer_does_not_import_its_siblings():
    code = "import sys, kit.text.html; print('kit.text.story' in sys.modules, 'kit.text.wording' in sys.modules)"
    assert _fresh(code) == "False False"


def test_reading_an_attribute_imports_the_module_once():
    code = (
        "import sys, kit.text\n"
        "before = 'kit.text.story' in sys.modules\n"
        "m = kit.text.story\n"
        "print(before, m is sys.modules['kit.text.story'], kit.text.story is m)"
    )
    assert _fresh(code) == "False True True"


def test_an_unknown_attribute_is_an_attribute_error():
    getattr_ = submodules("kit.text", ["story"])
    assert getattr_("story").__name__ == "kit.text.story"
    with pytest.raises(AttributeError, match="module 'kit.text' has no attribute 'nothing'"):
        getattr_("nothing")
    assert not hasattr(__import__("kit.text").text, "nothing")
