"""Citation-first question answering over 《全球产业链再布局：演进、影响及应对》."""

__version__ = "0.1.0"
