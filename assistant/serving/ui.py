"""The web chat (Gradio), mounted at ``/`` by `assistant serve`.

Ask in Chinese or English; the sources panel fills as soon as the evidence is
found, then the answer streams in. Markers [n] in the answer link to their source,
which shows the section, the passage with the quoted sentence highlighted, and the
score. The interface speaks Chinese or English, can scope a question to a section,
browse the paper by section, and records thumbs up/down to a local JSONL file.
"""

import html
import itertools
import re
from collections.abc import Iterator

from assistant.index.store import StoreError
from assistant.pipeline import MODES, Assistant, QuestionError
from assistant.question.followup import Turn
from assistant.serving.feedback import record_feedback

EXAMPLES = [
    "2021年中国在全球制造业增加值中的占比是多少？",
    "Which four trends does the paper foresee for global industrial chains?",
    "全球产业链变化对我国有哪些消极影响？",
    "What does the paper recommend about critical minerals?",
]

TEXT = {
    "zh": {
        "title": "## 《全球产业链再布局：演进、影响及应对》 · 论文问答",
        "question": "问题",
        "placeholder": "用中文或英文提问 …",
        "ask": "提问",
        "section": "限定章节",
        "whole": "全文",
        "mode": "回答模式",
        "sources": "### 出处",
        "browse": "浏览章节",
        "no_source": "没有能支持回答的段落。最接近的章节：",
        "examples": "示例问题",
        "draft": "草稿：模型正在书写，写完后逐句对照论文核查。",
        "searched_as": "检索时译为",
        "translated": "机器翻译（原文见下）",
        "followed": "按上文理解为",
    },
    "en": {
        "title": "## 《全球产业链再布局：演进、影响及应对》 · ask the paper",
        "question": "Question",
        "placeholder": "Ask in Chinese or English …",
        "ask": "Ask",
        "section": "Only this section",
        "whole": "whole paper",
        "mode": "Answer mode",
        "sources": "### Sources",
        "browse": "Browse a section",
        "no_source": "No passage supports an answer. Closest sections:",
        "examples": "Example questions",
        "draft": "Draft: the model is still writing; each sentence is checked against the paper when it is "
        "done.",
        "searched_as": "Searched as",
        "translated": "Machine translation (the original is below)",
        "followed": "Read as",
    },
}


def linked_markers(answer: str, numbers: set[int]) -> str:
    """Turn the answer's [n] markers into links to their sources (other brackets stay text)."""
    return re.sub(
        r"\[(\d+)\]",
        lambda m: f"[[{m.group(1)}]](#src-{m.group(1)})" if int(m.group(1)) in numbers else m.group(0),
        answer,
    )


def sources_html(answer, lang: str = "en") -> str:
    """Each citation: its section, the passage with the quoted sentences highlighted, and, for a quote
    in the other language, its machine translation in the asker's."""
    if not answer.citations:
        if answer.abstained and answer.retrieved:
            shown = (getattr(r, f"section_{answer.lang}", None) or r.section for r in answer.retrieved[:3])
            closest = "".join(f"<li>{html.escape(s)}</li>" for s in dict.fromkeys(shown))
            return f"<p class='no-source'>{TEXT[lang]['no_source']}</p><ul>{closest}</ul>"
        return ""
    parts = []
    for c in answer.citations:
        text = html.escape(c.text)
        for q in c.quote.split(" … "):
            text = text.replace(html.escape(q), f"<mark>{html.escape(q)}</mark>")
        shown = getattr(c, f"quote_{answer.lang}", None)
        section = getattr(c, f"section_{answer.lang}", None)
        head = html.escape(section or c.section) + (
            f" <small>({html.escape(c.section)})</small>" if section else ""
        )
        translated = ""
        if shown:
            note = TEXT[lang]["translated"] + (" †" if c.flagged else "")
            translated = f"<p class='translated'><small>{note}</small><br>{html.escape(shown)}</p>"
        score = f" · score {c.score:.2f}" if c.score else ""  # a structural answer's parts have none
        parts.append(
            f"<div class='source' id='src-{c.n}'><b>[{c.n}] {head}</b> <small>({c.section_id}{score})</small>"
            f"{translated}<blockquote>{text}</blockquote></div>"
        )
    return "\n".join(parts)


