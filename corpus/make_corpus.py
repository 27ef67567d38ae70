"""Write the sample corpus: committee papers of two fictional councils, as real PDFs.

Northmoor Borough Council and Wexcombe County Council are invented; every
figure here is made up. Each council has a quarterly scorecard report with a
ruled table and the minutes of its corporate parenting committee for two
years; Northmoor also has an agenda pack (agenda, earlier minutes, a report).
The PDFs are committed, so a fresh clone needs no generation step.
Run: python corpus/make_corpus.py
"""

from __future__ import annotations

from pathlib import Path

import pymupdf

HERE = Path(__file__).resolve().parent
CSS = """
body { font-family: sans-serif; font-size: 10pt; }
h1 { font-size: 16pt; } h2 { font-size: 12pt; }
table { border-collapse: collapse; } td, th { border: 1px solid black; padding: 2px; font-size: 8pt; }
"""
CONTENT_BOX = pymupdf.Rect(50, 50, 545, 782)  # A4 less margins
COUNCILS = {
    "northmoor": dict(name="Northmoor Borough Council", committee="Corporate Parenting Committee",
                      officer="Director of Children's Services", neet=(41, 38), cla=(412, 398), rate=(71, 69)),
    "wexcombe": dict(name="Wexcombe County Council", committee="Children in Care Panel",
                     officer="Corporate Director, Children and Families", neet=(33, 35), cla=(905, 948), rate=(58, 61)),
}
YEARS = [(2023, "2023/24", "3 December 2023"), (2024, "2024/25", "2 December 2024")]


def scorecard(c: dict, year_index: int) -> str:
    fy, label, meeting = YEARS[year_index][0], YEARS[year_index][1], YEARS[year_index][2]
    neet, cla, rate = c["neet"][year_index], c["cla"][year_index], c["rate"][year_index]
    rows = [
        ("1", "Number of children in care", "", "", str(cla - 9), str(cla)),
        ("2", "Rate of children in care per 10,000", "70", "64", str(rate - 1), str(rate)),
        ("3", "% of care leavers aged 19-21 NEET", "38%", "37%", f"{neet + 2}%", f"{neet}%"),
        ("4", "% of children with 3 or more placements", "10%", "11%", "9%", "8%"),
        ("5", "Number of children placed in residential care", "", "", "31", "34"),
    ]
    table = "".join(f"<tr>{''.join(f'<td>{v}</td>' for v in r)}</tr>" for r in rows)
    return f"""
<p>{c['committee']}</p>
<p>Date of Meeting: {meeting}</p>
<p>Report Title: Children in Care Scorecard, Quarter 2 {label}</p>
<p>Report of: {c['officer']}</p>
<h2>1 Purpose of Report</h2>
<p>1.1 This report sets out the performance of services for children in care and care leavers for quarter 2 of
{label} (1 July {fy} to 30 September {fy}).</p>
<h2>2 Recommendations</h2>
<p>2.1 The committee is asked to note the performance and to challenge where it is below target.</p>
<h2>3 Briefing Information</h2>
<p>3.1 At the end of quarter 2, {c['name']} was responsible for {cla} children in care, an increase from {cla - 9}
at the end of quarter 1. Our rate of {rate} per 10,000 children compares with the national average of 70 per 10,000.</p>
<p>3.2 {neet}% of care leavers aged 19 to 21 were not in education, employment or training (NEET), against
38% nationally and 37% for our statistical neighbours. Young people in emergency accommodation are
visited weekly by their personal adviser, and we are commissioning more supported lodgings.</p>
<p>3.3 Foster carer recruitment remains a challenge: we approved six new fostering households in the quarter,
and the regional recruitment hub has increased enquiries.</p>
<h2>4 Scorecard</h2>
<table><tr><th>Ref</th><th>Indicator</th><th>National</th><th>Stat Neighbours</th><th>Q1 {label}</th>
<th>Q2 {label}</th></tr>{table}</table>
"""


