"""``python -m kit``: see :mod:`kit.cli`."""

import sys

from .cli import main

sys.exit(main())
