"""``crosswire serve``: run the web app of a store with uvicorn."""

from __future__ import annotations

import argparse
import ipaddress
import sys

EXIT_OK, EXIT_ERRORS = 0, 1
_MISSING = "crosswire serve needs the 'web' and 'store' extras: pip install 'crosswire[web,store]'"


def _err(msg: str) -> None:
    print(f"crosswire: {msg}", file=sys.stderr)


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def run(args: argparse.Namespace) -> int:
    """Serve the store of ``args.db`` on ``args.host``:``args.port`` until interrupted."""
    try:
        import uvicorn

        from crosswire.store.db import StoreError, default_db
        from crosswire.web.app import create_app
    except ImportError as e:
        _err(f"{_MISSING} ({e.name} is missing)")
        return EXIT_ERRORS
    db = args.db or default_db()
    try:
        app = create_app(db, admin=args.admin, build_timeout=args.build_timeout or None)
    except StoreError as e:
        _err(str(e))
        return EXIT_ERRORS
    if not _loopback(args.host):
        _err(
            f"warning: serving on {args.host}, reachable from other machines"
            + ("; --admin lets them add feeds" if args.admin else "")
        )
    print(f"crosswire: serving {db} at http://{args.host}:{args.port}/ (Ctrl-C stops)", file=sys.stderr, flush=True)
    try:
        uvicorn.run(
            app, host=args.host, port=args.port, log_level="warning", access_log=args.access_log, server_header=False
        )
    except OSError as e:
        _err(f"cannot listen on {args.host}:{args.port} ({e.strerror or e})")
        return EXIT_ERRORS
    except KeyboardInterrupt:
        pass
    return EXIT_OK