def evidence_html(citations: list[dict]) -> str:
    """The passages as found, before the answer is written."""
    return "\n".join(
        f"<div class='source' id='src-{c['n']}'><b>[{c['n']}] {html.escape(c['section'])}</b> "
        f"<small>({c['section_id']} · score {c['score']:.2f})</small><blockquote>{html.escape(c['text'])}</b"
        "lockquote>"
        "</div>"
        for c in citations
    )


def section_text(assistant: Assistant, section_id: str) -> str:
    if not section_id:
        return ""
    chunks = sorted(
        (
            c
            for c in assistant.index.chunks.values()
            if c.section_id == section_id or c.section_id.startswith(section_id + ".")
        ),
        key=lambda c: c.start,
    )
    if not chunks:
        return ""
    head = html.escape(chunks[0].section if chunks[0].section_id == section_id else section_id)
    body = "".join(f"<p><small>{html.escape(c.id)}</small> {html.escape(c.text)}</p>" for c in chunks)
    return f"<h4>{head}</h4>{body}"


def _history_turns(history: list[dict]) -> list[Turn]:
    turns = []
    for m in history:
        content = m.get("content")
        if isinstance(content, list):
            content = " ".join(p.get("text", "") for p in content if isinstance(p, dict))
        if m.get("role") in ("user", "assistant") and isinstance(content, str):
            turns.append(Turn(role=m["role"], content=content[:20000]))
    return turns


def chat_turn(
    assistant: Assistant, message: str, history: list, section: str, mode: str, lang: str
) -> Iterator[tuple]:
    """(chat history, sources HTML, question box) after each step of answering `message`."""
    history = list(history or [])
    turns = _history_turns(history)
    history.append({"role": "user", "content": message})
    events = assistant.stream(message, mode=mode or None, section=section or None, history=turns)
    try:
        first = next(events)
    except (QuestionError, StoreError) as exc:
        history.append({"role": "assistant", "content": f"⚠️ {exc}"})
        yield history, "", ""
        return
    history.append({"role": "assistant", "content": ""})
    sources, written = "", ""
    for event in itertools.chain([first], events):
        if event["type"] == "evidence":  # the sources first, then the answer streams in
            sources = evidence_html(event["citations"])
            yield history, sources, ""
        elif event["type"] == "token":  # unchecked words, shown as a draft until the verified answer
            written += event["text"]
            history[-1] = {"role": "assistant", "content": f"_{TEXT[lang]['draft']}_\n\n{written}"}
            yield history, sources, ""
        else:  # the verified answer replaces what the model wrote
            answer = event["answer"]  # its notes in the asker's language, whatever the interface's
            sources = sources_html(answer, answer.lang)
            text = linked_markers(answer.answer, {c.n for c in answer.citations})
            if answer.condensed_question:
                text += f"\n\n_{TEXT[answer.lang]['followed']}: {answer.condensed_question}_"
            if answer.translation:
                text += f"\n\n_{TEXT[answer.lang]['searched_as']}: {answer.translation}_"
            if answer.notice:
                text += f"\n\n_{answer.notice}_"
            step = 40 if not written else len(text)
            for i in range(step, len(text) + step, step):
                history[-1] = {"role": "assistant", "content": text[:i]}
                yield history, sources, ""


def _record_like(assistant: Assistant, history: list, data) -> None:
    """Record a thumbs up/down on an answer (`data`: Gradio's LikeData) with the question before it."""
    idx = data.index[0] if isinstance(data.index, (list, tuple)) else data.index
    question = next((m["content"] for m in reversed(history[:idx]) if m["role"] == "user"), "")
    record_feedback(
        assistant.settings.feedback_file,
        {
            "question": question,
            "answer": history[idx]["content"],
            "liked": data.liked,
        },
    )


