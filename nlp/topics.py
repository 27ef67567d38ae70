"""Topics of children's services statements, and the jargon search expands.

Rules name each topic in the words committee papers use; a statement can have
several topics. `expand_query` adds the spelled-out forms of acronyms (NEET,
UASC, SDQ, PEP, IRO, SGO...) so keyword search finds both.
"""

from __future__ import annotations

import re
from enum import StrEnum
from functools import lru_cache

from nlp.vocabulary import (
    acronyms_said,
    also_verbs,
    asked,
    asked_about_care,
    asked_about_children,
    capitals_only,
    jargon,
    plain_apostrophes,
    spellings,
)


class Topic(StrEnum):
    NEET = "neet"
    PLACEMENT_STABILITY = "placement_stability"
    ACCOMMODATION = "accommodation"
    HOMELESSNESS = "homelessness"
    STAYING_PUT = "staying_put"
    FOSTERING = "foster_recruitment"
    RESIDENTIAL = "residential_care"
    OUT_OF_AREA = "out_of_area"
    UASC = "uasc"
    HEALTH = "health"
    EMOTIONAL = "emotional_health"
    WORKFORCE = "workforce"
    PERMANENCE = "adoption_permanence"
    KINSHIP = "kinship_care"
    COURT = "court_proceedings"
    EDUCATION = "education"
    EXPLOITATION = "exploitation_missing"
    FINANCE = "finance"
    PLACEMENT_COSTS = "placement_costs"
    PARTICIPATION = "participation"
    FAMILY_SUPPORT = "family_support"
    FAMILY_HUBS = "family_hubs"
    REVIEWS = "care_plan_reviews"
    CARE_POPULATION = "care_population"
    YOUTH_JUSTICE = "youth_justice"
    FAMILY_TIME = "family_time"
    QUALITY_ASSURANCE = "quality_assurance"
    REFERRALS = "referrals"
    CORPORATE_PARENTING = "corporate_parenting"
    LEAVING_CARE = "leaving_care"


# a child's adoption, not a council adopting a plan ("the Council has adopted a voluntary measure", "Adoption of the
# Minerals and Waste Local Plan", "Adoption of the Children and Young People's Plan", "adopted Child First principles");
# written in lower case, as the rules are, and read by scrutineer/population.py too
_CHILD = (r"(?:child(?:ren)?|bab(?:y|ies)|siblings?|young people|teenagers?)\b(?!['’]s)"
          r"(?! (?:first|poverty|friendly|and young people['’]s)\b)")
ADOPTION = (r"adopters?|adoptees?|adoptive|"
            rf"adoptions?\b(?!\s+of\s+(?!(?:(?:the|this|a|an|its|our|these|their|his|her|\d+|two|three)\s+)?{_CHILD}))|"
            rf"{_CHILD}(?: who)?(?: (?:were|was|are|is|have been|had been|being))?(?: \w+ly)? adopted|"
            r"(?:s?he|they) (?:was|were|had been|has been) adopted|"
            rf"adopted {_CHILD}|adopting (?:a |an |their )?{_CHILD}|to adopt (?:a |an |their )?(?:{_CHILD}|them\b)|"
            r"(?:hop\w*|wish\w*|want\w*|approved|assessed|appl\w*|able) to adopt\b|"
            # a regional adoption agency: "Adopt London North", "Adopt South West", "Adopt Thames Valley"
            r"adopt (?:london|south|north|east|west|thames|coast|central|anglia|berkshire|essex|cymru|midlands)")

# children's social care by its names, what demand on it and referrals into it are to (`Topic.REFERRALS`)
_CSC = r"(?:children'?s (?:social care|services|social work)|social care|social work|csc|statutory services)"

