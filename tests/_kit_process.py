"""``python -m kit ARGS`` for the tests (the ``run_kit`` fixture), each run in a process of its own, without starting
Python and importing kit's stack (pandas, numpy, networkx: ~0.6 CPU-seconds) again for every run.

One server process per test process, started with ``python -c`` from the project root and the test process's
environment, imports the package ``kit``: what ``python -m kit`` imports before it runs ``kit/__main__.py``. For each
run it forks; the child takes the run's working directory (also ``sys.path[0]``, as ``-m`` puts it there), the test
process's umask, the run's environment, ``sys.argv``, a fresh ``__main__`` module, stdout and stderr (files, read back
as ``subprocess.run(..., text=True)`` decodes a pipe) and stdin (``/dev/null``), runs ``kit/__main__.py`` through
``runpy._run_module_as_main``, the function ``python -m`` calls, and ends as the interpreter ends: ``SystemExit`` gives
the exit code (a non-integer is printed, exit 1), any other exception is printed by ``sys.excepthook`` (exit 1), then
threads are joined, ``atexit`` functions run and stdout and stderr flushed. The returncode is the child's exit status
(negative for a signal), as ``subprocess`` gives it; a run past its timeout is killed and raises
``subprocess.TimeoutExpired``.

What differs from a fresh ``python -m kit``: the children of one server share its hash seed and the state of
``random`` (kit's commands use neither for what they print), and kit's modules were imported before the run's
environment was set. So a run whose environment differs from the server's in anything but ``PYTEST_CURRENT_TEST``
is not forked: it runs as ``python -m kit`` in a new interpreter. tests/cli/test_run_kit.py checks that both give
the same returncode, stdout and stderr, on a success, warnings, problems, a refusal, usage errors and ``--help``,
and the same files written, with the test process's umask.

Measured 2026-12-08 on the 2-core machine: the four modules that used ``run_kit`` first (65 runs in
tests/cli/test_hostile_cli.py, tests/publish/test_hostile_redaction.py, tests/store/test_hostile_store.py and
tests/model/test_case.py) took 72.4 CPU-seconds (user+sys) and 74 s with a new ``python -m kit`` per run, 31.1
CPU-seconds and 32 s forked.
"""

from __future__ import annotations

import io
import json
import os
import pathlib
import select
import signal
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent

# The server: argv[1] is the fd it reads requests from (one JSON line each), argv[2] the fd it answers on (the
# child's pid, then its wait status, one line each).
SERVER = r"""
import atexit, json, os, runpy, sys, threading, types

import kit  # what `python -m kit` imports before it runs kit/__main__.py

requests = os.fdopen(int(sys.argv[1]), "rb")
answers = int(sys.argv[2])


def _code(exc):
    # the exit status the interpreter gives an uncaught SystemExit (Python/pythonrun.c, handle_system_exit)
    code = exc.code
    if code is None:
        return 0
    if isinstance(code, int):
        return code & 0xFF
    try:
        sys.stderr.write(str(code) + "\n")
    except Exception:
        pass
    return 1


def _child(req):
    code = 1
    try:
        requests.close()
        os.close(answers)
        streams = ((0, os.devnull, os.O_RDONLY), (1, req["stdout"], os.O_WRONLY), (2, req["stderr"], os.O_WRONLY))
        for fd, path, flags in streams:
            new = os.open(path, flags)
            os.dup2(new, fd)
            os.close(new)
        os.chdir(req["cwd"])
        os.umask(req["umask"])
        os.environ.clear()
        os.environ.update(req["env"])
        sys.path[0] = os.getcwd()
        sys.argv[:] = ["-m", *req["args"]]  # runpy puts kit/__main__.py's path in argv[0], as -m does
        sys.modules["__main__"] = types.ModuleType("__main__")
        try:
            runpy._run_module_as_main("kit", True)
            code = 0
        except SystemExit as exc:
            code = _code(exc)
        except BaseException:
            sys.excepthook(*sys.exc_info())
            code = 1
        threading._shutdown()
        atexit._run_exitfuncs()
        try:
            sys.stdout.flush()
        except Exception:
            code = 120  # as the interpreter exits when stdout cannot be flushed
        try:
            sys.stderr.flush()
        except Exception:
            pass
    finally:
        os._exit(code)


for line in requests:
    req = json.loads(line)
    pid = os.fork()
    if pid == 0:
        _child(req)
    os.write(answers, b"%d\n" % pid)
    _, status = os.waitpid(pid, 0)
    os.write(answers, b"%d\n" % os.waitstatus_to_exitcode(status))
"""

