"""A chat backend base class: the public methods call abstract hooks the provider modules implement."""
import logging
from abc import ABC, abstractmethod

log = logging.getLogger(__name__)


class BaseChat(ABC):
    """Providers implement `_complete` (and may implement `_score`); this module never imports them."""

    async def ask(self, question: str) -> str:
        log.debug("asking %d chars", len(question))
        return await self._complete([{"role": "user", "content": question}])

    def score(self, text: str) -> float:
        return self._score(text)

    @abstractmethod
    async def _complete(self, messages: list[dict]) -> str:
        ...

    def _score(self, text: str) -> float:
        raise NotImplementedError
