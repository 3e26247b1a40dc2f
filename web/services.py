"""What the pages call: the store, opened once per app, and the feature services.

``init_app`` keeps one :class:`Services` in ``app.extensions["grappe"]``. The store
client is a thread-safe pool, so nothing is cached on ``g``; it is opened on first
use (or at ``grappe serve`` start) and closed when the process exits.
"""

from __future__ import annotations

import atexit
import gc
import logging
import math
import threading
import weakref
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from flask import Flask, Response, current_app

from graph.analytics.cache import graph_version as version_of
from graph.analytics.cache import invalidate
from graph.analytics.service import Analytics
from graph.search.index import attach, get_index
from graph.store import EMBEDDED, open_store
from graph.store.base import GraphStore
from graph.store.embedded import EmbeddedFalkorDB
from grappe.settings import Settings
from web.cache import GraphCache

log = logging.getLogger(__name__)
T = TypeVar("T")

#: how often (seconds) ``grappe serve`` checks, in the background, whether the graph changed
ANALYTICS_REFRESH_SECONDS = 30.0


class Services:
    def __init__(self, settings: Settings, store: GraphStore | None = None) -> None:
        self.settings = settings
        self._store = store
        self._owns_store = store is None
        self._console_store: Any = None
        self._analytics: Any = None
        self._lock = threading.Lock()
        self._build_lock = threading.Lock()
        self.cache = GraphCache(settings)
        if store is not None:
            _attach_name_index(store, settings)

    @property
    def store(self) -> Any:
        if self._store is None:
            with self._lock:
                if self._store is None:
                    self._store = open_store(self.settings)
                    _attach_name_index(self._store, self.settings)
        return self._store

    def ensure_database(self) -> bool:
        """Start the embedded FalkorDB again if it died (killed, out of memory): the
        pages answer again without anyone running ``grappe db start``. True when it
        was restarted. Other stores are not Grappe's to start."""
        if self._owns_store is False or (self.settings.graph_url or EMBEDDED).strip() != EMBEDDED:
            return False

        server = EmbeddedFalkorDB.from_settings(self.settings)
        if server.pid() is not None:
            return False  # alive (perhaps busy or still loading)
        log.warning("the embedded FalkorDB in %s is not running: starting it again", server.dir)
        server.start()
        log.warning("the embedded FalkorDB is running again (pid %s)", server.pid())
        return True

    @property
    def console_store(self) -> Any:
        """The analysts' console's own store (its own connection pool), so queries that run
        long never hold the connections the pages read with. A store given to the app
        (tests) serves both."""
        if not self._owns_store:
            return self.store
        if self._console_store is None:
            with self._lock:
                if self._console_store is None:
                    self._console_store = open_store(self.settings)
        return self._console_store

    @property
    def analytics(self) -> Any:
        """The analytics service. Requests never check whether the graph changed (that
        costs a full count of the graph): its projection is built once, on first use
        (one thread builds, the others wait), then replaced by :meth:`refresh_analytics`
        (``grappe serve`` runs it in the background) or after a curation."""
        analytics = self._analytics
        if analytics is None:
            with self._build_lock:
                analytics = self._analytics
                if analytics is None:
                    analytics = self._new_analytics()
                    self._analytics = analytics
        return analytics

    def _new_analytics(self) -> Any:
        analytics = Analytics(self.store, self.settings, check_every=math.inf)
        if callable(getattr(analytics, "projection", None)):
            analytics.projection()  # build (or load) it now, outside any request that is waiting
        return analytics

    def refresh_analytics(self) -> bool:
        """Rebuild the projection if the graph changed (an ingest by another process);
        requests go on with the current one meanwhile. True when it was replaced."""
        current = self._analytics
        if current is None:
            self.analytics  # noqa: B018
            return True
        proj = current.projection()
        if getattr(proj, "extras", {}).get("version") == version_of(self.store, self.settings):
            return False
        fresh = self._new_analytics()
        self._analytics = fresh
        return True

    def warm_up(self, refresh_seconds: float = ANALYTICS_REFRESH_SECONDS, stop: threading.Event | None = None) -> None:
        """Open the store, build the analytics projection now, then keep it fresh
        (``grappe serve`` runs this in a daemon thread)."""
        self.store  # noqa: B018
        stop = stop or threading.Event()
        seen: tuple[int, int] | None = None
        while True:
            try:
                self.ensure_database()
            except Exception:  # the pages say the store is unavailable
                log.warning("could not start the embedded FalkorDB again", exc_info=True)
            index = _warm_name_index(self.store)
            try:
                self.refresh_analytics()
            except Exception:  # pages say what is missing; serving goes on
                log.warning("analytics refresh failed", exc_info=True)
            # The name index and the projection are hundreds of thousands of long-lived
            # objects; left to the cyclic collector, each full collection walks them all
            # and stalls every request of the process for half a second. Freezing moves
            # what exists now out of its reach (reference counting still frees it), once
            # per rebuild: whatever a request holds in a cycle at that moment is kept for good.
            now = (id(index), id(self._analytics))
            if now != seen:
                gc.freeze()
                seen = now
            if stop.wait(refresh_seconds):
                return

    def graph_changed(self) -> None:
        """After a curation: analytics caches (projections) are rebuilt on next use."""
        with self._lock:
            self._analytics = None
        self.cache.clear()
        invalidate(self.settings)

    def close(self) -> None:
        with self._lock:
            if self._console_store is not None:
                try:
                    self._console_store.close()
                finally:
                    self._console_store = None
            if self._store is not None and self._owns_store:
                try:
                    self._store.close()
                finally:
                    self._store = None


