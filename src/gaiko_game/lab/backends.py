"""Where the lab's games run: this process, a pool of local processes, a Dask cluster or a Ray cluster.

Each backend is a standard ``concurrent.futures.Executor``; the runner submits seed chunks to it and
merges the results in seed order, so every backend gives the same bytes. Dask and Ray are optional
extras (``pip install 'gaiko-game[dask]'`` / ``[ray]``), imported only when asked for.
"""

from __future__ import annotations

import contextlib
import logging
import os
import socket
from collections.abc import Callable
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from typing import Any, cast

from gaiko_game.lab.runner import LabError

BACKENDS = ("process", "serial", "dask", "ray")
CONNECT_SECONDS = 5.0
"""How long to wait for a cluster's address to answer before saying it cannot be reached."""


def default_jobs() -> int:
    """Every core this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


class Pool:
    """An executor for a backend, opened and closed around a lab (``with Pool(...) as executor``)."""

    def __init__(self, backend: str = "process", jobs: int | None = None, address: str | None = None) -> None:
        if backend not in BACKENDS:
            raise LabError(f"unknown backend '{backend}'; choose one of: {', '.join(BACKENDS)}")
        if address and backend not in ("dask", "ray"):
            raise LabError(f"--address names a cluster: use it with --backend dask or --backend ray (not {backend})")
        self.backend, self.jobs, self.address = backend, jobs or default_jobs(), address
        self._close: list[Callable[[], Any]] = []

    def __enter__(self) -> Executor | None:
        if self.backend == "serial" or (self.backend == "process" and self.jobs == 1):
            return None
        if self.backend == "process":
            pool = ProcessPoolExecutor(max_workers=self.jobs)
            self._close.append(lambda: pool.shutdown(wait=False, cancel_futures=True))
            return pool
        if self.backend == "dask":
            return self._dask()
        return self._ray()

    def __exit__(self, *exc: object) -> None:
        for close in reversed(self._close):
            with contextlib.suppress(Exception):  # closing a cluster must not hide the lab's own error
                close()

    def _dask(self) -> Executor:
        if self.address:
            _reachable(self.address, "Dask scheduler")
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise LabError("the dask backend needs Dask: pip install 'gaiko-game[dask]'") from None
        try:
            if self.address:
                client = Client(self.address, timeout="5s")
            else:
                cluster = LocalCluster(n_workers=self.jobs, threads_per_worker=1, processes=True, dashboard_address=None)
                self._close.append(cluster.close)
                client = Client(cluster)
        except (OSError, TimeoutError) as e:
            raise LabError(f"cannot reach the Dask scheduler at {self.address}: {e}") from None
        self._close.insert(0, client.close)
        return cast(Executor, client.get_executor())

    def _ray(self) -> Executor:
        if self.address:
            _reachable(self.address.removeprefix("ray://"), "Ray cluster")
        try:
            import ray
        except ImportError:
            raise LabError("the ray backend needs Ray: pip install 'gaiko-game[ray]'") from None
        try:
            ray.init(address=self.address or None, logging_level=logging.ERROR, num_cpus=None if self.address else self.jobs,
                     include_dashboard=False, log_to_driver=False, ignore_reinit_error=True)
        except (ConnectionError, ValueError, RuntimeError) as e:
            raise LabError(f"cannot reach the Ray cluster at {self.address}: {e}") from None
        self._close.append(ray.shutdown)
        return RayExecutor()


def _reachable(address: str, what: str) -> None:
    """Fail at once, with one line, when nothing answers at ``host:port`` (a client would retry for minutes)."""
    host, _, port = address.removeprefix("tcp://").rpartition(":")
    if not host or not port.isdigit():
        raise LabError(f"'{address}' is not an address: give HOST:PORT, e.g. 192.168.1.20:8786")
    try:
        socket.create_connection((host.strip("[]"), int(port)), timeout=CONNECT_SECONDS).close()
    except OSError as e:
        raise LabError(f"cannot reach the {what} at {address}: {e.strerror or e}") from None


class RayExecutor(Executor):
    """Ray tasks behind the standard executor interface (each future resolves through ``ray.get``)."""

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        import ray

        remote = ray.remote(fn)
        ref = remote.remote(*args, **kwargs)
        fut: Future[Any] = Future()

        def resolve(_: object) -> None:
            try:
                fut.set_result(ray.get(ref))
            except Exception as e:  # noqa: BLE001 - the task's own error travels to the caller through the future
                fut.set_exception(e)

        ref.future().add_done_callback(resolve)
        return fut
