"""How a question weighs one side against the other ("利大还是弊大", "does it help or hurt"): language
knowledge, in both languages."""

from __future__ import annotations

import re

# a question that asks which side outweighs the other ("help or hurt", "利大还是弊大")
RE_WEIGHING = re.compile(
    r"(?:利|弊|好处|坏处)[大多]还是(?:利|弊|好处|坏处)[大多]|利弊|利大于弊|弊大于利|"
    r"(?:好事|有利|利好|机遇|福)多?还是(?:坏事|不利|利空|挑战|祸)|"
    r"\b(?:help|helps|helping) or (?:hurt|harm)|\bgood (?:thing )?or (?:a )?bad\b|"
    r"\b(?:benefit|benefits) or (?:harm|hurt)|"
    r"\bnet (?:effect|impact|result)\b|\bon balance\b|\boutweigh|\bmore (?:good|harm|benefit)|\bstack up\b|"
    r"\bweigh(?:ing|s)? (?:up )?(?:the )?(?:upsides?|positives?|benefits?|pros)\b|\bpros and cons\b|"
    r"\bupsides? and downsides?\b|\b(?:positive|negative) or (?:negative|positive)\b|"
    r"(?:积极|正面|消极|负面)还是(?:积极|正面|消极|负面)|孰轻孰重|孰大孰小|孰多孰少|占上风|"
    r"\bwins? out\b|\bwhich (?:side|one|list) wins\b|\bprevails?\b|\bcomes? out (?:ahead|on top)\b|"
    r"\btips? the (?:balance|scales)\b|\b(?:optimistic|upbeat|hopeful) or (?:pessimistic|gloomy|worried)\b|"
    r"\b(?:pessimistic|gloomy) or (?:optimistic|upbeat|hopeful)\b|乐观还是悲观|悲观还是乐观",
    re.I,
)

# the two sides weighed, and saying which weighs more ("the harm outweighs the benefit", 认为)
RE_SIDES = re.compile(
    r"\b(?:harms?|benefits?|costs?|gains?|losses|upsides?|downsides?|pros|cons|good|bad|positives?|"
    r"negatives?|think|thinks|believe|believes|hold|holds|say|says|claim|claims)\b|认为|觉得|利|弊|好处|坏处",
    re.I,
)