def _chat_column(assistant: Assistant, scopes: list[tuple[str, str]]) -> tuple:
    """The chat column, laid out inside the open Blocks: (chat, question box, ask button, scope
    dropdown, mode dropdown); `scopes` are the sections and documents a question can be limited to."""
    import gradio as gr

    with gr.Column(scale=3):
        chat = gr.Chatbot(label="Chat", height=460, buttons=["copy"], elem_id="chat")
        with gr.Row():
            box = gr.Textbox(
                label=TEXT["zh"]["question"],
                placeholder=TEXT["zh"]["placeholder"],
                scale=5,
                elem_id="question",
            )
            ask_btn = gr.Button(TEXT["zh"]["ask"], variant="primary", scale=1, elem_id="ask")
        with gr.Row():
            section = gr.Dropdown(
                [(TEXT["zh"]["whole"], "")] + scopes,
                value="",
                label=TEXT["zh"]["section"],
                elem_id="section",
            )
            mode = gr.Dropdown(list(MODES), value=assistant.settings.answer.mode, label=TEXT["zh"]["mode"])
        gr.Examples(EXAMPLES, inputs=box)
    return chat, box, ask_btn, section, mode


def build_ui(assistant: Assistant):
    import gradio as gr

    section_choices = [(s.label_path if s.level else s.label, s.id) for s in assistant.paper.sections]
    documents = [(f"《{title}》", doc_id) for doc_id, title in assistant.index.info.documents.items()]

    def respond(message: str, history: list, section: str, mode: str, lang: str) -> Iterator[tuple]:
        yield from chat_turn(assistant, message, history, section, mode, lang)

    def on_like(history: list, data: gr.LikeData):
        _record_like(assistant, history, data)

    def relabel(lang: str):
        t = TEXT[lang]
        return (
            gr.update(value=t["title"]),
            gr.update(label=t["question"], placeholder=t["placeholder"]),
            gr.update(value=t["ask"]),
            gr.update(label=t["section"], choices=[(t["whole"], "")] + section_choices + documents),
            gr.update(label=t["mode"]),
            gr.update(value=t["sources"]),
            gr.update(label=t["browse"]),
        )

    with gr.Blocks(title="全球产业链再布局 · paper assistant") as demo:
        with gr.Row():
            title = gr.Markdown(TEXT["zh"]["title"])
            lang = gr.Radio([("中文", "zh"), ("English", "en")], value="zh", show_label=False, elem_id="lang")
        with gr.Row():
            chat, box, ask_btn, section, mode = _chat_column(assistant, section_choices + documents)
            with gr.Column(scale=2):
                sources_title = gr.Markdown(TEXT["zh"]["sources"])
                sources = gr.HTML(elem_id="sources")
                browse = gr.Dropdown([("", "")] + section_choices, value="", label=TEXT["zh"]["browse"])
                browsed = gr.HTML(elem_id="browsed")
        inputs = [box, chat, section, mode, lang]
        box.submit(respond, inputs, [chat, sources, box], api_name="respond")
        ask_btn.click(respond, inputs, [chat, sources, box], api_name=False)
        chat.like(on_like, [chat], None)
        browse.change(lambda sid: section_text(assistant, sid), [browse], [browsed], api_name=False)
        lang.change(
            relabel, [lang], [title, box, ask_btn, section, mode, sources_title, browse], api_name=False
        )
    return demo


CSS = """
#sources .source { border-left: 3px solid #999; padding-left: 8px; margin-bottom: 10px; }
#sources .source:target { border-left-color: #e8a400; background: #fff8e1; }
#sources mark { background: #ffe58a; }
#sources .translated { margin: 4px 0; }
"""


def create_server(assistant: Assistant):
    """The FastAPI app with the HTTP API under /v1 and the web chat at /."""
    import gradio as gr

    from assistant.serving.api import create_app

    app = create_app(assistant)
    return gr.mount_gradio_app(app, build_ui(assistant), path="/", css=CSS, footer_links=[])
