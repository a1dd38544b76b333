"""A compatibility layer that picks names from the installed SDK version."""
