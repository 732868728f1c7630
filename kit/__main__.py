"""``python -m kit``: see :mod:`kit.cli`."""

import sys

try:
    from kit.cli import main
except KeyboardInterrupt:  # Ctrl-C while the kit is still starting: nothing was done, no traceback
    sys.exit(1)

sys.exit(main())
