"""A conversation with the assistant, each question asked with the earlier turns as its history."""

from assistant.question.followup import Turn


def conversation(assistant, *questions):
    """The answer to the last question."""
    history, answer = [], None
    for q in questions:
        answer = assistant.ask(q, history=history)
        history += [Turn(role="user", content=q), Turn(role="assistant", content=answer.answer)]
    return answer
