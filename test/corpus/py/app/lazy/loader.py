"""Optional dependencies imported on first use."""
import importlib
import sys
from typing import Any


def require(module: str, *, hint: str | None = None) -> Any:
    if module in sys.modules:
        return sys.modules[module]
    try:
        return importlib.import_module(module)
    except ImportError as error:
        raise ImportError(hint or f"pip install {module}") from error


def load_settings(name: str) -> dict:
    # Looks like a loader, but returns data read from a file.
    with open(f"{name}.json") as handle:
        return {"raw": handle.read()}
