"""Topic rules match whole words where they say `\\b`, after the rewrite that makes them fast (nlp/topics.py)."""

from __future__ import annotations

import re

import pytest

from ingest.models import Document, Metadata, Statement
from nlp.extract import topics_only
from nlp.topics import Topic, title_parts, topics_of


@pytest.mark.parametrize(("text", "topic", "expected"), [
    ("Care leavers who are NEET rose to 38%.", Topic.NEET, True),
    ("Care leavers in EET: 62%.", Topic.NEET, True),
    ("We will meet the target; the sweet spot is close.", Topic.NEET, False),
    ("Cases in PLO rose.", Topic.COURT, True),
    ("We will explore options.", Topic.COURT, False),
    ("Children accommodated under s.20 and s20.", Topic.COURT, True),
    ("The bus route rs20 was cut.", Topic.COURT, False),
    # the work before a council goes to court: pre-proceedings and its letters
    ("Children in pre-proceedings are tracked by senior managers.", Topic.COURT, True),
    ("Letters before proceedings are clear about what needs to change.", Topic.COURT, True),
    ("There are delays in progressing plans to initiate legal proceedings.", Topic.COURT, True),
    ("Legal gateway meetings ensure timely decisions.", Topic.COURT, True),
    ("The proceedings of the meeting were recorded.", Topic.COURT, False),
    ("Placement costs rose.", Topic.FINANCE, True),
    ("He accosts no one.", Topic.FINANCE, False),
    ("Five young people stayed in hotels.", Topic.ACCOMMODATION, True),
    ("Photels is a brand.", Topic.ACCOMMODATION, False),
    ("We recruited 12 new carers to foster.", Topic.FOSTERING, True),
    ("SDQ scores improved.", Topic.HEALTH, True),
    ("The SDQs were late.", Topic.HEALTH, True),
    ("An RSDQ form.", Topic.HEALTH, False),
    ("The share of children in care with emotional and behavioural health considered normal was 49%.", Topic.HEALTH, True),
    ("Children looked after receive good support for their emotional and physical health.", Topic.HEALTH, True),
    ("The emotional toll of the restructure on staff.", Topic.HEALTH, False),
])
def test_a_rule_word_matches_only_as_a_word(text: str, topic: Topic, expected: bool) -> None:
    assert (topic in topics_of(text)) is expected


