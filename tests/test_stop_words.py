"""spaCy's English stop words, read for a search without importing spaCy (1.7 s of a CLI search's start)."""

from __future__ import annotations

import subprocess
import sys

from spacy.lang.en.stop_words import STOP_WORDS

from nlp.stop_words import english_stop_words


def test_the_list_is_spacys_and_reading_it_imports_no_spacy() -> None:
    assert english_stop_words() == frozenset(STOP_WORDS)
    code = ("import sys; from nlp.stop_words import english_stop_words; "
            "assert 'however' in english_stop_words(); print('spacy' in sys.modules)")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "False"