_RULES: dict[Topic, str] = {
    Topic.NEET: r"\bNEET\b|\bEET\b|not (?:engaged )?in education|"
                r"(?:education|employment|training)(?:,? (?:or |and )?(?:education|employment|training)){2}|"
                # not "job opportunities" or "employment support" alone: a devolution deal's are adults'
                r"apprenticeship|job coach|employability|traineeship|work experience|supported internships?|kickstart",
    Topic.PLACEMENT_STABILITY: r"placement (?:stability|moves?|breakdowns?|changes?)|(?:3|three) or more placements|"
                               r"stability of placements?|same placement|placement disruption|moved homes|"
                               # the plain words: "some children continue to experience multiple moves"
                               r"(?:multiple|several|frequent|number of|many|repeated) (?:placement )?moves|"
                               r"moves? between (?:placements|carers|homes)|from one placement to another|"
                               r"placements? (?:from )?(?:breaking|broke|break|breaks) down|"
                               r"breakdown of (?:their |a |the )?placements?|"
                               r"stability meetings?|(?:placement|care) instability|bouncing'? (?:around|between)|"
                               # "greater stability and choice for our cared for young people", "stability for
                               # children in care is good"; not the workforce's, a partnership's or children's
                               # services' stability, nor a young person's emotional, financial or housing stability
                               r"(?<!emotional )(?<!emotional in)(?<!financial )(?<!housing )(?<!economic )"
                               r"stability (?:and [\w-]+ )?(?:for|of) (?:our |the |these |those |all |many |some )?"
                               r"(?:cared for |looked after |older |younger )?(?:children|young people|care leavers?|"
                               r"a care leaver)(?!'s (?:services|workforce|social|leadership))|"
                               # a placement that ends before its plan: "adoption breakdowns are rare", "unplanned
                               # endings to placements", "disruption meetings have still not taken place"
                               r"disruption meetings?|(?:placement|adoption|adoptive|foster\w*) (?:disruptions?|breakdowns?)|"
                               r"disrupted placements?|disruptions? (?:of|to|in) (?:their |a |the |his |her )?"
                               r"(?:placements?|adoptions?)|unplanned (?:placement )?endings?|placement endings?|"
                               # an inspection's words: "most children live in stable placements", "too many changes
                               # of placement", "identifying when a placement could be becoming unstable"
                               r"stable (?:and [\w-]+ )?placements?|placements? (?:are|is|were|was|remains?|remained) "
                               r"(?:\w+ )?stable|unstable placements?|placements? (?:\w+ ){0,3}unstable|"
                               r"placements? (?:to )?stabili[sz]e|stabili[sz]\w* (?:the |their |a |of )?placements?|"
                               r"(?:frequent|multiple|several|many|repeated|numerous) changes (?:of|in) (?:their )?"
                               r"(?:homes?|placements?|carers?)",
    Topic.ACCOMMODATION: r"emergency accommodation|supported accommodation|semi[- ]independent|"
                         r"bed and breakfast|\bB ?& ?B\b|homeless|suitable accommodation|housing|staying close|"
                         r"staying put|supported lodgings|emergency beds?|independent living|"
                         r"16\+ (?:and care leavers )?accommodation|"
                         # the 16 and 17 year olds' settings no regulator inspected before 2023
                         r"unregulated(?:,? (?:and|or) unregistered)? (?:placements?|provision|accommodation|settings?|homes?)|"
                         r"stay(?:ing|s)? (?:on )?(?:living )?with (?:their |his |her )?(?:former )?foster (?:carers?|famil)",
    # two parts of accommodation that questions ask about apart: nowhere suitable to live, and staying on with carers
    Topic.HOMELESSNESS: r"emergency (?:accommodation|housing)|temporary housing|bed and breakfast|\bB ?& ?Bs?\b|"
                        r"hostels?|homeless|sofa[- ]?surf|rough sleep|no fixed (?:address|abode)|suitable accommodation|"
                        r"appropriate accommodation|temporary accommodation|emergency beds?|evict",
    Topic.STAYING_PUT: r"staying put|staying close|"
                       r"stay(?:ing|s)? (?:on )?(?:living )?with (?:their |his |her )?(?:former )?foster (?:carers?|famil)",
    Topic.FOSTERING: r"foster(?:ing|er)? (?:carers? )?recruit|recruit(?:ment|ing)? (?:of )?(?:new )?foster|foster carers?|"
                     r"fostering households|mockingbird|foster4|in-house foster|independent fostering|\bIFAs?\b|"
                     r"\brecruit\w*\b.*\bfoster|\bfoster\w*\b.*\brecruit|(?:become|becoming) a foster|people to foster\b|"
                     # the service, its panel and its families (not private fostering, a different arrangement)
                     r"foster famil(?:y|ies)|(?<!private )fostering (?:service|panel|agenc(?:y|ies)|allowances?)",
    Topic.RESIDENTIAL: r"residential (?:care|homes?|placements?|provision)|children'?s homes?|secure (?:unit|home)|"
                       r"unregistered(?:,? (?:and|or) unregulated)? (?:children'?s )?"
                       r"(?:homes?|settings?|provision|placements?|providers?)|unregistered, illegal|"
                       # children moved on from a home: "6 step downs from residential to family or foster home", "a
                       # plan to step down to foster care" (a step down to early help is from social care)
                       r"step(?:ped|ping)?[- ]?downs? (?:from|out of) residential|(?:from|out of) residential "
                       r"(?:care |homes? |placements? )?(?:in)?to (?:internal |in-house |a )?(?:foster|famil)|"
                       r"(?<!ifa )(?<!ifas )(?<!agency )step(?:ped|ping)?[- ]?downs? (?:plan )?(?:in)?to "
                       r"(?:internal |in-house |specialist |a )?foster",
    # children living far from home: placed out of area or county, over 20 miles away; not SEND pupils' "out of county
    # special schools", the NHS's "care closer to home" or a line "outside the Council's direct control"
    Topic.OUT_OF_AREA: r"(?<!residents )(?<!workforce )(?<!staff )"
                       r"(?:placed|placements?|living|lives|live|children|young people|cla|lac) (?:[\w-]+ ){0,3}"
                       r"(?:out[- ]of|outside(?: of)?) (?:the |their |our )?(?:home )?(?:area|county|borough|authority|"
                       r"local authority(?: area)?|la|city|region)\b(?!'s)(?! (?:special|schools?|education|mental|"
                       r"direct|control))(?!.{0,40}special schools?)|"
                       r"out[- ]of[- ](?:area|county|borough|authority) (?:placements?|children|residential|provision|"
                       r"homes?|foster)(?!.{0,40}special schools?)|(?:20|twenty)\+? miles|"
                       r"\d+\+? miles (?:or more )?(?:from|away from) (?:their |the )?(?:home|famil|communit)|"
                       r"close to (?:their )?home(?: communit\w*| areas?| as possible)|"
                       r"(?:placed|placements?|live|living|children|young people) (?:[\w-]+ ){0,3}closer to "
                       r"(?:home|their (?:home|famil|communit))(?!.{0,60}\beducation)|in[- ](?:county|borough) placements?|"
                       r"placed (?:with)?in (?:the )?(?:county|borough)\b(?!'s)(?!.{0,40}special schools?)|"
                       r"(?<!education )local placements?|placed locally|distance from (?:their )?home(?! to school)|"
                       # "placed at a distance", "live some distance from Hackney", "far away from their families"
                       r"(?:placed|live|lives|living|children) (?:[\w-]+ ){0,3}(?:at|some|a long|a) (?:some )?distance\b|"
                       r"far (?:away )?from (?:their )?(?:own )?(?:home|famil|communit)|"
                       # "some children live outside Derby", "placing children away from the borough", "who live across
                       # Cheshire East and in other local authority areas", "placements which are outside of Hackney";
                       # not "residents living outside the county" or powers moving "away from the county council"
                       r"(?<!residents )(?<!workforce )(?<!staff )"
                       r"(?:live|lives|living|placed|placing|resid(?:e|es|ed|ing)|placements? (?:which|that) (?:are|were)) "
                       r"outside\b(?! (?:of )?(?:school|office|working|normal|usual|hours))|"
                       r"away from (?:the |their )?(?:borough|county|area|home area|local area|home communit\w*)\b"
                       r"(?! council)|"
                       r"(?:live|lives|living|placed|children|young people) (?:[\w-]+ ){0,4}(?:in|across) other local "
                       r"authority areas|placed (?:in|into) \w+(?: \w+)? by other local authorities|"
                       r"other local authority children in care placed into|"
                       r"(?:live|lives|living|placed) within (?:the )?(?:county|borough|authority|local authority|local area)"
                       r"\b(?!'s)(?!.{0,40}special schools?)",
    Topic.UASC: r"\bUASCs?\b|unaccompanied|asylum|national transfer scheme|\bNTS\b|refugee|\bage assessments?|"
                r"leave to remain|immigration status",
    Topic.HEALTH: r"health assessments?|health checks?|dental|dentist|immuni[sz]ation|\bSDQs?\b|mental health|"
                  # "emotional and behavioural health", "emotional and physical well-being"
                  r"emotional(?:,? (?:and|&) (?:behavioural|mental|physical))? (?:health|well[- ]?being)|"
                  r"\bCAMHS\b|health passports?|\bIHAs?\b|\bRHAs?\b|therap|"
                  # children looked after's own nurses and doctors
                  r"designated (?:nurses?|doctors?)|(?:lac|cla|looked after children'?s?) (?:health )?nurses?",
    # the mind rather than the body: a part of health that a question about feelings votes among, without the
    # health assessments and dental checks
    Topic.EMOTIONAL: r"\bSDQs?\b|strengths and difficulties|mental (?:health|ill[- ]?health|wellbeing|well-being)|"
                     r"emotional(?:,? (?:and|&) (?:behavioural|mental))? (?:health|well[- ]?being)|\bCAMHS\b|therap|"
                     r"counsell|(?<!educational )psycholog",
    Topic.WORKFORCE: r"caseloads?|vacanc(?:y|ies)|agency (?:staff|workers?|social)|recruitment and retention|"
                     r"workforce|turnover|\bnewly qualified|\bASYE\b|social work academy|\blocums?\b|staff(?:ing)? stability|"
                     r"staffing (?:pressures?|shortages?|levels?|capacity)|"
                     # the fostering service's own staff: "we recruited five supervising social workers"
                     r"recruit\w* (?:\w+ ){0,3}supervising social workers?",
    Topic.PERMANENCE: r"adopt(?:ion|ed|ive|ers?)|permanen(?:ce|cy)|special guardianship|\bSGOs?\b|placement orders?|"
                      r"long[- ]term foster|care orders? discharged|kinship",
    # children brought up by relatives and friends: a part of permanence with its own orders, allowances and teams, so
    # a question about grandparents votes among these rather than among adoption's statements too
    Topic.KINSHIP: r"(?<!non-)kinship|special guardian|\bSGOs?\b|connected (?:persons?|carers?)|"
                   r"(?:family and friends|friends and family) (?:care|carers?|foster\w*)|child arrangements? orders?|"
                   r"regulation 24|(?:living|live|lives|placed|cared for|brought up) with (?:a |their |his |her )?"
                   r"(?:relatives?|grandparents?|aunts?|uncles?|extended family|wider family)",
    Topic.COURT: r"care proceedings|court|public law outline|\bPLO\b|care orders?|section 20|\bs\.?20\b|\bcafcass\b|"
                 r"interim care|legal planning|legal gateway|"
                 # the work before a council goes to court, and going: not a meeting's "proceedings"
                 r"pre-?proceedings|letters? before proceedings|(?:legal|family|court) proceedings|"
                 r"(?:issu|initiat|instigat|start|enter|commenc)\w* (?:legal |care )?proceedings",
    Topic.EDUCATION: r"virtual school|\bPEPs?\b|personal education plans?|attainment|school|exclusions?|attendance|"
                     r"key stage|\bGCSEs?\b|university|higher education|"
                     # study after school: "four care leavers ... continued study in further education", "tuition fees
                     # deterred young people", "helping with bursary paperwork"
                     r"further education|tuition fees?|undergraduates?|student finance|bursar(?:y|ies)\b|"
                     # the pupil premium, an electronic PEP, children out of school or part-time in it
                     r"pupil premium|\bepeps?\b|alternative provision|elective home education|(?:part-time|reduced) timetables?|"
                     r"suspensions? from school|school suspensions?",
    Topic.EXPLOITATION: r"exploitation|\bCSE\b|\bCCE\b|county lines|missing (?:from|episodes?|incidents?)|went missing|"
                        r"return (?:home )?interviews?|trafficking|"
                        # the other words papers use: "children who go missing", "when they go missing", "missing
                        # children", gang involvement
                        # (not a trading standards case's "gang that removed two million miles"), "extra-familial harm",
                        # contextual safeguarding, RHIs, the national referral mechanism (for trafficked children)
                        r"(?:children|child|young people|young person|who|they|he|she) "
                        r"(?:go|goes|going|gone|have gone|has gone) "
                        r"missing|missing children|extra-familial harm|contextual safeguarding|"
                        r"gang[- ](?:related|affiliat\w*|involvement|activity|violence|exploitation|members?|culture)|"
                        r"(?:involved|involvement|exit|leave|leaving) (?:in |with |from )?gangs|"
                        r"\brhis?\b|national referral mechanism|criminally exploited|\bran away|run(?:s|ning)? away|"
                        r"absent without (?:authori[sz]ation|permission)|serious youth violence|knife crime|modern slavery",
    # children in the justice system (its own topic: as a part of exploitation and missing, the custody lines it brought
    # crowded the whole's questions on grooming and running away): the youth justice service, first-time entrants, young
    # offenders' institutions, criminalising children in care; custody, remand and the justice system only beside a
    # child (`_SAID_WITH`), not a trader's sentence, "decriminalised parking", the family justice system or staff's
    # criminal records checks
    Topic.YOUTH_JUSTICE: r"youth justice|youth offending|\byots?\b|\byos\b|\byjs\b|young offenders?|"
                         r"first[- ]time entrants?|\bcriminali[sz](?:e|es|ed|ing|ation)\b|\bhmyoi\b|"
                         r"young offender institution|secure training cent",
    # a child in care's time with the family they do not live with: family time (what "contact" is now called),
    # contact with their parents, siblings and relatives, contact arrangements, brothers and sisters placed together or
    # apart, sibling groups (whom a question about brothers and sisters asks of, though most lines name them as
    # children hard to place); keeping in touch only beside a child (`_SAID_WITH`); not a worker's "contact with
    # families", a school's "parental contact details" or out-of-hours contact arrangements
    Topic.FAMILY_TIME: r"family time|(?:sibling|family|birth family|letterbox) contact(?! (?:details|numbers?|centre))|"
                       r"contact (?:with|between) (?:their |his |her )(?:friends and |birth |wider |extended )?"
                       r"(?:famil\w*|parents?|mothers?|fathers?|mums?|dads?|siblings?|brothers?|sisters?|relatives|"
                       r"grandparents)|contact with (?:birth |wider |extended )?(?:family\b(?! (?:support|hubs?|services?|"
                       r"group|courts?))|friends and famil\w*|birth famil\w*|birth parents|parents and siblings|siblings|"
                       r"brothers|sisters)|(?<!hours )(?<!emergency )(?<!point of )contact (?:arrangements?|visits?|sessions?)|"
                       r"supervised contact|"
                       r"(?:siblings?|brothers and sisters) (?:groups? )?(?:(?:were |are |to be )?(?:placed|living|live|kept)|"
                       r"placements?) (?:together|apart|separately)|(?:placed|live|living|kept|remain) (?:together )?with "
                       r"(?:their |his |her )?(?:siblings?|brothers?|sisters?)|separated from (?:their |his |her )?"
                       r"(?:siblings?|brothers?|sisters?)|sibling (?:assessments?|relationships?|groups?)|"
                       r"see (?:their|his|her) (?:birth )?(?:famil\w*|parents|mothers?|fathers?|siblings?|brothers?|sisters?)",
    Topic.FINANCE: r"budget|overspend|underspend|£\s?\d|\bcosts?\b|savings|forecast|funding|grant|expenditure",
    Topic.PARTICIPATION: r"voice of the child|children in care council|\bCiCC\b|young people'?s voice|"
                         r"involved in (?:their )?reviews?|advocacy|consultation with young|care leavers? forum|"
                         r"participation (?:teams?|workers?|groups?|officers?|ambassadors?|apprentices?|framework|"
                         r"and engagement)\b|"
                         r"culture of participation|"
                         # the plain words: "children's views are heard in their reviews", "wishes and feelings"
                         r"wishes and feelings|(?:children|young people|child)'?s'? views|"
                         r"views (?:are|were|being|be|is) (?:heard|sought|listened|captured|recorded|taken)|"
                         # not an item "due to be heard at ET Cabinet Committee"
                         r"(?:are|were|being|be|feel|felt) (?:listened to|"
                         r"heard\b(?! at (?:\w+ ){0,2}(?:cabinet|committee|marac|court)\b))|(?:have|has|had) (?:a|their) say\b|"
                         r"contribut\w* to (?:their )?(?:own )?reviews?|independent visitors?|"
                         # services made with them: "a new Pathway Plan which was developed with young people"
                         r"(?:developed|designed|co-?designed|shaped) (?:together )?with (?:children|young people|care leavers)|"
                         r"involv\w* (?:them|children|young people|care leavers) in (?:the )?(?:development|design)|"
                         # "the involvement of care leavers in the development of their plans is inconsistent"
                         r"involvement of (?:the )?(?:children|young people|care leavers|children and young people|"
                         r"looked after children|cared for children)(?: and (?:their )?families)? in (?:the )?"
                         r"(?:development|developing|design|designing|their (?:plans?|assessments?|reviews?)|"
                         r"recruitment|corporate parenting|service)|"
                         r"children'?s rights month|(?:children|young people|care leavers) co-?chair\w*|"
                         r"co-?chaired by (?:children|young people|care leavers)|"
                         r"(?:children|young people|care leavers)\b[\w ]{0,40} contributed to the (?:development|design)|"
                         # the ways councils hear them: "feedback from children", the Mind of My Own app, youth councils,
                         # young inspectors and commissioners, takeover days, the Bright Spots survey
                         r"feedback from (?:the )?(?:children|young people|care leavers|child)|mind of my own|\bmomo\b|"
                         r"youth (?:council|parliament|forum|voice)|young (?:inspectors?|commissioners?)|takeover days?|"
                         r"bright spots|care leavers'? (?:council|panel|group)|"
                         r"(?:children|young people|care leavers) (?:are|were|is|was) (?:routinely |regularly )?"
                         r"(?:consulted|asked (?:for )?their views|asked what)",
    # help that keeps children with their families or brings them home: early help, family hubs, edge of care,
    # family group conferences, reunification
    Topic.FAMILY_SUPPORT: r"family hubs?|early help|edge of care|family group conferenc\w*|\bFGCs?\b|"
                          # the reforms' name for early help, and the workers who give it
                          r"family help|intensive family support|family support (?:workers?|services?|teams?)|"
                          r"reunification|reunified|rehabilitat\w* (?:back )?home|"
                          r"step[- ]?downs? (?:from residential|to (?:early help|universal|family|foster|home))|"
                          r"(?:return\w*|go|goes|going|went|moved?|back) (?:back )?home to (?:their |his |her )?"
                          r"(?:parents?|famil\w+|birth famil\w+)|"
                          r"(?:remain|stay|live|living) safely (?:at home|with their famil\w+)|"
                          r"(?:prevent\w*|avoid\w*|reduc\w*) (?:the need for )?(?:children |them |young people )?(?:from |to )?"
                          r"(?:becoming looked after|coming into care|come into care|entering care|needing to come into care)|"
                          r"supporting families (?:programme|outcomes|framework)|troubled families|families first for children|"
                          r"families first (?:reforms?|programme|pathfinder)|parenting (?:support|programmes?)",
    # the places families go for that help: a part of family support that questions ask about by name
    Topic.FAMILY_HUBS: r"family hubs?|children'?s cent(?:re|er)s?|family cent(?:re|er)s?|(?:best )?start for life|"
                       r"sure ?start",
    # the oversight of each child's care plan: the independent reviewing officer, looked after reviews on time
    Topic.REVIEWS: r"\bIROs?\b|independent reviewing (?:officers?|service|team)|reviewing officers?|"
                   r"(?:looked after|child(?:ren)? in care|cared for|\bcla|\blac) (?:(?:children|child|young people)['’]?s? )?"
                   r"(?:statutory )?reviews?|care plan reviews?|"
                   r"reviews? of (?:their |the |each |a )?(?:child'?s |children'?s )?care plans?|"
                   r"(?<!ehcp )(?<!annual )(?<!send )reviews? (?:were |was |are |is )?"
                   r"(?:held |completed |undertaken |taking place )?(?:with)?in (?:statutory )?timescales?|midway reviews?|"
                   r"care plans? (?:are |were |is |was )?(?:reviewed|scrutini[sz]ed|challenged)",
    # how many children are in care, and how many come in and leave: "the number of children looked after has risen",
    # "our cared for population", "a rate of 68 per 10,000", "children entering care", "ceased to be looked after"
    Topic.CARE_POPULATION: r"numbers? of (?:our )?(?:(?:cared for|looked after) (?:children|young people)|"
                           r"(?:children|young people)(?: and young people)? (?:in (?:our )?care|looked after|"
                           r"we care for|cared for|who are looked after)|"
                           # the acronym counted, not a count of some of them ("number of LAC flagged")
                           r"(?:cla|lac|cic)\b(?= (?:has|have|had|is|was|were|are|stands?|stood|rose|fell|grew|increas|"
                           r"decreas|reduc|remain|continu|dropped|in \w+ (?:is|was|has)\b)|\s*[|:(,.]|$))\b"
                           r"(?! (?:proceedings|who|with|living|receiving|attending|that|placed|missing|by|offending|"
                           # a placement's or a school's count: "Number of cared for children in internal foster care"
                           r"in (?:internal|external|in-house|foster|residential|kinship|connected|semi|supported|"
                           r"independent|education|school)))|"
                           r"(?:cared for|looked after|in care|\bcla|\blac|\bcic) (?:children )?(?:population|numbers)|"
                           r"(?:increase|rise|rising|growth|reduction|decrease|fall|drop|reduc\w*) in (?:the )?(?:numbers? of )?"
                           r"(?:children (?:in care|looked after)|looked after children|cared for children|"
                           r"children we care for|cla\b|lac\b)(?! (?:attending|missing|placed|with|who))|"
                           # not the day a clock starts ("days between entering care and moving in with adopters",
                           # "health assessments within 20 days of coming into care", "when a child first comes into
                           # care", "a dental check on entering care"), a child's own story ("why they came into care") or
                           # whom a service is for ("placement sufficiency for children entering care")
                           r"(?<!between )(?<!from )(?<!of )(?<!first )(?<!recently )(?<!they )(?<!he )(?<!she )(?<!you )"
                           r"(?<!for children )(?<!for young people )(?<!for a child )(?<!for kids )(?<!of a child )"
                           r"(?<!from a child )(?<!when a child )(?<!when children )(?<!upon )(?<!on )(?<!after )"
                           r"(?<!since )(?<!at )(?<!before )(?<!prior to )"
                           r"(?:entering|enter|entered|enters|coming into|come into|came into|comes into|"
                           r"admissions? (?:in)?to|entrants? (?:in)?to|entr(?:y|ies) (?:in)?to) care\b"
                           r"(?! (?:proceedings|homes?|leavers?|plans?|orders?))|"
                           r"(?<!first )(?<!recently )(?:became|become|becoming|becomes|start\w* to be|ceas\w* to be) "
                           r"(?:looked after|cared for)|"
                           r"(?:exit\w*|discharged? from) care\b|"
                           r"(?:enter|entering|coming into|come into) (?:and|or) (?:leave|leaving) care|"
                           # "Children looked after rate 71.2 per 10,000": a decimal point is not a sentence's end
                           r"(?:looked after|in care(?! proceedings)|cared for|\bcla|\blac)\b(?:[^.]|\.\d){0,40}per 10,?000|"
                           r"per 10,?000(?:[^.]|\.\d){0,25}(?:looked after|in care|cared for|\bcla\b|\blac\b)|"
                           r"(?:we|council) (?:currently )?(?:have|had|looks? after|looked after|cares? for|are caring for) "
                           r"\d[\d,]* (?:cared for |looked after )?children\b(?! (?:on|open|in receipt|waiting|with|who))",
    # how leaders know how good practice is: audits of casework, quality assurance, moderation of practice, practice
    # weeks, the quality of practice; not the council's accounts (a bare "audit" or dip sample is `_SAID_WITH`) or an
    # inspection team's "Quality assurance manager: ..." (adults' services' quality assurance is weighed down at search)
    Topic.QUALITY_ASSURANCE: r"quality assur\w+\b(?! (?:managers?|officers?|leads?|inspectors?)\b(?:\s*:| (?:was|is)\b))|"
                             r"(?:case(?: file)?|casework|practice|thematic|themed|child journey|dip[- ]sample|"
                             r"multi-agency case|collaborative case) audit(?:s|ing)?\b(?! committee)|"
                             r"moderat(?:ion|ed|ing) (?:of )?(?:\w+ ){0,3}?(?:audits?|practice|cases)|"
                             r"practice (?:weeks?|learning days?)\b|quality of (?:social work |their |our |the )?practice\b",
    # the leaving care service's work with each care leaver: pathway plans, personal advisers, keeping in touch (a
    # bare "PA" beside a care leaver is `_SAID_WITH`; the local offer is what care leavers are offered, housing,
    # money and travel, which a question about it reaches by its words: as this topic it lost them to pathway plans)
    Topic.LEAVING_CARE: r"pathway plan\w*|personal advis[eo]rs?|leaving care (?:teams?|services?|workers?|grants?|"
                        r"allowances?|support)|after-?care (?:workers?|teams?|services?)|setting up home (?:allowance|grant)|"
                        r"(?:in touch|contact) with (?:[\w%]+ ){0,4}?care leavers",
    # the council as the parent of the children it looks after: corporate parents and parenting, its boards and
    # panels, the pledge or promises it makes to children in care
    Topic.CORPORATE_PARENTING: r"corporate parent\w*|(?:children in care|looked after children'?s?|children looked after|"
                               r"care leavers?'?|cared for children'?s?|our|council'?s) pledges?\b|"
                               r"(?:pledges?|promises?) (?:to|for) (?:our |the |its )?(?:children|young people|care leavers|"
                               r"cared for|looked after)",
    # demand on children's social care: contacts, referrals and re-referrals into it (their numbers, the front door and
    # the MASH beside children's social care's words are `_SAID_WITH`); not referrals to CAMHS, MARAC or adults'
    Topic.REFERRALS: rf"re-?referr(?:als?|ed)\b|contacts and referrals\b|(?:contacts?|referrals?) (?:made |received |"
                     rf"coming )?(?:in)?to (?:the )?(?:{_CSC}|local authority|early help|mash)|"
                     rf"demand (?:for|on|in|at|within|across) (?!(?:\w+ ){{0,3}}?adults?\b)(?:\w+ ){{0,3}}?{_CSC}|"
                     rf"(?<!adult )(?<!adults )(?<!adults' ){_CSC} demand|"
                     # how many contacts and referrals it takes, in a line that names it, not CAMHS, MARAC or the LADO
                     r"^(?!.*\b(?:camhs|mental health|nrm|national referral|marac|mase|channel|prevent|lado|"
                     r"designated officer|adults?)\b)"
                     rf"(?=.*\b(?:{_CSC}|front[- ]door|mash|safeguarding hub|early help|child protection)\b).*?"
                     r"\b(?:(?:number|numbers|volume|volumes|rate|rates|level|levels) of (?:contacts|referrals)|"
                     r"(?:contacts|referrals) (?:have |has )?(?:increased|risen|rose|fallen|fell|decreased|reduced)|"
                     r"(?:increase|rise|rising|growth|reduction|decrease|fall|surge|spike) in (?:the )?(?:number of )?"
                     r"(?:contacts|referrals))\b",
}
# Searched in lower-cased text with lower-cased patterns: twice as fast as re.I, which folds case per character.
# (The rules hold no upper-case escape such as \W or \B, which lower-casing would change.)
assert not any(re.search(r"\\[A-Z]", p) for p in _RULES.values())


