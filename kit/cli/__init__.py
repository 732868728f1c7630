"""The command line (argparse only; the work is done by the modules it calls): ``python -m kit check PATH``,
``kit trace PATH CLAIM_ID``, ``kit publish PATH OUT_DIR``, ``kit export PATH OUT_DIR``, ``kit audit``, ``kit draft``,
``kit worksheet`` and ``kit notebooks``: one module per command in this package (``kit.cli.check`` ...), each with
``add_parser(subparsers)`` and ``run(args)``, all registered one way (:data:`COMMANDS`).

Exit codes: 0 all fine, 1 the case has problems (or the claim is not in it), 2 the command was
used wrongly (an output folder that is the case's, inside it, holds a case's tables, is a file or
cannot be written: :func:`kit.store.outputs.refuse_output_over_case`), 3 an internal error in the kit (a bug: please
report it).
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from kit.cli.common import say
from kit.errors import OutputRefused

__all__ = ["main", "COMMANDS"]

#: the commands of ``kit``, in the order ``kit --help`` lists them: each is the module ``kit.cli.<name>``
COMMANDS = ("check", "trace", "publish", "export", "audit", "draft", "worksheet", "notebooks")


def main(argv=None) -> int:
    """Run the command line; return the exit code.

    Parameters
    ----------
    argv : list of str, optional
        The arguments after ``kit`` (default: ``sys.argv[1:]``).

    Returns
    -------
    int
        0 all fine; 1 the case has problems (or the claim is not in it); 2 the command was used wrongly (argparse
        exits with it); 3 an internal error in the kit, a bug (``KIT_DEBUG=1`` raises it instead).

    See Also
    --------
    kit.cli.common : what the commands share (a case loaded or its problems reported, ``--reveal-confidential``).

    Examples
    --------
    >>> main(["trace", "data/deir-ez-zor", "afp-cit-three-more"])  # doctest: +ELLIPSIS
    afp-cit-three-more — AFP, 2018-02-12/2018-02-13 (alleged, figure 3+), credibility 6
    ...
    0
    >>> main(["check", "no/such/case"])
    no/such/case: there is no folder or file here; give the case's folder, its case.toml, or an .xlsx workbook
    1
    """
    try:  # Ctrl-C while the commands' modules load is as Ctrl-C later: nothing was done, no traceback
        parser = argparse.ArgumentParser(prog="kit", description="Check a case and trace its claims to their origins.")
        sub = parser.add_subparsers(dest="command", required=True)
        for name in COMMANDS:
            importlib.import_module(f"kit.cli.{name}").add_parser(sub)
        args = parser.parse_args(argv)
        return args.func(args)
    except (BrokenPipeError, KeyboardInterrupt):
        return 1
    except OutputRefused as e:  # the folder given is wrong, not the case: a usage error
        say(f"kit: {e}", file=sys.stderr)
        return 2
    except Exception as e:
        if os.environ.get("KIT_DEBUG"):
            raise
        say(
            f"kit: internal error ({type(e).__name__}: {e}); this is a bug in the kit, not in your data — "
            "please report it with the command you ran (KIT_DEBUG=1 shows the details)",
            file=sys.stderr,
        )
        return 3


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