def _attach_name_index(store: GraphStore, settings: Settings) -> None:
    """Search's in-memory name index follows the store's generation in this data folder."""
    attach(store, settings)


def _warm_name_index(store: GraphStore) -> Any:
    """Build (or refresh) search's name index here rather than in a search; the index."""
    try:
        return get_index(store, wait=True)
    except Exception:  # search falls back to the database
        log.warning("name index warm-up failed", exc_info=True)
        return None


def init_app(app: Flask, settings: Settings, store: GraphStore | None = None) -> Services:
    services = Services(settings, store)
    app.extensions["grappe"] = services
    ref = weakref.ref(services)

    def _close() -> None:
        s = ref()
        if s is not None:
            s.close()

    atexit.register(_close)
    return services


def services() -> Services:
    return current_app.extensions["grappe"]


def get_store() -> Any:
    return services().store


def get_console_store() -> Any:
    return services().console_store


def get_settings() -> Settings:
    return services().settings


def get_analytics() -> Any:
    return services().analytics


def cached_json(key: Hashable, compute: Callable[[], Any]) -> Response:
    """``jsonify(compute())``, with the encoded text kept beside :func:`cached`'s results: a
    hub's network is tens of kilobytes, and encoding it again on every request cost more
    than looking it up."""
    app, provider = current_app, current_app.json
    # the same text jsonify writes (it is the one who reads these settings)
    compact = not ((getattr(provider, "compact", None) is None and app.debug) or getattr(provider, "compact", None) is False)
    style: dict[str, Any] = {"separators": (",", ":")} if compact else {"indent": 2}
    kind = ("json", key[0] if isinstance(key, tuple) and key else None)
    body = services().cache.get(("json", compact, key), lambda: provider.dumps(compute(), **style), kind)
    return app.response_class(f"{body}\n", mimetype=getattr(provider, "mimetype", "application/json"))


def cached(key: Hashable, compute: Callable[[], T]) -> T:
    """``compute()``, or its result kept from an earlier request on the same graph
    (:class:`web.cache.GraphCache`: only slow results are kept; do not change them)."""
    return services().cache.get(key, compute)