def _first_char_led(pattern: str) -> str:
    r"""`\bx` as `x(?<!\wx)`, the same test: a pattern whose alternatives all begin with a character is scanned for
    those characters in C, while a leading `\b` makes the engine try every position (topics 2.3x faster)."""
    return re.sub(r"\\b([a-z0-9])", r"\1(?<!\\w\1)", pattern)


_COMPILED = {t: re.compile(_first_char_led(p.lower())) for t, p in _RULES.items()}
# Words one of which every alternative of a long rule holds: a statement with none of them is not searched (a
# substring test in C; these rules had become the slowest, 0.2 s per 40,000 statements each). Keep in step with
# the rules: tests/test_topics.py checks each alternative against its gate.
GATES: dict[Topic, tuple[str, ...]] = {
    Topic.PLACEMENT_STABILITY: ("placement", "move", "stability", "bouncing", "disrupt", "breakdown", "ending",
                                "changes of", "changes in"),
    Topic.OUT_OF_AREA: ("out of", "out-of", "outside", "miles", "close", "county", "borough", "local", "distance",
                        "away from", "authority", "far "),
    Topic.YOUTH_JUSTICE: ("youth", "yot", "yos", "yjs", "offend", "entrant", "criminal", "hmyoi", "secure training"),
    Topic.FAMILY_TIME: ("famil", "contact", "parents", "sibling", "brother", "sister", "see "),
    Topic.QUALITY_ASSURANCE: ("quality", "audit", "moderat", "practice"),
    Topic.REFERRALS: ("referr", "contact", "demand"),
    Topic.CORPORATE_PARENTING: ("corporate", "pledge", "promise"),
    Topic.LEAVING_CARE: ("pathway", "advis", "care", "setting up home"),
    Topic.PARTICIPATION: ("voice", "participation", "council", "cicc", "review", "advoca", "consultation", "co-produc",
                          "forum", "wishes", "views", "listened", "heard", "say", "visitor", "developed", "designed",
                          "shaped", "involv", "contributed", "feedback", "mind of my own", "momo", "youth", "young ",
                          "takeover", "bright spots", "leavers", "consulted", "asked", "rights month", "co-chair",
                          "cochair"),
}

