"""Agents that share a chat backend: the base stores it, subclasses here and in other modules call it."""