@pytest.mark.parametrize(("text", "topic", "expected"), [
    ("Some children have experienced multiple moves in a short period.", Topic.PLACEMENT_STABILITY, True),
    ("children in care moving from one placement to another", Topic.PLACEMENT_STABILITY, True),
    ("Support to prevent care placements from breaking down is not always early enough.", Topic.PLACEMENT_STABILITY,
     True),
    ("They help young people access services, breaking down barriers.", Topic.PLACEMENT_STABILITY, False),
    ("CPI inflation bouncing up to 2.3%.", Topic.PLACEMENT_STABILITY, False),
    ("Not enough older children are helped to stay with their foster carers until they are ready.",
     Topic.ACCOMMODATION, True),
    ("There have been two adoption disruptions in the last two-and-a-half years.", Topic.PLACEMENT_STABILITY, True),
    ("Children have experienced unplanned endings to placements, yet disruption meetings have not taken place.",
     Topic.PLACEMENT_STABILITY, True),
    ("The disruption to services during the office move was short.", Topic.PLACEMENT_STABILITY, False),
    ("Social workers gather children's wishes and feelings.", Topic.PARTICIPATION, True),
    ("The use of MOMO to gather the views of children for their reviews is working well.", Topic.PARTICIPATION, True),
    ("The local authority has not used feedback from children in reviewing services.", Topic.PARTICIPATION, True),
    ("Young inspectors inspect the quality of children's homes.", Topic.PARTICIPATION, True),
    ("Feedback from residents on the bus routes was mixed.", Topic.PARTICIPATION, False),
    ("Not enough is done to ensure that children who go missing are interviewed on their return.",
     Topic.EXPLOITATION, True),
    ("Specialist workers divert young people from gang activity and help them exit gangs.", Topic.EXPLOITATION, True),
    ("Trading standards dismantled a gang involved in vehicle clocking.", Topic.EXPLOITATION, False),
    ("Practitioners explore with children why they run away.", Topic.EXPLOITATION, True),
    ("Many children do not benefit from return interviews when they go missing.", Topic.EXPLOITATION, True),
    ("The quality of some return interviews is poor.", Topic.EXPLOITATION, True),
    ("Managers hold return to work interviews after sickness.", Topic.EXPLOITATION, False),
    ("When young people need emergency housing, arrangements are made with housing.", Topic.HOMELESSNESS, True),
    ("A small number of children with complex needs are placed in unregistered settings.", Topic.RESIDENTIAL, True),
    ("children placed in unregistered or unregulated homes", Topic.RESIDENTIAL, True),
    ("Some care leavers live in unregulated placements.", Topic.ACCOMMODATION, True),
    ("Inspectors saw detailed age assessments.", Topic.UASC, True),
    ("The two-stage assessment process for adopters is well regarded.", Topic.UASC, False),
    ("The designated nurse for children looked after assesses care leavers' health.", Topic.HEALTH, True),
    ("The pupil premium is used effectively to support looked after children.", Topic.EDUCATION, True),
    ("Eight children are currently in alternative provision.", Topic.EDUCATION, True),
    ("The social work academy shapes the training of new staff.", Topic.WORKFORCE, True),
    ("Permanency planning meetings are held before the second review.", Topic.PERMANENCE, True),
    ("The Fostering Panel meets all statutory requirements.", Topic.FOSTERING, True),
    ("A private fostering agency", Topic.FOSTERING, False),
    ("Care leavers are helped into work experience and supported internships.", Topic.NEET, True),
    ("Co-design of future employment support that is additional to core Jobcentre Plus provision", Topic.NEET, False),
    ("The council united family help and prevention services with children's social care.", Topic.FAMILY_SUPPORT, True),
    ("children's views being heard in their reviews", Topic.PARTICIPATION, True),
    ("The committee listened to the presentation.", Topic.PARTICIPATION, False),
    ("The camera contract is due to be heard at ET Cabinet Committee on 25 February.", Topic.PARTICIPATION, False),
    ("The voice of the child is being heard at child protection conferences.", Topic.PARTICIPATION, True),
    ("A plan that embeds participation and involvement of people with lived experience in adult social care.",
     Topic.PARTICIPATION, False),
    ("Self-directed support shifts control to the person and their families. A voice plan embeds participation of "
     "people with lived experience in adult social care.", Topic.PARTICIPATION, False),
    ("Participation work with parents and their families has grown.", Topic.PARTICIPATION, True),
    ("Participation in consultations is self-selecting.", Topic.PARTICIPATION, False),
    # how leaders know the quality of practice, not the council's accounts (session 50)
    ("Leaders recognise that audits are over-optimistic and are not sufficiently evaluative.",
     Topic.QUALITY_ASSURANCE, True),
    ("The quality assurance framework includes monthly audits of case files.", Topic.QUALITY_ASSURANCE, True),
    ("The moderation process does not provide a realistic appraisal of the quality of practice.",
     Topic.QUALITY_ASSURANCE, True),
    ("Both of these figures are provisional and subject to the District Council audits.",
     Topic.QUALITY_ASSURANCE, False),
    ("Reports go to the Governance and Audit Committee with the treasury strategy.", Topic.QUALITY_ASSURANCE, False),
    ("Internal audit reviewed the payroll controls of the service.", Topic.QUALITY_ASSURANCE, False),
    ("Quality assurance manager: Jane Smith HMI", Topic.QUALITY_ASSURANCE, False),  # an inspection team's roster
    # demand on children's social care, not referrals to other services (session 50)
    ("There were 6,357 referrals to children's social care services in the quarter, an 8.3% increase.",
     Topic.REFERRALS, True),
    ("However, the re-referral rate has increased and is high.", Topic.REFERRALS, True),
    ("Thresholds are well understood by partners in the MASH.", Topic.REFERRALS, True),
    ("The number of referrals to CAMHS has risen.", Topic.REFERRALS, False),
    ("Digital front door: the new social care website Kent Connect to Support.", Topic.REFERRALS, False),
    ("MASH sites: our Multi-Agency Specialist Hub sites are centres for SEND.", Topic.REFERRALS, False),
    # a review's cases (session 50)
    ("The Joint Audit Committee of the Police and Crime Commissioner met in March.", Topic.QUALITY_ASSURANCE, False),
    ("The audit of the 2023/24 accounts is not complete and managers expect an unqualified opinion.",
     Topic.QUALITY_ASSURANCE, False),
    ("Dip sampling of purchase card transactions found no errors.", Topic.QUALITY_ASSURANCE, False),
    ("Dip sampling of case files by managers shows improvement.", Topic.QUALITY_ASSURANCE, True),
    ("The quality assurance manager was Sean Tarpey, Senior HMI.", Topic.QUALITY_ASSURANCE, False),
    ("Tier 3 CAMHS is overwhelmed by the number of referrals from social care.", Topic.REFERRALS, False),
    ("Demand for adult social care continues to rise.", Topic.REFERRALS, False),
    ("Staff at the children's home keep the front door locked at night.", Topic.REFERRALS, False),
    ("The volume of contacts to children's social care has risen.", Topic.REFERRALS, True),
    ("Children re-referred within 12 months of a previous referral.", Topic.REFERRALS, True),
    ("Savings will come from IFA step downs to in-house foster carers.", Topic.RESIDENTIAL, False),
    # the council as a parent, and the leaving care service's work with each care leaver (session 50)
    ("Corporate parenting arrangements are strong, and elected members have high aspirations.",
     Topic.CORPORATE_PARENTING, True),
    ("The pledge for looked after children and young people is being revised.", Topic.CORPORATE_PARENTING, True),
    ("The council pledged £2m to the new leisure centre.", Topic.CORPORATE_PARENTING, False),
    ("82% of care leavers have up-to-date pathway plans.", Topic.LEAVING_CARE, True),
    ("We are in touch with 98% of our care leavers (aged 17-21).", Topic.LEAVING_CARE, True),
    ("PAs are delivering strong person-centred care for vulnerable young people.", Topic.LEAVING_CARE, True),
    ("The post attracts a salary of £35,000 pa.", Topic.LEAVING_CARE, False),
    ("The SEND local offer sets out support for families.", Topic.LEAVING_CARE, False),
    # a quoted term is read as the term (session 50)
    ("11 children have a plan to 'step down' to foster care or return home.", Topic.RESIDENTIAL, True),
    ("The quality of risk management plans to address ‘missing’ episodes requires improvement.",
     Topic.EXPLOITATION, True),
    ("Single ‘point of contact’ arrangements have been set up at job centres.", Topic.FAMILY_TIME, False),
    ("Children stepped down to early help.", Topic.RESIDENTIAL, False),
    ("Children in care were over represented within the justice system.", Topic.YOUTH_JUSTICE, True),
    ("Number of individual offences committed by cared for children", Topic.YOUTH_JUSTICE, True),
    ("PAs keep in touch with care leavers who are in custody.", Topic.YOUTH_JUSTICE, True),
    ("Rate of first-time entrants to youth justice system per 100,000 (aged 10-17)", Topic.YOUTH_JUSTICE, True),
    ("Trading standards secured convictions against rogue traders.", Topic.YOUTH_JUSTICE, False),
    ("All staff undergo criminal records checks.", Topic.YOUTH_JUSTICE, False),
    ("Family justice system delays affect children waiting for permanence.", Topic.YOUTH_JUSTICE, False),
    ("MAPPA meetings monitor high-risk adult offenders.", Topic.YOUTH_JUSTICE, False),
    ("Children at risk of child criminal exploitation are identified early.", Topic.YOUTH_JUSTICE, False),
    ("The trader was sentenced to 18 months in custody.", Topic.YOUTH_JUSTICE, False),  # a review's cases (session 49)
    ("The Council decriminalised parking enforcement.", Topic.YOUTH_JUSTICE, False),
    ("Seven men were convicted of child sexual exploitation.", Topic.YOUTH_JUSTICE, False),
    ("Two children were held overnight in police custody.", Topic.YOUTH_JUSTICE, True),
    ("Brothers and sisters are placed together wherever possible.", Topic.FAMILY_TIME, True),
    ("Children are supported to see their birth families.", Topic.FAMILY_TIME, True),
    ("Early help workers remain in contact with families.", Topic.FAMILY_TIME, False),
    ("Schools should keep parental contact details up to date.", Topic.FAMILY_TIME, False),
    ("Care home residents keep in touch with their families.", Topic.FAMILY_TIME, False),
    ("Family time is promoted when it is in children's best interests.", Topic.FAMILY_TIME, True),
    ("Children maintain contact with their families when it is safe to do so.", Topic.FAMILY_TIME, True),
    ("Children in care live with their brothers or sisters when this is in their best interests.", Topic.FAMILY_TIME,
     True),
    ("Six sibling groups were placed together for adoption.", Topic.FAMILY_TIME, True),
    ("Social workers build effective relationships with families.", Topic.FAMILY_TIME, False),
    ("Price inflation on the contract for provision of the Contact Centre.", Topic.FAMILY_TIME, False),
    ("Multi-agency participation in review meetings is a strength.", Topic.PARTICIPATION, False),
    ("Participation of young people in education or training at 17 rose to 92%.", Topic.PARTICIPATION, False),
    ("Pathway plans are sensitively written, and most are co-produced.", Topic.PARTICIPATION, True),
    ("The participation team ran events for children in care over the summer.", Topic.PARTICIPATION, True),
    ("Participation and engagement are a strength of the service.", Topic.PARTICIPATION, True),
    ("We have introduced a new Pathway Plan which was developed with young people.", Topic.PARTICIPATION, True),
    ("The strategy was developed with partners across the county.", Topic.PARTICIPATION, False),
    ("In January 2024 we formed a family group conferencing service.", Topic.FAMILY_SUPPORT, True),
    ("The service works to prevent children becoming looked after.", Topic.FAMILY_SUPPORT, True),
    ("Two children returned home to their parents under a care order.", Topic.FAMILY_SUPPORT, True),
    ("More children came into care this year.", Topic.FAMILY_SUPPORT, False),
    ("Councillor Smith will step down from the Panel in May.", Topic.FAMILY_SUPPORT, False),
    ("Supporting families with the cost of living is a priority.", Topic.FAMILY_SUPPORT, False),
    ("The Director contributed to the development of the transport strategy.", Topic.PARTICIPATION, False),
    ("Independent Reviewing Officers challenge drift in children's care plans.", Topic.REVIEWS, True),
    ("Reviews held within timescales fell to 72% in Q2.", Topic.REVIEWS, True),
    ("Looked after reviews were rearranged because of sickness.", Topic.REVIEWS, True),
    ("The timeliness of cared for children's reviews needs some improvement.", Topic.REVIEWS, True),
    ("Most children in care live in stable placements that meet their needs.", Topic.PLACEMENT_STABILITY, True),
    ("Some older children experience too many changes of placement before they are settled.",
     Topic.PLACEMENT_STABILITY, True),
    ("Carers learn the warning signs when a placement could be becoming unstable.", Topic.PLACEMENT_STABILITY, True),
    ("The local economy remains stable.", Topic.PLACEMENT_STABILITY, False),
    ("However, the involvement of care leavers in the development of their plans is inconsistent.",
     Topic.PARTICIPATION, True),
    ("Some children co-chair their own reviews.", Topic.PARTICIPATION, True),
    ("The council will tender for the 16+ accommodation offer in the spring.", Topic.ACCOMMODATION, True),
    ("Nine children looked after are following reduced timetables.", Topic.EDUCATION, True),
    ("Staffing pressures across front line services.", Topic.WORKFORCE, True),
    ("Young people valued their emotional well being worker.", Topic.EMOTIONAL, True),
    ("Personal advisers are tenacious in supporting them to secure their immigration status.", Topic.UASC, True),
    ("The involvement of looked after children in after-school activities is encouraged.", Topic.PARTICIPATION, False),
    ("Most looked after children reviews are completed within prescribed timescales.", Topic.REVIEWS, True),
    ("Looked after children’s health reviews and dental checks are timely.", Topic.REVIEWS, False),
    ("The looked after children's panel reviews the cases of newly looked after children.", Topic.REVIEWS, False),
    ("Annual reviews of EHCPs were held within timescales.", Topic.REVIEWS, False),
    ("EHCP annual reviews within timescales rose to 61%.", Topic.REVIEWS, False),
    ("The Local Plan review will be consulted on in the spring.", Topic.REVIEWS, False),
    # social workers are the workforce where a statement speaks of having them, not of their practice
    ("We cannot recruit experienced social workers and rely on agency staff.", Topic.WORKFORCE, True),
    ("Some children have too many changes of social worker.", Topic.WORKFORCE, True),
    ("Many social workers and managers were temporary and did not stay long.", Topic.WORKFORCE, True),
    ("Social workers know their children well.", Topic.WORKFORCE, False),
    ("Children are seen regularly and alone by their social workers.", Topic.WORKFORCE, False),
    ("Social workers help young people leaving care to find a home.", Topic.WORKFORCE, False),
    # a foster carer's supervising social worker is fostering's support, not the social work workforce
    ("Foster carers value the training and support of their supervising social workers.", Topic.WORKFORCE, False),
    ("Foster carers value the training and support of their supervising social workers.", Topic.FOSTERING, True),
    ("Training for newly recruited social workers is strong.", Topic.WORKFORCE, True),
    ("We recruited five supervising social workers for the fostering team.", Topic.WORKFORCE, True),
    ("IROs challenge drift in children's plans.", Topic.WORKFORCE, False),  # the reviewing service's, not staffing
    ("IRO caseloads rose to 78 children each.", Topic.WORKFORCE, True),
    # kinship care: relatives and friends bringing up children, under special guardianship or as connected carers
    ("69 are living with their extended family under an approved regulation 24.", Topic.KINSHIP, True),
    ("Special guardians receive financial support in line with fostering allowances.", Topic.KINSHIP, True),
    ("Placement with family and friends carers rose to 62.", Topic.KINSHIP, True),
    ("Options are foster carers (non-kinship), a residential home or supported living.", Topic.KINSHIP, False),
    ("Eleven children were adopted this year.", Topic.KINSHIP, False),
    # emotional health: the mind's part of health, without the health assessments and dental checks
    ("The average SDQ score of children in care was 14.2.", Topic.EMOTIONAL, True),
    ("Children wait too long for CAMHS.", Topic.EMOTIONAL, True),
    ("74% of cared for children saw a dentist within the last 12 months.", Topic.EMOTIONAL, False),
    ("They value the support from the educational psychologist.", Topic.EMOTIONAL, False),
    ("The local authority continues to use bed and breakfast accommodation for some care leavers.", Topic.HOMELESSNESS,
     True),
    ("Care leavers live in safe and suitable accommodation.", Topic.HOMELESSNESS, True),
    ("Young people are supported to remain in staying put arrangements.", Topic.HOMELESSNESS, False),
    # what children's placements cost, not every line of the council's budget
    ("The number of children placed in residential care continues to grow, with costs up 12%.", Topic.PLACEMENT_COSTS,
     True),
    ("Not having our own children's homes is significantly driving up cost.", Topic.PLACEMENT_COSTS, True),
    ("Spot purchasing is expensive, as social workers rang round for individual placements.", Topic.PLACEMENT_COSTS,
     True),
    ("The treasury management budget is forecast to underspend by £1.2m.", Topic.PLACEMENT_COSTS, False),
    ("Placements for looked after children rose to 1,450.", Topic.PLACEMENT_COSTS, False),
    ("Care leavers at university get help with their tuition fees.", Topic.PLACEMENT_COSTS, False),  # a student's
    ("The forecast reflects November education placements and future growth in cost.", Topic.PLACEMENT_COSTS, False),
    ("Foster carers' fees for staying put rose in April.", Topic.PLACEMENT_COSTS, True),
    ("The council pays college fees for care leavers.", Topic.PLACEMENT_COSTS, False),
    ("High Needs Block: higher demand and higher cost for high needs placements.", Topic.PLACEMENT_COSTS, False),
    # a care leaver's own money is not what placements cost
    ("Care leavers are fully aware of their entitlements, for example up to £2,000 for setting up home.",
     Topic.PLACEMENT_COSTS, False),
    ("Personal advisers help care leavers to manage their budgets and spend their money wisely.",
     Topic.PLACEMENT_COSTS, False),
    # children living far from home
    ("P3.4 | % cared for children placed over 20 miles from home address | Low is Good | 15%", Topic.OUT_OF_AREA, True),
    ("Of those children in care, 28% live more than 20 miles from their home communities.", Topic.OUT_OF_AREA, True),
    ("- 214 (or 58%) live outside the local authority area", Topic.OUT_OF_AREA, True),
    ("Some of the delay relates to children who are placed out of area.", Topic.OUT_OF_AREA, True),
    ("There is a commitment to ensure that cared for children live as close to their home community as possible.",
     Topic.OUT_OF_AREA, True),
    ("A dedicated focus on bringing children back from out-of-area placements.", Topic.OUT_OF_AREA, True),
    ("% of pupils with EHCPs being placed in independent or out of county special schools", Topic.OUT_OF_AREA, False),
    ("Volumes arriving in Kent are still outside of the Council's direct control.", Topic.OUT_OF_AREA, False),
    ("Placing children and young people away from the borough can also increase costs.", Topic.OUT_OF_AREA, True),
    ("A number of our young people want to live outside Cheshire East, for example in a larger city.",
     Topic.OUT_OF_AREA, True),
    ("The risk of falling behind other local authority areas outweighed the risks.", Topic.OUT_OF_AREA, False),
    ("Ignition has led to greater stability and choice for our cared for young people.", Topic.PLACEMENT_STABILITY,
     True),
    ("Greater stability in the senior management team has enabled some progress.", Topic.PLACEMENT_STABILITY, False),
    ("The stability of the children's workforce has improved.", Topic.PLACEMENT_STABILITY, False),
    ("Financial stability for young people leaving care is a priority.", Topic.PLACEMENT_STABILITY, False),
    ("Placement sufficiency and stability for older children present a considerable challenge.",
     Topic.PLACEMENT_STABILITY, True),
    # reviewed: far from home in other words, and what is not
    ("Children placed at a distance from Bristol are visited regularly.", Topic.OUT_OF_AREA, True),
    ("A small number of children living some distance from Hackney experience delays.", Topic.OUT_OF_AREA, True),
    ("Number of other local authority children in care placed into Kent", Topic.OUT_OF_AREA, True),
    ("Children with SEND placed out of county in independent special schools", Topic.OUT_OF_AREA, False),
    ("Residents living outside the county may respond to the consultation.", Topic.OUT_OF_AREA, False),
    ("Powers will move away from the county council to the combined authority.", Topic.OUT_OF_AREA, False),
    ("Free transport applies where the distance from home to school exceeds three miles.", Topic.OUT_OF_AREA, False),
    ("Placements closer to home were essential to a child's education, as part of the Special School Review.",
     Topic.OUT_OF_AREA, False),  # a school place (kent-council's minutes)
    # children moved on from a children's home
    ("Year 1 targets were exceeded with 6 step downs from residential to family or foster home.", Topic.RESIDENTIAL,
     True),
    ("Potential average savings step down from residential to internal foster care", Topic.RESIDENTIAL, True),
    ("People stepped down from hospital to a care home.", Topic.RESIDENTIAL, False),
    ("We will provide care closer to home by making better use of our buildings.", Topic.OUT_OF_AREA, False),
    ("Three young people were living in hotels at the time of the inspection.", Topic.HOMELESSNESS, True),
    ("Operation Makesafe raises awareness with businesses, including hotels and taxi companies.", Topic.HOMELESSNESS,
     False),
    ("Operation Makesafe raises awareness with businesses, including hotels and taxi companies.", Topic.ACCOMMODATION,
     False),
    ("Young people are supported to remain in staying put arrangements.", Topic.STAYING_PUT, True),
    # family hubs: the places families go for early help, by name
    ("The popular family sessions resumed across 12 libraries and three family hubs.", Topic.FAMILY_HUBS, True),
    ("Children's centres will become part of the Family Hub network.", Topic.FAMILY_HUBS, True),
    ("Early help assessments rose to 412.", Topic.FAMILY_HUBS, False),
    ("Not enough older children are helped to stay with their foster carers until they are ready.",
     Topic.STAYING_PUT, True),
    # how many children are in care, and how many come in and leave
    ("The number of children looked after has risen since the onset of the Covid pandemic.", Topic.CARE_POPULATION,
     True),
    ("We currently have 533 cared for children compared with 557 the same time last year.", Topic.CARE_POPULATION,
     True),
    ("Our rate per 10,000 of cared for children sits below the national average.", Topic.CARE_POPULATION, True),
    ("The number starting to be looked after has increased faster than the number ceasing to be looked after.",
     Topic.CARE_POPULATION, True),
    ("The cared for children population changes daily as children enter and leave care.", Topic.CARE_POPULATION,
     True),
    ("Number of children in care proceedings:", Topic.CARE_POPULATION, False),
    ("Rate of children with Child Protection Plans per 10,000 child population", Topic.CARE_POPULATION, False),
    ("Average number of days between entering care and moving in with an adoptive family", Topic.CARE_POPULATION,
     False),
    ("Initial health assessments requested within 48 hours of coming into care", Topic.CARE_POPULATION, False),
    ("Life story work helps children understand why they came into care.", Topic.CARE_POPULATION, False),
    ("There is not enough placement sufficiency for children entering care.", Topic.CARE_POPULATION, False),
    ("Careful matching is not always possible when children first become looked after.", Topic.CARE_POPULATION, False),
    ("The number of looked after children is 640.", Topic.CARE_POPULATION, True),  # a reviewer's phrasings
    ("The council currently looks after 612 children.", Topic.CARE_POPULATION, True),
    ("Children looked after rate 71.2 per 10,000", Topic.CARE_POPULATION, True),
    ("Decisions for children to enter care are made in a timely manner.", Topic.CARE_POPULATION, True),
    ("A PEP should be completed within 10 days of a child coming into care.", Topic.CARE_POPULATION, False),
    ("On entering care children are offered a dental check.", Topic.CARE_POPULATION, False),
    ("We currently have 45 children open to the youth offending service.", Topic.CARE_POPULATION, False),
    ("There was an increase in looked after children attending good schools.", Topic.CARE_POPULATION, False),
    ("Children in care proceedings per 10,000: 12", Topic.CARE_POPULATION, False),
    ("P3.1 | Number of cared for children in internal foster care | High is Good | 132", Topic.CARE_POPULATION, False),
    ("Appendix 1: Number of cared for children in Cheshire East from 2022-2023", Topic.CARE_POPULATION, True),
])
def test_topics_in_the_plain_words_papers_and_people_use(text: str, topic: Topic, expected: bool) -> None:
    """A question in plain words names its topic as papers do ("multiple moves" is placement stability), so that the
    search's topic vote helps it; these rules also tag statements."""
    assert (topic in topics_of(text)) is expected