# teenagers, care leavers and children in care by their names: beside "children" or "young people", what the youth
# justice and family time qualifiers below count as a child
_YOUNG_OR_IN_CARE = r"teenage\w*|adolescen\w*|care leavers?|looked after|cared for|in care|cla|lac|cic"

# what an audit of other than casework is called: "internal audit", "the Governance and Audit Committee"
_NOT_CASEWORK = ("internal", "external", "financial", "energy", "equality", "equalities", "access", "accessibility",
                 "safety", "carbon", "governance and", "governance &", "risk and", "head of")

# A word that names a topic only beside words of what the topic is about: "social workers" are the workforce where a
# statement speaks of recruiting, keeping, allocating or paying them, their posts and caseloads; "Social workers know
# their children well" is practice, as half the statements naming them are (word, needs one of).
_SAID_WITH: dict[Topic, tuple[re.Pattern[str], re.Pattern[str]]] = {
    # what children's placements cost: a part of finance, which also holds every other line of a council's budget
    Topic.PLACEMENT_COSTS: (
        # not a student's fees: "care leavers going to university and help with tuition fees", college or exam fees
        re.compile(r"\b(?:costs?|costly|expensive|pric(?:ey|ier|iest)|spend\w*|overspe\w*|underspe\w*|budgets?|prices?|"
                   r"(?<!tuition )(?<!course )(?<!university )(?<!college )(?<!student )(?<!exam )fees?|expenditure|"
                   r"pressures?|forecast\w*|savings?)\b|£\s?\d"),
        # not SEND's "High Needs placements", a school's, an education or a work placement; not a care leaver's own money
        # ("help to manage their budgets", "up to £2,000 for setting up home"): 36 statements of the shared corpus
        re.compile(r"\b(?:(?<!high needs )(?<!school )(?<!sen )(?<!send )(?<!work )(?<!college )(?<!education )placements?|"
                   r"residential|children'?s homes?|foster\w*|looked after|cared for|in care|cla|lac|"
                   r"ifas?|semi-independent|supported accommodation|uasc)\b")),
    # children's say in their care and services: not adults' services "co-produced with people with lived experience"
    # or "shifting control to the person and their families",
    # "participation in consultations is self-selecting", "UK participation in culture" or young people's participation
    # in education (NEET)
    Topic.PARTICIPATION: (
        re.compile(r"\bparticipation\b(?! (?:in|rates?|of \d|of young people in) (?:education|learning|employment|"
                   r"training|post-16|sport|physical|culture))|\bco-?produc\w*"),
        re.compile(r"\b(?:child\w*|young (?:people|person)|youth|care leavers?|care experienced|cared for|looked after|"
                   r"in care|cla|lac|cic|(?<!their )famil\w*|parents?|pupils?|school\w*|pathway plans?|local offer|"
                   r"have your say)\b")),
    # a child's offences, arrests and convictions: not a trader's, a driver's or a domestic abuse perpetrator's
    Topic.YOUTH_JUSTICE: (
        re.compile(r"(?<!adult )\b(?:offen(?:ces?|ding|ders?|ded)|re-?offend\w*|convict(?:ed|ions?)|sentenced|"
                   r"arrest(?:s|ed)?|in (?:police )?custody|police cells?|custodial|remand(?:s|ed)?|on remand|"
                   r"criminal records?\b(?! (?:checks?|bureau|disclosures?))|criminal justice|(?<!family )justice system)\b"),
        re.compile(rf"\b(?:child(?:ren)?\b(?! (?:sexual|criminal) exploitation)|young (?:people|person|adults?)|youth|"
                   rf"{_YOUNG_OR_IN_CARE}|care[- ]experienced|juveniles?)\b")),
    # keeping in touch and time with their families: a child's, not a care home resident's or the staff's
    Topic.FAMILY_TIME: (
        re.compile(r"\b(?:(?:keep|keeps|keeping|kept|stay|staying) in touch with (?:their |his |her )?(?:birth )?"
                   r"(?:famil\w*|parents?|siblings?|brothers?|sisters?)|contact plans?|"
                   r"(?:(?:relationships?|links?|connections?|time) with|connected to) "
                   r"(?:(?:their |his |her )(?:birth )?|birth )(?:famil\w*|parents|siblings|brothers and sisters))\b"),
        re.compile(rf"\b(?:child(?:ren)?|young (?:people|person)|{_YOUNG_OR_IN_CARE}|foster\w*|adopt\w*|sons?|"
                   r"daughters?)\b")),
    # an audit of casework, not of the council's accounts: "leaders recognise that audits are over-optimistic", not
    # "subject to the District Council audits" or "the Governance and Audit Committee"
    Topic.QUALITY_ASSURANCE: (
        # (led by its word, and the accounts looked for only after it: a statement-wide test first cost 1.2 s per
        # 40,000 statements)
        re.compile("(?:audit" + "".join(f"(?<!{w} audit)" for w in _NOT_CASEWORK) + r"(?<![a-z]audit)(?:s|ed|ing|ors?)?\b"
                   r"(?! (?:and governance|& governance|and risk|committee|fees?|letter|commission|office|wales|scotland)\b)"
                   r"|dip[- ]sampl\w+(?<![a-z]dip sampl)(?<![a-z]dip-sampl))"
                   r"(?!.*\b(?:accounts|unqualified|financial statements|value for money|(?:audit|annual) opinion)\b)"),
        re.compile(r"\b(?:child\w*|young (?:people|person)|famil\w*|practice|cases?|case files?|casework|social work\w*|"
                   r"care leavers?|safeguard\w*|placements?|foster\w*|adopt\w*|leaders?|managers?|quality|learning|"
                   r"supervision|inspect\w*|lscb|thresholds?)\b")),
    # a care leaver's personal adviser by the initials ("PAs keep in touch with care leavers"), not a sum "per annum"
    Topic.LEAVING_CARE: (
        re.compile(r"pa(?<![a-z0-9]pa)(?<![\d£k] pa)s?\b(?! ?\d)"),
        re.compile(r"\b(?:care leavers?|leaving care|young (?:people|person|adults?)|pathway)\b")),
    # the front door and the MASH of children's social care, not a "digital front door" to adults' care, a fostering
    # service's front door or SEND's "Multi-Agency Specialist Hub sites"
    Topic.REFERRALS: (
        # (each alternative led by its word: a rule led by look-behinds is tried at every character)
        re.compile(r"front(?<![a-z]front)(?<!digital front)[- ]door\b(?! (?:to the fostering|(?:is |was |are |were )?"
                   r"(?:locked|open|opened|closed|keys?|bell|step)))|"
                   r"mash(?<![a-z]mash)(?<!adult mash)(?<!adults mash)(?<!adults' mash)\b(?! sites?)|"
                   r"multi-agency(?<![a-z]multi-agency)(?<!adult multi-agency)(?<!adults multi-agency) safeguarding hub"),
        re.compile(r"\b(?:child\w*|young (?:people|person)|famil\w*|safeguard\w*|referr\w*|contacts?|threshold\w*|"
                   r"social work\w*|strategy|assessments?|workers?|practitioners|police)\b")),
    # a hotel as somewhere a young person lives or waits, not a business told about exploitation ("taxi firms and
    # hotels") or the Home Office's asylum hotels
    Topic.HOMELESSNESS: (
        re.compile(r"\bhotels?\b"),
        re.compile(r"\b(?:liv(?:e|es|ed|ing)|housed|housing|stay\w*|placed|accommodat\w*|end(?:s|ed)? up|use of|used|"
                   r"wait\w*|unsuitable|unsafe|overnight|care leavers?)\b")),
    Topic.WORKFORCE: (
        # not a foster carer's supervising social worker: "carers value the support and training of their supervising
        # social workers" is fostering's support offer
        re.compile(r"(?<!supervising )\bsocial workers?\b"),
        re.compile(r"\b(?:recruit\w*|retain\w*|retention|allocat\w*|unallocated|\d+ cases|cases (?:each|per)|"
                   r"number of cases|supervision(?! orders?)|training|trained|trainees?|apprentic\w*|students?|"
                   r"permanent|interim|locums?|agency|posts|post holders?|establishment|vacan\w*|sickness|"
                   r"leav(?:e|es|ing)(?! care)|turnover|changes? (?:of|in) (?:their )?social workers?|consistent|"
                   r"same social worker|stable|workloads?|capacity|staffing|pay|salar\w*|market supplements?|academy|"
                   r"frontline|step up|shortages?|not enough|too few|lack of|quit\w*|newly qualified|qualified|"
                   r"numbers? of social workers|morale|temporary)\b")),
}