def minutes(c: dict, year_index: int, held: str) -> str:
    neet = c["neet"][year_index]
    return f"""
<p>{c['name'].upper()}</p>
<p>Minutes of a meeting of the {c['committee']} held on {held} at the Town Hall.</p>
<p>PRESENT: Councillor A Patel (Chair), Councillors B Jones, C Okafor and D Lewis.</p>
<p>Officers in attendance: Priya Shah, Head of Service: Children in Care; Tom Reed, Virtual School Head.</p>
<h2>12 APOLOGIES FOR ABSENCE</h2>
<p>Apologies were received from Councillor E Green.</p>
<h2>13 CHILDREN IN CARE SCORECARD</h2>
<p>The Committee considered the quarterly scorecard. Members asked about care leavers who are not in
education, employment or training; officers reported that {neet}% of care leavers aged 19 to 21 were NEET.</p>
<p>Members asked how many young people had been placed in emergency accommodation. Officers explained that
two care leavers had stayed in bed and breakfast for one night while a supported lodging was arranged.</p>
<p>RESOLVED - That the scorecard be noted.</p>
<h2>14 FOSTERING RECRUITMENT</h2>
<p>The Head of Service reported on the foster carer recruitment campaign, which had led to twelve enquiries.</p>
<p>RESOLVED - That the update be noted.</p>
"""


def pack(c: dict) -> list[str]:
    """Agenda, minutes of the previous meeting, a report: three documents in one file."""
    agenda = f"""
<h1>{c['committee']}</h1>
<p>Agenda</p>
<p>Date: Monday, 3rd March, 2025</p>
<p>Venue: Council Chamber, Northmoor Town Hall</p>
<p>1. Apologies for Absence</p>
<p>2. Minutes of Previous Meeting (Pages 3 - 4)</p>
<p>To approve the minutes of the meeting held on 2 December 2024.</p>
<p>3. Staying Close Pilot (Pages 5 - 7)</p>
<p>To consider the report on the Staying Close pilot for young people leaving residential care.</p>
"""
    report = f"""
<p>{c['committee']}</p>
<p>Date of Meeting: 3 March 2025</p>
<p>Report Title: Staying Close Pilot: First Year</p>
<p>Report of: {c['officer']}</p>
<h2>1 Purpose of Report</h2>
<p>1.1 This report describes the first year of the Staying Close pilot in {c['name']}.</p>
<h2>2 Background</h2>
<p>2.1 Staying Close offers young people leaving residential care a home near their children's home and
continued support from staff they know. 14 young people joined the pilot in 2024/25.</p>
<p>2.2 None of the young people in the pilot has needed emergency accommodation since joining.</p>
"""
    return [agenda, minutes(c, 1, "Monday, 2nd December, 2024"), report]


def write_pdf(path: Path, documents: list[str]) -> None:
    """Each document starts on a new page; documents of a pack are separated by a blank-page notice."""
    writer = pymupdf.DocumentWriter(str(path))
    for i, html in enumerate(documents):
        if i:
            _page(writer, "<p>This page is intentionally left blank</p>")
        _page(writer, html)
    writer.close()


def _page(writer: pymupdf.DocumentWriter, html: str) -> None:
    story = pymupdf.Story(html=html, user_css=CSS)
    more = True
    while more:
        device = writer.begin_page(pymupdf.paper_rect("a4"))
        more, _ = story.place(CONTENT_BOX)
        story.draw(device)
        writer.end_page()


def main() -> None:
    for key, c in COUNCILS.items():
        for i, (_, label, meeting) in enumerate(YEARS):
            slug = label.replace("/", "-")
            write_pdf(HERE / f"{key}-scorecard-q2-{slug}.pdf", [scorecard(c, i)])
            write_pdf(HERE / f"{key}-minutes-{meeting.split()[2]}-12.pdf", [minutes(c, i, meeting)])
    write_pdf(HERE / "northmoor-agenda-pack-2025-03-03.pdf", pack(COUNCILS["northmoor"]))
    print(f"sample corpus written to {HERE}")


if __name__ == "__main__":
    main()
