"""JupyterLab settings for `make lab` (passed with --config): what the lab's file browser lists, and its terminals.

- The notebooks are kept as pairs (`NN_name.ipynb` and its jupytext twin `NN_name.py`); the file browser lists only
  the `.ipynb`. The `.py` files are still there: edit them in any editor, or open one with File > Open from Path.
- Terminals start as a plain (non-login) shell, so they keep the PATH `make lab` gives the server, with the
  project's `.venv/bin` first: `kit check ...` works in a lab terminal and in a notebook's `!kit ...`.
- Terminals open in the repository's root (not in notebooks/, the lab's root), where the README's paths
  (`kit check data/deir-ez-zor`) work as written.
"""

import os
import shlex

c = get_config()  # noqa: F821 (defined by Jupyter when it reads this file)

c.ContentsManager.hide_globs = ["__pycache__", "*.pyc", "*.pyo", ".DS_Store", "*~", "[0-9][0-9]_*.py"]
_shell = os.environ.get("SHELL") or "/bin/sh"
_repo = os.path.dirname(os.path.abspath(__file__))
c.ServerApp.terminado_settings = {
    "shell_command": ["/bin/sh", "-c", f"cd {shlex.quote(_repo)} && exec {shlex.quote(_shell)}"]
}