# Topics that are a part of another, which questions ask about on their own (search votes among the part alone).
PARTS: dict[Topic, Topic] = {
    Topic.STAYING_PUT: Topic.ACCOMMODATION, Topic.HOMELESSNESS: Topic.ACCOMMODATION, Topic.KINSHIP: Topic.PERMANENCE,
    Topic.EMOTIONAL: Topic.HEALTH, Topic.PLACEMENT_COSTS: Topic.FINANCE, Topic.FAMILY_HUBS: Topic.FAMILY_SUPPORT,
}

# Acronyms and jargon → the words papers also use for them (nlp/data/vocabulary.yaml).
JARGON: dict[str, str] = jargon()
CAPITALS_ONLY = capitals_only()  # acronyms that are also everyday words ("HE", "he")
READ_AS_PRINTED = CAPITALS_ONLY | also_verbs()  # ... or verbs ("SEND", "send them"): read by `acronyms_said`
ASKED: dict[str, str] = asked()
ASKED_ABOUT_CHILDREN: dict[str, str] = asked_about_children()
ASKED_ABOUT_CARE: dict[str, str] = asked_about_care()
SPELLINGS = spellings()
# A question about children (or their placements), where looser plain words may name a topic or its terms.
CHILDREN = re.compile(r"\b(?:child|children|young (?:people|person)|kids|teenagers?|pupils?|care leavers?|"
                      r"placements?|foster\w*|looked after|in care|cared for|cla|lac|cic|uasc)\b")


