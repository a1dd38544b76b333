"""The project's own `zhipuai` package: a client subclass that pins the API version (named like the SDK it extends)."""
from zhipuai import ZhipuAI


class GlmClient(ZhipuAI):
    def api_version(self) -> str:
        return "v4"
