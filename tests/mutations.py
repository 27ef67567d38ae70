"""Broken inputs made from real files, the way downloads and disks break them (used by tests/test_faults_inputs.py
and bench/faults.py)."""

from __future__ import annotations

import io
import random
import zipfile
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
SOURCE_PDF = CORPUS / "northmoor-agenda-pack-2025-03-03.pdf"
SHARED_PDF = CORPUS.parent.parent / "shared" / "corpus" / "kent" / "CPP Minutes 29.10.24.pdf"  # 9 pages


def write_mutations(folder: Path, source: Path = SOURCE_PDF) -> dict[str, str]:
    """Write the mutated files into `folder`; returns file name -> what was done to it."""
    folder.mkdir(parents=True, exist_ok=True)
    data = source.read_bytes()
    rng = random.Random(22)
    made: dict[str, str] = {}

    def put(name: str, content: bytes, what: str) -> None:
        (folder / name).write_bytes(content)
        made[name] = what

    for share in (10, 50, 90):
        put(f"cut-{share}.pdf", data[: len(data) * share // 100], f"truncated at {share}%")
    flipped = bytearray(data)
    for i in rng.sample(range(1024, len(data)), 200):
        flipped[i] ^= 0xFF
    put("flipped.pdf", bytes(flipped), "200 bytes flipped")
    middle = bytearray(data)
    a, b = len(data) // 3, 2 * len(data) // 3
    middle[a:b] = bytes(b - a)
    put("zeroed-middle.pdf", bytes(middle), "middle third zeroed")
    put("random.pdf", rng.randbytes(50_000), "random bytes named .pdf")
    put("header-only.pdf", b"%PDF-1.7\n", "a PDF header and nothing else")
    put("utf16.txt", "Children in care: 45% of care leavers were in education.\n".encode("utf-16"), "UTF-16 text")
    put("binary.txt", rng.randbytes(20_000), "binary bytes named .txt")
    put("broken.docx", _docx_cut(), "a DOCX cut in half")
    put("nested.html", b"<html><body>" + b"<div>" * 5000 + b"Deep text about care leavers." + b"</div>" * 5000
        + b"</body></html>", "HTML nested 5000 deep")
    if SHARED_PDF.is_file():  # a real council PDF whose pages survive a cut at 90%
        real = SHARED_PDF.read_bytes()
        put("real-cut-90.pdf", real[: len(real) * 9 // 10], "a council PDF truncated at 90%")
    return made


def _docx_cut() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document>" + "<w:p>text</w:p>" * 2000 + "</w:document>")
    raw = buf.getvalue()
    return raw[: len(raw) // 2]


def many_pages_pdf(path: Path, pages: int) -> None:
    """A PDF with a very large page count, written directly (PyMuPDF's new_page slows down as a document grows):
    every page shows the same short line from one shared content stream."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"",  # the page tree, filled in below
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    text = b"BT /F1 12 Tf 20 50 Td (45% of care leavers were in education, employment or training.) Tj ET"
    objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(text), text))
    first = len(objects) + 1
    kids = b" ".join(b"%d 0 R" % (first + i) for i in range(pages))
    objects[1] = b"<< /Type /Pages /Count %d /Kids [%s] >>" % (pages, kids)
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 400 100] /Resources << /Font << /F1 3 0 R >> >>" \
           b" /Contents 4 0 R >>"
    objects += [page] * pages
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (n, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(out))