# A question about a child in foster or other care (not a care leaver), where "after 18" means staying put.
IN_CARE = re.compile(r"\b(?:foster\w*|carers?|in care|looked after|cared for|cla|lac|cic)\b")


# a quote mark, not an apostrophe inside a word ("children's"); a plural's ("carers' views") goes too, as the rules
# read that apostrophe as optional
_UNQUOTED = re.compile(r"[\"\u201c\u201d]|(?<![a-z0-9])'|'(?![a-z])")


def topics_of(text: str) -> list[Topic]:
    """The rules' topics of `text`; a part's whole comes with it ("hostels" is homelessness and accommodation). The
    rules are written with a plain apostrophe; Ofsted and most councils print a typographic one ("children’s homes").
    Quote marks go: papers quote their terms ("a plan to 'step down' to foster care", "'Staying Put'")."""
    low = _UNQUOTED.sub("", plain_apostrophes(text.lower()))
    found = [t for t, p in _COMPILED.items() if (t not in GATES or any(g in low for g in GATES[t])) and p.search(low)]
    found += [t for t, (word, needs) in _SAID_WITH.items() if t not in found and word.search(low) and needs.search(low)]
    return found + [w for w in dict.fromkeys(PARTS.get(t) for t in found) if w is not None and w not in found]