# What may differ between the server's environment and a run's: pytest sets it for every test.
_PER_TEST = {"PYTEST_CURRENT_TEST"}


def _text(data: bytes) -> str:
    """``data`` decoded as ``subprocess.run(..., text=True)`` decodes a pipe: the locale's encoding, strict errors,
    universal newlines."""
    wrapper = io.TextIOWrapper(io.BytesIO())
    return data.decode(wrapper.encoding, wrapper.errors).replace("\r\n", "\n").replace("\r", "\n")


class KitProcesses:
    """The server of one test process; :meth:`run` is ``run_kit``. :meth:`close` stops it."""

    def __init__(self) -> None:
        self._env = dict(os.environ)
        self._dir = tempfile.TemporaryDirectory(prefix="kit-process-")
        req_r, self._req_w = os.pipe()
        self._ans_r, ans_w = os.pipe()
        self._log = open(pathlib.Path(self._dir.name) / "server.log", "wb")  # noqa: SIM115 - closed in close()
        self._proc = subprocess.Popen(
            [sys.executable, "-c", SERVER, str(req_r), str(ans_w)],
            cwd=ROOT,
            env=self._env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=self._log,
            pass_fds=(req_r, ans_w),
        )
        os.close(req_r)
        os.close(ans_w)
        self._pending = b""
        self._runs = 0

    def _line(self, timeout: float | None) -> bytes | None:
        """The server's next answer line, or None when ``timeout`` seconds pass first."""
        while b"\n" not in self._pending:
            ready, _, _ = select.select([self._ans_r], [], [], timeout)
            if not ready:
                return None
            chunk = os.read(self._ans_r, 4096)
            if not chunk:
                log = pathlib.Path(self._dir.name, "server.log").read_text(errors="replace")
                raise RuntimeError(f"the kit process server stopped:\n{log[-3000:]}")
            self._pending += chunk
        line, self._pending = self._pending.split(b"\n", 1)
        return line

    def run(self, args, *, cwd=ROOT, timeout: float | None = 120) -> subprocess.CompletedProcess:
        """``python -m kit *args`` in ``cwd``: its CompletedProcess (text, captured), as ``subprocess.run`` gives it."""
        args = [str(a) for a in args]
        cmd = [sys.executable, "-m", "kit", *args]
        env = dict(os.environ)
        if {k: v for k, v in env.items() if k not in _PER_TEST} != {
            k: v for k, v in self._env.items() if k not in _PER_TEST
        }:
            return subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=timeout)
        self._runs += 1
        out = pathlib.Path(self._dir.name) / f"{self._runs}.out"
        err = pathlib.Path(self._dir.name) / f"{self._runs}.err"
        out.write_bytes(b"")
        err.write_bytes(b"")
        umask = os.umask(0o22)
        os.umask(umask)
        request = {"args": args, "cwd": str(cwd), "umask": umask, "env": env, "stdout": str(out), "stderr": str(err)}
        os.write(self._req_w, json.dumps(request).encode("utf-8") + b"\n")
        pid = int(self._line(None))
        status = self._line(timeout)
        if status is None:
            os.kill(pid, signal.SIGKILL)
            self._line(None)
            raise subprocess.TimeoutExpired(
                cmd, timeout, output=_text(out.read_bytes()), stderr=_text(err.read_bytes())
            )
        try:
            return subprocess.CompletedProcess(cmd, int(status), _text(out.read_bytes()), _text(err.read_bytes()))
        finally:
            out.unlink()
            err.unlink()

    def close(self) -> None:
        os.close(self._req_w)
        try:
            self._proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self._proc.kill()
            self._proc.wait()
        os.close(self._ans_r)
        self._log.close()
        self._dir.cleanup()
