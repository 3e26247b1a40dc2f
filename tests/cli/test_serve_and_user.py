"""`grappe user` and `grappe serve`."""

from __future__ import annotations

import http.client
import json
import os
import re
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from grappe.cli import main
from grappe.cli.serve import is_loopback
from web.users import UserStore


def test_user_add_list_remove(tmp_path: Path):
    runner = CliRunner()
    base = ["--data-dir", str(tmp_path), "user"]
    r = runner.invoke(main, base + ["add", "alice", "--role", "curator", "--password", "s3cret-pass"])
    assert r.exit_code == 0, r.output
    r = runner.invoke(main, base + ["add", "bob", "--role", "analyst"], input="another-pass\nanother-pass\n")
    assert r.exit_code == 0, r.output
    users = UserStore(tmp_path / "users.json")
    assert users.verify("alice", "s3cret-pass").role == "curator"
    assert users.verify("alice", "wrong") is None
    assert "s3cret-pass" not in (tmp_path / "users.json").read_text()
    assert oct((tmp_path / "users.json").stat().st_mode & 0o777) == "0o600"
    r = runner.invoke(main, base + ["list"])
    assert "alice\tcurator" in r.output and "bob\tanalyst" in r.output
    r = runner.invoke(main, base + ["add", "alice", "--role", "viewer", "--password", "s3cret-pass"])
    assert r.exit_code != 0 and "already exists" in r.output
    r = runner.invoke(main, base + ["add", "carol", "--role", "boss", "--password", "s3cret-pass"])
    assert r.exit_code != 0
    r = runner.invoke(main, base + ["add", "carol", "--role", "viewer", "--password", "short"])
    assert r.exit_code != 0 and "too short" in r.output
    r = runner.invoke(main, base + ["remove", "bob"])
    assert r.exit_code == 0 and users.get("bob") is None


def test_loopback_detection():
    assert is_loopback("127.0.0.1") and is_loopback("localhost") and is_loopback("::1")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.10")


@pytest.mark.parametrize("workers", [1, 2])
def test_serve_binds_localhost_and_answers(settings, graph_store, workers):
    env = {**os.environ, "GRAPPE_DATA_DIR": str(settings.data_dir), "GRAPPE_GRAPH_NAME": graph_store.graph_name,
           "GRAPPE_GRAPH_URL": "falkordb-embedded"}
    proc = subprocess.Popen([sys.executable, "-m", "grappe.cli", "serve", "--port", "0", "--threads", "2",
                             "--workers", str(workers)],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            cwd=Path(__file__).resolve().parents[2])
    try:
        line = proc.stdout.readline()
        m = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        assert m, line + (proc.stderr.read() if proc.poll() is not None else "")
        url = f"http://127.0.0.1:{m.group(1)}"
        deadline = time.time() + 10
        while True:
            try:
                with urllib.request.urlopen(url + "/api/search?q=mila", timeout=5) as resp:
                    body = json.load(resp)
                    assert resp.headers["X-Content-Type-Options"] == "nosniff"
                break
            except OSError:
                if time.time() > deadline:
                    raise
                time.sleep(0.2)
        assert body["hits"][0]["name"].startswith("Mila")
        for _ in range(4):  # every worker answers
            with urllib.request.urlopen(url + f"/entity/{'NK-mila'}", timeout=30) as resp:
                assert resp.status == 200
        if workers > 1 and sys.platform.startswith("linux"):
            # kept-alive connections are spread over the workers, not left to the accept race
            conns = [http.client.HTTPConnection("127.0.0.1", int(m.group(1)), timeout=30) for _ in range(6)]
            try:
                for conn in conns:
                    conn.request("GET", "/api/search?q=mila")
                    conn.getresponse().read()
                held = sorted(_connections_held(pid, int(m.group(1))) for pid in _children(proc.pid))
                assert sum(held) == 6 and held[-1] - held[0] <= 2, held
            finally:
                for conn in conns:
                    conn.close()
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        proc.stdout.close()
        proc.stderr.close()


def _children(pid: int) -> list[int]:
    return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]


def _connections_held(pid: int, port: int) -> int:
    """Established TCP connections on ``port`` whose socket ``pid`` holds (from /proc)."""
    inodes = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[8:-1])
    held = 0
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            local_port = int(fields[1].rsplit(":", 1)[1], 16)
            if local_port == port and fields[3] == "01" and fields[9] in inodes:  # 01: ESTABLISHED
                held += 1
    return held