def title_parts(title: str | None) -> list[Topic]:
    """The parts of a topic a paper's title names ("Seashells and Millmead Family Hub Consultation", "Staying Close
    Pilot"), which each of its statements takes: residents' comments that "Seashells has health clinics" never say
    "family hub". Only parts: a title naming a broad topic does not make each line about it (every statement of a family
    hubs consultation as family support cost early help questions recall@30, probes 5, 8 and 20)."""
    return [t for t in topics_of(title or "") if t in PARTS]


def parse_topic(name: str) -> Topic | None:
    key = name.strip().lower().replace(" ", "_").replace("-", "_")
    return next((t for t in Topic if t.value == key or t.name.lower() == key or t.value.startswith(key)), None)


_STOP_TEXT = ("a an and are as at be by for from has have in is it its of on or our said that the their this to was "
              "were what which who with about how did does do not he she his her him they them we us you your my me")
STOPWORDS = frozenset(_STOP_TEXT.split(" "))


@lru_cache(maxsize=4096)
def _said(key: str) -> re.Pattern[str]:
    return re.compile(r"\b" + r"s?\s+".join(map(re.escape, key.split())) + r"s?\b")


@lru_cache(maxsize=4096)
def _printed(form: str) -> re.Pattern[str]:
    return re.compile(r"\b" + r"\W+".join(map(re.escape, form.split())) + r"(?:s|es)?\b")


