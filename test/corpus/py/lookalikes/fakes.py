class _Completions:
    def create(self, **kwargs):
        return kwargs


class FakeChat:
    completions = _Completions()


class LocalCompletions:
    def generate(self, prompt: str) -> str:
        return prompt.upper()

    def invoke(self, prompt: str) -> str:
        return prompt


def invoke_all(items):
    local = LocalCompletions()
    return [local.invoke(item) for item in items]
