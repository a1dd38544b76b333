from langchain_anthropic import ChatAnthropic
from langchain_core.output_parsers import StrOutputParser
from langchain_core.prompts import ChatPromptTemplate
from langchain_openai import ChatOpenAI, OpenAIEmbeddings

prompt = ChatPromptTemplate.from_messages([("system", "You answer billing questions."), ("human", "{question}")])
gpt = ChatOpenAI(model="gpt-4o-mini", temperature=0, timeout=30, max_tokens=400)
sonnet = ChatAnthropic(model="claude-sonnet-4-5-20250929", max_tokens=400)
chain = prompt | gpt.with_fallbacks([sonnet]) | StrOutputParser()
embeddings = OpenAIEmbeddings(model="text-embedding-3-small")
structured = sonnet.with_structured_output(dict)


def answer(question: str) -> str:
    return chain.invoke({"question": question})


async def answer_async(question: str) -> str:
    return await chain.ainvoke({"question": question})


def answer_many(questions: list[str]):
    return gpt.batch(questions)


def stream(question: str):
    for chunk in sonnet.stream([("human", question)]):
        yield chunk.content


def vectors(texts):
    return embeddings.embed_documents(texts)


def query_vector(text):
    return embeddings.embed_query(text)


def extract(text: str):
    return structured.invoke(text)


def retrying(question: str):
    return gpt.with_retry(stop_after_attempt=3).invoke(question)