def _alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a rule, each with its regex syntax stripped to the literal words."""
    out, depth, current, i = [], 0, "", 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            current, i = current + pattern[i:i + 2], i + 2
            continue
        depth += (c == "(") - (c == ")")
        if c == "|" and depth == 0:
            out.append(current)
            current = ""
        else:
            current += c
        i += 1
    return [re.sub(r"\\[bw]\*?|\(\?:|[()?'\\]", "", a) for a in [*out, current]]


def test_every_alternative_of_a_gated_rule_holds_a_gate_word() -> None:
    """A statement with none of a gate's words is not searched for its topic: no alternative may match without one."""
    from nlp.topics import _RULES, GATES

    for topic, gates in GATES.items():
        for alternative in _alternatives(_RULES[topic].lower()):
            assert any(g in alternative for g in gates), (topic, alternative)


def _paper(title: str, *sentences: str) -> Document:
    return Document(id="d-0", source="paper.pdf", sha256="0" * 64, meta=Metadata(title=title), page_start=1, page_end=1,
                    statements=[Statement(text=t, page=1, section_path=[], char_start=0, char_end=len(t))
                                for t in sentences])


def test_a_paper_titled_for_part_of_a_topic_gives_each_statement_that_part() -> None:
    """Residents' comments in a family hub consultation ("Seashells has health clinics") never say "family hub"; its
    title does. A title naming a broad topic ("Early Help Strategy") tags no statement: each line would join it."""
    hubs = topics_only(_paper("Kent County Council Seashells and Millmead Family Hub Consultation",
                              "Seashells has health clinics, baby weigh clinics, health visitors.",
                              "Seashells is good for mental health support."))
    assert hubs.topics == {0: ["family_hubs"], 1: ["health", "emotional_health", "family_hubs"]}
    assert title_parts("Staying Close Pilot: First Year") == [Topic.STAYING_PUT]
    assert topics_only(_paper("Early Help Strategy 2024-2027", "We will open two more sites.")).topics == {}


