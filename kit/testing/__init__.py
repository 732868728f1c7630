"""Cases to learn and test with: :mod:`kit.testing.examples` (small constructed cases the docstrings use),
:mod:`kit.testing.synth` (large synthetic cases for tests and benchmarks) and :mod:`kit.testing.bundled` (the
numbered notebooks and example cases that come with kit)."""

from kit.lazy import submodules

__all__ = ["bundled", "examples", "synth"]

__getattr__ = submodules(__name__, __all__)
