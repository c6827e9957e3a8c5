"""The web chat (Gradio): ask in Chinese or English, read the answer and its sources."""

from __future__ import annotations

import html

from assistant.pipeline import Assistant, QuestionError

EXAMPLES = [
    "2021年中国在全球制造业增加值中的占比是多少？",
    "Which four trends does the paper foresee for global industrial chains?",
    "全球产业链变化对我国有哪些消极影响？",
    "What does the paper recommend about critical minerals?",
]


def sources_markdown(answer) -> str:
    if not answer.citations:
        if answer.abstained and answer.retrieved:
            closest = "".join(f"<li>{html.escape(r.section)}</li>" for r in answer.retrieved[:3])
            return f"**No source supports an answer.** Closest sections:<ul>{closest}</ul>"
        return ""
    parts = []
    for c in answer.citations:
        text = html.escape(c.text)
        for q in c.quote.split(" … "):
            text = text.replace(html.escape(q), f"<mark>{html.escape(q)}</mark>")
        parts.append(
            f"<div id='src-{c.n}'><b>[{c.n}] {html.escape(c.section)}</b> "
            f"<small>({c.section_id}, score {c.score:.2f})</small><blockquote>{text}</blockquote></div>"
        )
    return "\n".join(parts)


def build_ui(assistant: Assistant):
    import gradio as gr

    section_choices = [("全文 / whole paper", "")] + [(s, s) for s in assistant.section_ids]

    def respond(message, history, section):
        history = list(history or [])
        try:
            answer = assistant.ask(message, section=section or None)
        except QuestionError as exc:
            history += [{"role": "user", "content": message}, {"role": "assistant", "content": f"⚠️ {exc}"}]
            return history, "", ""
        text = answer.answer + ("\n\n_" + answer.notice + "_" if answer.notice else "")
        history += [{"role": "user", "content": message}, {"role": "assistant", "content": text}]
        return history, sources_markdown(answer), ""

    with gr.Blocks(title="全球产业链再布局 · paper assistant") as demo:
        gr.Markdown("## 《全球产业链再布局：演进、影响及应对》 — ask the paper (中文 / English)")
        with gr.Row():
            with gr.Column(scale=3):
                chat = gr.Chatbot(label="Answer", height=420)
                box = gr.Textbox(label="Question / 问题", placeholder="Ask in Chinese or English …")
                section = gr.Dropdown(section_choices, value="", label="Only this section / 限定章节")
                gr.Examples(EXAMPLES, inputs=box)
            with gr.Column(scale=2):
                gr.Markdown("### Sources / 出处")
                sources = gr.HTML()
        box.submit(respond, [box, chat, section], [chat, sources, box])
    return demo