def test_a_statement_on_a_part_of_a_topic_is_on_the_whole_too() -> None:
    """Hostels are accommodation, connected persons permanence, counselling health: a question on the whole and the
    part votes among the whole, so the whole must hold what each part's rule finds."""
    assert topics_of("Two care leavers were placed in hostels.") == [Topic.HOMELESSNESS, Topic.ACCOMMODATION]
    assert topics_of("Connected persons assessments are completed on time.") == [Topic.KINSHIP, Topic.PERMANENCE]
    assert topics_of("Counselling is offered to every young person.") == [Topic.EMOTIONAL, Topic.HEALTH]
    assert topics_of("Three children's centres will close.") == [Topic.FAMILY_HUBS, Topic.FAMILY_SUPPORT]


def test_a_typographic_apostrophe_reads_as_a_plain_one() -> None:
    """Ofsted prints "children’s homes": 656 statements of the shared corpus had lost their topics to it."""
    assert Topic.RESIDENTIAL in topics_of("A small number of children live in unregistered children’s homes.")
    assert Topic.PARTICIPATION in topics_of("Parents and children’s views inform decision-making.")


def test_study_after_school_is_education() -> None:
    """A care leaver's college course, tuition fees or bursary is education, though no school or university is named
    ("Tuition fees deterred young people due to concerns about accumulating debt")."""
    for text in ("Tuition fees deterred young people due to concerns about accumulating debt.",
                 "Most care leavers take advantage of further education.",
                 "Staff helped with bursary paperwork."):
        assert Topic.EDUCATION in topics_of(text), text
    assert Topic.EDUCATION not in topics_of("This matters to a greater degree for older children.")
