"""Picks the Mistral client class for the installed SDK version; consumers import it from here."""
try:
    from mistralai.client import Mistral as MistralClient
except ImportError:
    from mistralai import Mistral as MistralClient

from mistralai import SDKError

__all__ = ["MistralClient", "SDKError"]
