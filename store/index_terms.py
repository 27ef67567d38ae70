"""Words as the FTS5 index holds them: the tokens its tokenizer makes of a search term."""

from __future__ import annotations

import sqlite3

_TOKENS: dict[str, tuple[str, ...]] = {}  # term -> its tokens, the same for every KB (shared by a server's threads)
_TOKENS_KEPT = 20_000


def index_tokens(terms: list[str]) -> dict[str, tuple[str, ...]]:
    """Each term's tokens, in order, from a throwaway FTS5 table with the index's tokenizer; remembered, since a search
    asks for the same few hundred words again and again. Read from the remembered ones once, so another thread
    emptying them meanwhile costs a tokenizing, never a term."""
    got = {t: _TOKENS.get(t) for t in dict.fromkeys(terms)}
    new = [t for t, tokens in got.items() if tokens is None]
    if new:
        made = _tokenized(new)
        if len(_TOKENS) > _TOKENS_KEPT:
            _TOKENS.clear()
        _TOKENS.update(made)
        got.update(made)
    return got  # type: ignore[return-value]


def _tokenized(terms: list[str]) -> dict[str, tuple[str, ...]]:
    scratch = sqlite3.connect(":memory:")
    try:
        scratch.execute("CREATE VIRTUAL TABLE q USING fts5(t, tokenize='porter unicode61')")
        scratch.execute("CREATE VIRTUAL TABLE v USING fts5vocab(q, 'instance')")
        scratch.executemany("INSERT INTO q(rowid, t) VALUES (?, ?)", list(enumerate(terms)))
        found: dict[int, list[tuple[int, str]]] = {}
        for token, doc, offset in scratch.execute("SELECT term, doc, offset FROM v"):
            found.setdefault(doc, []).append((offset, token))
    finally:
        scratch.close()
    return {t: tuple(token for _, token in sorted(found.get(n, []))) for n, t in enumerate(terms)}


def index_stems(terms: list[str]) -> dict[str, str]:
    """Each term as one stem (of a term of several tokens, the last in the index's order, as it has always been read);
    a term with no token is left out."""
    return {t: max(tokens) for t, tokens in index_tokens(terms).items() if tokens}
