"""Shared AI clients for the app."""
from .clients import claude, openai_client

__all__ = ["claude", "openai_client"]
