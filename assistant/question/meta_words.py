"""Words a question says of the text as such or of the asker, not of any topic of the text: what readers
ask of a paper as a whole (its aim, argument, method, structure; "这一部分总体上是怎么安排的"), and what an
asker says of themselves or of the register they want ("I can't read Chinese", 通俗地). Language
knowledge, used by `assistant.question.intents` to tell a question about the whole text or a part of it
from one about a topic."""

from __future__ import annotations

import re

# what readers ask of a paper as a whole, in words that name no topic of it: its aim, contribution,
# message, argument, significance (a question naming only these and the paper asks for its overview)
RE_META = re.compile(
    r"^(?:想|要|试图)?(?:贡献|目的|意义|价值|观点|主张|立场|创新点?|主题|核心|中心|宗旨|想法|想|说明|研究|问题|解决|填补|弥补|空白|"
    r"旨在|回答|试图|主要|讲|讲述|内容|思想|要旨|看法|"
    r"contribut\w*|aim|aims|goal|purpos\w*|messag\w*|argu\w*|point|idea|thesis|signific\w*|"
    r"main|central|core|key|overall|gist|about|studi|research|question|problem|topic|theme|takeaway|"
    r"novel\w*|new|新意|新颖|view|position|addres\w*|tackl\w*|answer\w*|want|tri|try|trying|tries|tried|gap|literatur\w*|fill\w*|"
    r"offer\w*|solv\w*|set|out|seek\w*|explain\w*|purpose|method\w*|approach\w*|econometric\w*|empiric\w*|"
    r"analysi\w*|kind|sort|model\w*|use[sd]?|actually|方法|计量|实证|模型|用|regression\w*|dataset\w*|回归|样本|"
    r"test|tests|claim|claims|检验|intro|introduct\w*|引言|导言|"
    r"why|wr[io]te|written|motivat\w*|background|laid|layout|structur\w*|part|order|"
    r"为什么|要|写|背景|动因|动机|缘由|初衷|现实|结构|"
    # how a part is put together, and pointers to it ("这一部分总体上是怎么安排的")
    r"这一|这个|总体|整体|大体|安排|组织|编排|organi[sz]\w*|arrang\w*|section|chapter|bit|portion|say|says)$",
    re.I,
)


# what an asker says of themselves or of the answer's register, not of the text ("I can't read Chinese",
# "in plain English", 通俗地)
RE_ASKER = re.compile(
    r"\bI (?:can'?t|cannot|don'?t|do not) (?:read|speak|understand) (?:chinese|mandarin)\b|"
    r"\b(?:in )?plain[- ](?:english|language|words)\b|"
    r"\bfor (?:a )?(?:layman|layperson|non-expert|beginner)s?\b|"
    r"\bat a high level\b|我?(?:看|读)不懂中文|通俗(?:易懂)?地?|简单地",
    re.I,
)
