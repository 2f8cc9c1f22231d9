from tests.store.conftest import ws, ws_path  # noqa: F401  (shared fixtures)