def _within(span: tuple[int, int], terms: list[tuple[int, int]]) -> bool:
    return any(a <= span[0] and span[1] <= b and b - a > span[1] - span[0] for a, b in terms)


def expand_query(query: str) -> list[str]:
    """The query's content words plus the spelled-out forms of any jargon in it, and the acronym of any
    spelled-out form ("not in education, employment or training" also finds "NEET")."""
    return list(_expanded(query))


@lru_cache(maxsize=1024)
def _expanded(query: str) -> tuple[str, ...]:
    """Remembered: a search expands its query three times (keywords, `why`, highlighting), each a pass over the
    whole jargon list."""
    low = query.lower()
    words = re.findall(r"[a-z0-9]+", low)
    plain = (ASKED, ASKED_ABOUT_CHILDREN) if CHILDREN.search(low) else (ASKED,)
    if IN_CARE.search(low):
        plain += (ASKED_ABOUT_CARE,)
    # each word in the plural too: "PEPs", "personal education plans", "return home interviews", "he turns 18"
    jargon = {k: m for k in JARGON if k not in READ_AS_PRINTED and (m := _said(k).search(low))}
    extra = [JARGON[k] for k in jargon]
    # a plain word inside a term the question says is that term's: "leaving care" in "children entering and leaving
    # care" is children ceasing to be looked after, not care leavers
    terms = [m.span() for m in jargon.values()]
    extra += [v for table in plain for k, v in table.items()
              if k not in READ_AS_PRINTED and (m := _said(k).search(low)) and not _within(m.span(), terms)]
    said = acronyms_said(query)
    extra += [JARGON[k] for k in said if k in READ_AS_PRINTED]  # "HE", not "he"; "SEND", not "send them"
    # such a word not read as its acronym is the pronoun or the verb, which says nothing of the subject
    words = [w for w in words if w not in READ_AS_PRINTED or w in said]
    # a printed form inside a longer term the query says is that term's word: "private fostering" is not
    # "fostering" (foster carers)
    spelled = [k for k, v in JARGON.items()
               if k not in CAPITALS_ONLY and (m := _printed(v).search(low)) and not _within(m.span(), terms)]
    expanded = words + [w for phrase in extra for w in phrase.split()] + [w for k in spelled for w in k.split()]
    # every spelling of a word the question says; a spaced form is searched as a phrase ("well being")
    expanded += [form for said, forms in SPELLINGS if said.search(low) for form in forms]
    return tuple(w for w in dict.fromkeys(expanded) if w not in STOPWORDS)
