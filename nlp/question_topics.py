"""The topics a question names, in the words people ask with as well as the words papers print.

A researcher asks "grandparents bringing up children", "getting into trouble with the police", "spending more
than planned on placements"; the papers say kinship care, offending, overspend. The topic rules (nlp/topics.py) tag
statements and stay as precise as papers need; these patterns only read questions, so a plain word that would be too
loose for a statement ("money", "staff") can name a topic here, where it picks which topic votes in search.
"""

from __future__ import annotations

import re
from functools import lru_cache

from nlp.topics import CHILDREN, PARTS, Topic, topics_of
from nlp.vocabulary import acronyms_said, plain_apostrophes, vocabulary

_NOWHERE = (r"nowhere (?:safe )?(?:else )?to (?:live|stay|go)|sofa|couch[- ]?surf\w*|without (?:a )?home\b|"
            r"rough sleep|sleeping rough|homeless|"
            r"no fixed (?:address|abode)|b ?& ?bs?\b|bed and breakfasts?|hotels?\b|"
            r"(?:emergency|temporary|unsafe) (?:\w+ )?(?:housing|accommodation)|evict\w*")
# what may follow "how many children in care" when they are what is counted ("... in Kent", "... does Kent have")
_COUNT_ENDS = (r" *(?:$|\?|in\b|at\b|by\b|across|now|today|this\b|last\b|since|compared|nationally|locally|and|does|"
               r"do|are there|is there")
_ASKED: dict[Topic, str] = {
    Topic.NEET: r"out of (?:work|a job)|(?:into|find|get|finding|getting) (?:a )?(?:work|jobs?)\b|unemploy|careers?\b|"
                # "care leavers who are not working or studying", "not in work or education"
                r"(?:not|neither) (?:in )?(?:work|working|a job|employed|employment|studying|education|training)\b"
                r"[\w, ]{0,20}\b(?:or|nor) (?:in )?(?:work|working|a job|employed|employment|studying|study|education|"
                r"training|college)\b"
                r"|care leavers?'? covenant",
    # how many children are in care: "more children needing to be looked after", "how many kids are in care"
    Topic.CARE_POPULATION: r"(?:more|fewer|extra|additional|rising|increasing|growing) (?:numbers? of )?(?:children|young people|"
                           r"kids) (?:needing|needs?|coming|entering|being taken|taken|going|who (?:need|come|are taken))"
                           r"(?: to be| to come)?(?: into| in)? (?:care|looked after|cared for)\b|"
                           r"(?:rising|increasing|growing|falling) (?:numbers? of )?(?:children|kids) (?:in care|looked after)|"
                           # counted, not a count of those who do something: "how many children in care commit offences"
                           r"how many (?:children|kids|young people) (?:are )?(?:in care|looked after|cared for)"
                           rf"(?={_COUNT_ENDS}))|"
                           rf"how many (?:looked after|cared for) (?:children|young people)(?={_COUNT_ENDS}|did))|"
                           r"how many (?:\w+ ){0,2}(?:children|kids|young people) (?:left|entered|enter|entering|"
                           r"came into|come into|coming into|ceased to be in) care|"
                           r"how many (?:children|kids|young people) (?:does|do|did) (?:\w+ ){1,3}look after|"
                           r"(?:children|kids) (?:taken|going|brought) into care|numbers in care\b",
    Topic.PLACEMENT_STABILITY: r"(?:mov|chang)\w* (?:from |between |of |in )?(?:one |a )?"  # "moved from one home to another"
                               r"(?:home(?! care| to school| help)|house|homes|carers?|placements?|foster|where they live)|"
                               r"how many (?:homes|placements|moves|carers)|"
                               r"stable (?:homes?|placements?)|settled (?:homes?|placements?)|bounc\w* (?:around|between)|"
                               r"long[- ]term (?:foster|match|placement|carers?|home)"
                               r"|\b(?:3|three)(?:\+|-?plus)? (?:or more )?(?:placement )?moves\b"
                               r"|disruption meetings?|stability indicators?|(?:short|long)[- ]term stability"
                               r"|unplanned endings?|(?:arrangements?|placements?) disrupt\w*",
    # nowhere suitable to live is also accommodation: such a question votes among both
    Topic.HOMELESSNESS: _NOWHERE,
    Topic.ACCOMMODATION: _NOWHERE + r"|(?:somewhere|place|places) (?:safe )?to (?:live|stay)|"
                         r"roof over|live independently|housing|tenanc|flats?\b|accommodation|living arrangements|"
                         r"where (?:do|does|did|will|can|should|are|is) (?:[\w']+ ){1,4}(?:live|stay)\b"
                         r"|unregulated (?:settings|accommodation|provision)"
                         r"|southwark judge?ment|supported provision",
    Topic.FOSTERING: r"(?:people|families|households|carers|more|new)\b[\w ]{0,20}\bto foster|fosterers|"
                     r"becom\w* (?:a )?foster|foster famil|"
                     r"(?:not enough|shortage of|lack of|too few|more) (?:local )?(?:foster|fostering)\b"
                     # "how many new carers were approved at panel", "enquiries to approvals"
                     r"|(?:foster )?carers (?:were |are |being )?approved|approv\w* (?:as )?(?:new )?foster carers"
                     r"|foster parents?|(?:carers|fosterers|foster parents) (?:resign|quit|leav)\w*|"
                     r"retain\w* (?:approved |our |existing )?(?:foster )?carers|approved carers"
                     r"|form f\b|deregistrations? of (?:approved )?(?:households|carers)|fostering allowances?|"
                     r"national minimum allowance|approved (?:foster )?households|(?:mainstream|connected) applicants|"
                     r"enquir\w* to approvals?",
    Topic.RESIDENTIAL: r"(?:own|run|running|opens?|opening) (?:\w+ )?(?:children'?s )?homes\b|care homes? for children"
                       r"|solo placements?|bespoke (?:placements?|packages?)|(?:kids'?|group) homes?\b|"
                       r"(?:£ ?[\d,]+|[\d,]+ pounds) (?:a|per) week placements?"
                       r"|competition and markets authority|market sufficiency"
                       r"|\bcma\b|market study|unregistered (?:places|provision|homes|settings|placements)|"
                       r"section 22g|sufficiency duty|regional care co-?operatives?",
    # "OOA placements", "children placed miles away outside the county", "living a long way from their home area"
    Topic.OUT_OF_AREA: r"out[- ]of[- ](?:area|county|borough|authority)|ooa\b|(?:20|twenty)\+? miles|miles (?:away|from)|"
                       r"distant placements?|far (?:away )?from (?:their |his |her )?(?:own )?(?:home|famil|communit)|"
                       r"long way from|outside (?:the |their )?(?:county|borough|council area|local authority|home area)|"
                       # where children are placed, not "how does Kent compare to other areas" or "support close to home"
                       r"(?:placed|placements?|living|live|homes?|children|kids|young people) (?:[\w']+ ){0,3}"
                       r"(?:(?:in|into|to) other (?:council |local authority )?areas|(?:close|closer|near) to (?:their )?home)",
    Topic.UASC: r"arriv\w* (?:(?:in|to) (?:the uk|england|britain|this country) )?(?:alone|on their own|without)|"
                r"(?:alone|unaccompanied) (?:in|to) (?:the uk|england|this country)|"
                r"(?:came|come|comes|coming) (?:to (?:the uk|england|britain|this country) )?"
                r"(?:alone|on their own|by themselves|without (?:their )?(?:parents|family|families|an adult))|"
                r"migrant children|small boats?|channel crossings?|crossed the channel|age assess"
                r"|lone children|leave to remain|immigration status"
                r"|age disputes?|(?:came|come|coming|crossed|crossing) (?:across )?the channel|arriv\w* from abroad|"
                r"all rights exhausted|illegal migration act",
    Topic.HEALTH: r"check-?ups?|doctors?|\bgps?\b|nurses?|teeth|medical|well-?being|jabs|vaccin|opticians?|eye tests?",
    Topic.EMOTIONAL: r"mental|counsell|strengths and difficulties",
    Topic.WORKFORCE: r"\bstaff|hiring|locums?"
                     # "how many families does each practitioner hold", "Frontline and Step Up trainees"
                     r"|(?:children|families|cases) (?:does|do|did) each (?:practitioner|worker|social worker)|"
                     r"each (?:practitioner|worker) (?:holds?|carries|has)\b|step up to social work|"
                     r"frontline (?:and|or) step up|trainee social workers?|agency (?:rules|pay)\b"
                     r"|workloads?|market supplements?|hard[- ]to[- ]fill|(?:keep|keeps|kept) the same (?:social )?worker"
                     r"|each (?:social )?worker (?:is )?responsible|(?:posts|jobs) (?:are )?(?:empty|vacant|unfilled)|"
                     r"(?:empty|unfilled|vacant) posts",
    Topic.PERMANENCE: r"forever famil|permanent (?:home|famil)|matched with (?:new|adoptive|forever) (?:parents|famil)",
    Topic.KINSHIP: r"grandparents?|grandmothers?|grandfathers?|grandchild\w*|(?<!birth )relatives?|aunts?|"
                   r"uncles?|extended family|"
                   r"wider family|family members|family and friends|connected (?:carers?|persons?)",
    Topic.COURT: r"courts?\b|judges?|legal (?:action|proceedings|orders?)|(?:taken|take|taking) (?:\w+ )?into care|"
                 r"removed from (?:their )?(?:parents|famil)"
                 r"|legal gateway|gateway panel|supervision orders?"
                 r"|interim (?:care )?orders?|placement with parents|letters? before proceedings|pre-proceedings"
                 r"|(?:within|over|exceed\w*|beyond|longer than|more than) 26 weeks"
                 r"|\bs ?31\b|section 31\b|threshold decisions?|family justice\b|care cases\b"
                 r"|26[- ]weeks? (?:timescale|limit|target)",
    Topic.EDUCATION: r"exams?\b|grades|college|qualifications|\bschool(?:s|ing)?\b|learning|pupils?"
                     r"|\bks ?[1-5]\b"
                     r"|progress ?8\b|attainment ?8\b"
                     r"|\bepeps?\b|designated teachers?",
    Topic.EXPLOITATION: r"exploit\w*|groom\w*|(?<!domestic )(?<!substance )(?<!alcohol )abus\w*|"
                        r"traffick\w*|(?<!trouble with the )(?<!trouble with )police(?! (?:attention|contact|records?))|"
                        r"criminals\b|criminal (?:gangs?|networks?|groups?)|"
                        r"gangs?\b|drugs?\b|run(?:ning)? away|runaway|disappear|"
                        r"locked up|deprived of (?:their )?liberty|"
                        r"missing\b(?! (?:data|information|out)\b)|"  # "reported missing", not "missing data"
                        r"whereabouts|unauthori[sz]ed absen\w*|absen\w* (?:from (?:their )?(?:home|placement|care)|"
                        r"without (?:permission|authori[sz]ation))"
                        r"|philomena"
                        r"|\bmace\b|\bnrm\b|national referral mechanism|contextual safeguarding",
    # children in trouble with the law: offending, youth justice, first-time entrants (the looser words, a crime, prison
    # or the police, only in a question about children); not children exploited "for crime" (exploitation's)
    Topic.YOUTH_JUSTICE: r"offend\w*|re-?offend\w*|young offenders?|youth justice|youth offending|first[- ]time entrants?|"
                         r"\bcriminali[sz]\w*",
    # how good practice is and how leaders know it: "case audits", "quality assurance of social work" (a bare audit
    # only in a question about children: "what did the auditors say about the council's finances" is not)
    Topic.QUALITY_ASSURANCE: r"quality assur\w*|quality of (?:social work |the )?(?:practice|social work)|"
                             r"practice quality|how good is (?:the )?social work|"
                             r"(?:case|casework|case file|practice|social work) audit\w*|"
                             r"audits? of (?:\w+ ){0,3}?(?:practice|cases|case files|social work|casework)",
    # demand on children's social care: "how many referrals does the front door get"; not a question on what demand
    # costs ("overspend caused by rising demand for children's social care" asks of the money)
    Topic.REFERRALS: r"re-?referr\w*|(?<!digital )front[- ]door|mash\b|"
                     r"(?:contacts?|referrals?)(?: (?:made|coming|received))? (?:in)?to (?:children'?s )?(?:social care|"
                     r"services|social work|social services|csc)|"
                     r"^(?!.*\b(?:overspe\w*|spend\w*|costs?|budgets?|deficits?|financ\w*|money|funding|pressures?|"
                     r"adults?)\b).*?\bdemand (?:for|on|in) (?:children'?s )?(?:social care|services|social work|"
                     r"social services)",
    # "how often do children in care see their parents", "brothers and sisters placed together"
    Topic.FAMILY_TIME: r"family time|siblings? (?:contact|together|apart|placed|relationships?)|brothers and sisters|"
                       r"(?:see|sees|seeing|meet\w*) (?:their|his|her) (?:birth )?(?:mums?|dads?|mothers?|"
                       r"fathers?|parents|family|families|brothers?|sisters?|siblings?)|"
                       r"contact with (?:their )?(?:birth )?(?:famil\w*|parents|mums?|dads?|siblings)|"
                       r"(?:keep\w*|stay\w*) in touch with (?:their )?(?:birth )?(?:famil\w*|parents|siblings)|"
                       r"birth (?:famil\w*|parents|mums?|dads?|mothers?|fathers?)",
    # not "money help for care leavers" or "financial support for families": help given, not the council's books
    Topic.FINANCE: r"(?:over)?spen[dt]\w*(?! (?:in|with|at|living)\b)|"
                   r"over ?budget|money(?! (?:help|support|advice)\b)|afford|\bcost\w*|prices?\b|"
                   r"expensive|financ(?!ial)\w*|financial(?! (?:help|support|advice)\b)|"
                   r"paying|"
                   r"budgets?\b|(?<!attention )deficit|in the red\b"
                   r"|section 251|outturn"
                   r"|invest to save|demand (?:growth|pressures?)"
                   r"|inflationary uplifts?|fee (?:increases|uplifts?)|how much of (?:the )?council tax",
    Topic.PARTICIPATION: r"listen\w* to|(?:a|their) say\b|\bviews\b|opinions?|speak up|heard\b|"
                         r"involv\w* in (?:decisions|plans)|(?:help|helps|helping) (?:to )?(?:shape|design) |"
                         r"(?:take|takes|taking|took) part in (?:their )?(?:own )?(?:care )?"
                         r"(?:reviews?|meetings?|plans?|decisions)|"
                         r"what (?:children|young people|kids|care leavers|teenagers) "
                         r"(?:say|said|think|thought|want|tell|told)\b|"
                         r"(?:children|young people)'?s'? voices?\b|consult\w* (?:with )?(?:children|young people)"
                         r"|mind of my own|total respect|young inspectors?"
                         r"|bright spots|what (?:do|did|does) (?:children|young people|kids|care leavers|teenagers)\b"
                         r"[\w ]{0,20}\b(?:say|think|want|tell)\b",
    Topic.FAMILY_SUPPORT: r"famil\w* together|stay\w* (?:at home )?with (?:their )?(?:parents|famil)|"
                          r"(?:go|going|goes|went|back) (?:back )?home\b(?! interview)|"
                          r"(?:go|going|goes|went|return\w*|back) (?:back )?to (?:live with )?(?:their )?(?:parents|famil)|"
                          r"before problems|early (?:support|help)|family centres?|children'?s centres?|"
                          r"family support\b|(?:help|support) for (?:parents|families)\b|"
                          r"(?:parents|families) (?:can |could |to )?(?:get|find|ask for) (?:help|support|advice)(?! with)|"
                          r"parenting (?:support|programmes?|classes|courses|groups?)|"
                          r"(?:not|never|avoid\w*|stop\w*|prevent\w*)\b[\w ]{0,25}\b(?:come|coming|go|going|taken) into care"
                          r"|family safeguarding|start for life|multi-?systemic therapy|family group decision[- ]making"
                          r"|section 17\b|no wrong door|one[- ]stop (?:centres?|shops?) for famil|"
                          r"before (?:children|a child|they) (?:are|is) (?:taken|come|coming) into care",
    # "help for parents with young children at local centres", "one-stop centres for family support"
    Topic.FAMILY_HUBS: r"(?:children'?s|family|local|community|one[- ]stop|family support|early help|parenting) "
                       r"cent(?:re|er)s?\b|"
                       r"one[- ]stop shops? for famil",
    Topic.REVIEWS: r"reviewing officers?|reviews? of (?:[\w']+ ){0,3}care plans?|"
                   r"care plans? (?:[\w']+ ){0,2}(?:reviewed|followed|checked)|oversight of (?:[\w']+ ){0,2}care plans?"
                   # "reviews held on time", "pathway plan reviews", "quality assurance of care planning"
                   r"|(?<!ehcp )(?<!annual )reviews? (?:were |are |being )?held (?:on time|in time|late|within)|"
                   r"pathway plans? reviews?|reviews? of (?:the |their )?pathway plans?|(?<!social )care planning"
                   r"|first reviews? within|\birs\b|independent reviewing service"
                   r"|independent chairs?|practice alerts?|midway (?:monitoring|reviews?)",
}
_HOSTELS = r"hostels?\b|shared (?:houses?|housing|flats?)|bedsits?\b"
# "sufficiency of placements", "placement sufficiency": enough foster and residential homes for the children who need
# them (a council's duty), not school, nursery, childcare or housing sufficiency; a question naming one kind of home asks
# of that kind only
_SUFFICIENCY = r"(?!.*\b(?:schools?|pupils?|nurser\w*|childcare|early years|housing)\b).*?\bsufficiency\b"
_SHORT_OF_PLACES = (r"(?:not enough|shortage of|lack of|too few|insufficient) (?:local )?(?:places|beds|placements)\b"
                    r"(?!.*\b(?:schools?|pupils?|nurser\w*|hospitals?|mental health|clubs?|holidays?)\b)")
# Words loose enough to mean something else in other council business ("financial stability", "staff feelings",
# "tell us what you think about bin collections"): they name a topic only in a question about children.
_ABOUT_CHILDREN: dict[Topic, str] = {
    Topic.FAMILY_HUBS: r"(?<!mockingbird )(?<!retention )hubs?\b",  # "now children's centres have become hubs"
    Topic.QUALITY_ASSURANCE: r"(?<!internal )(?<!external )audit\w*(?! (?:and governance|committee|of (?:the )?accounts|fees?))",
    # the council as a parent: "councillors' responsibilities towards children in care", "the promises the council
    # makes to children in care"
    Topic.CORPORATE_PARENTING: r"councillors?\b|elected members?\b|lead members?\b|promises?\b|pledges?\b|"
                               r"(?:duty|duties|responsibilit\w+) (?:to|towards|for) (?:the )?(?:children|young people|"
                               r"care leavers|looked after|cared for)",
    Topic.PLACEMENT_STABILITY: r"how (?:settled|stable)\b|"
                               # "moved to a new foster home", "lived in three or more places in a year"
                               r"mov\w* (?:in)?to (?:a )?(?:new|different|another) (?:foster )?"
                               r"(?:home|house|placement|carers?|famil)|"
                               r"(?:(?:three|3|two|2|four|4) or more|(?:three|3|four|4)(?:\+|-?plus)|several|multiple|lots of|"
                               r"a number of|different) "
                               r"(?:different )?(?:foster )?(?:places|homes|moves|placements|carers)\b|"
                               r"(?<!financial )(?<!market )(?<!workforce )stability\b"
                               r"(?! of (?:the )?(?:workforce|staff|market|econom|financ|council))|"
                               r"settled\b(?! status)|moved around|keep (?:on )?(?:being )?mov|"
                               r"unplanned (?:endings?|moves?)|"
                               r"end\w* (?:without being planned|unexpectedly|in an unplanned|abruptly|suddenly)|"
                               r"abrupt\w* (?:endings?|moves?)|"
                               r"(?:end\w*|stopp\w*|moved) at short notice|(?:gave|give|gives|giving|given) notice\b|"
                               # "foster placements that break down", not "a breakdown of the budget"
                               r"(?:break|breaks|breaking|broke|broken) down\b(?! (?:of|by|into)\b)|"
                               r"breakdowns? (?:of|in) (?:their |the |a )?(?:placements?|foster)|"
                               # "stayed in the same home for a long time", "with one foster family for years"
                               r"(?:stay\w*|lived|living|remain\w*) (?:in|with|at) (?:the same|one) "
                               r"(?:foster )?(?:(?:home|house|placement|carers?)\b|famil)"
                               r"|mov\w* (?:three|3|four|4|several|many|multiple)(?:\+|-?plus| plus)? (?:or more )?times|"
                               r"(?:fall|falls|falling|fell) apart|"
                               r"(?:three|four|five|six|3|4|5|6) different (?:foster )?(?:places|homes|placements|carers)",
    # "care leavers who end up in hostels or shared houses", not a planning question on houses in multiple occupation
    Topic.HOMELESSNESS: _HOSTELS,
    # leaving care at 18, not a pupil's or a disabled young person's move to adult services
    Topic.ACCOMMODATION: _HOSTELS + r"|lodgings\b|liv(?:e|es|ing) (?:nearby|near by|close by)\b|"
                         r"\bin care\b.{0,60}\b(?:turn|turns|turning|reach\w*) (?:18|eighteen)\b(?! months)|"
                         r"\b(?:turn|turns|turning|reach\w*) (?:18|eighteen)\b(?! months).{0,40}\b(?:in|leav\w*) care\b",
    # "foster carers ... so care leavers can stay on with them", "can our foster son keep living with us after he
    # turns 18"
    Topic.STAYING_PUT: r"foster\w*\b.{0,40}\b(?:stay|stays|staying|remain|remains|remaining) on\b|"
                       r"\b(?:foster\w*|carers?)\b.{0,60}\b(?:(?:turn|turns|turning|reach\w*) (?:18|eighteen)\b"
                       r"(?! months)|(?:after|past|beyond) (?:(?:their|his|her) )?(?:18th birthday|(?:the age of )?"
                       r"(?:18|eighteen)\b(?! months)))",
    # "work experience and job opportunities for care leavers", not the local economy's
    Topic.NEET: r"work experience|job (?:opportunit\w*|offers?|fairs?)|internships?|traineeships?"
                r"|jobless|dropp\w* out of (?:sixth form|college|education|school|university|courses?)"
                r"|no job\b|jobs? support|without (?:a |any )?(?:jobs?|work|employment|training)\b|"
                r"(?:not|neither|without) (?:in )?(?:a )?(?:work|jobs?|employment|education|training)\b[\w, ]{0,20}\b"
                r"(?:or|nor) (?:a |any )?(?:courses?|studying|study|college|training|education)\b|"
                r"(?:training|work) (?:and|or) (?:work|training) schemes?|"
                r"ring-?fenced (?:council )?jobs|work coach",
    # "adults taking advantage of children", not "taking advantage of the new funding"
    Topic.EXPLOITATION: r"tak\w* advantage of (?:children|young people|teenagers|girls|boys|vulnerable)|prey\w* on|"
                        r"targeted by (?:adults|older|gangs)"
                        r"|(?:run|runs|running|ran) off\b|come back after"
                        r"|(?:stay|stays|staying|stayed) out (?:all night|overnight|late)"
                        # adults' Deprivation of Liberty Safeguards are not a child's secure order
                        r"|deprivation of liberty|secure (?:welfare|children'?s homes?|units?)|abscond\w*",
    # "not enough places for children who need to come into care": sufficiency, not school places
    # "residential sufficiency and placement fees": children's homes, not a housing estate or a care home for adults
    Topic.RESIDENTIAL: _SHORT_OF_PLACES + r"|residential\b(?! (?:develop\w*|propert\w*|areas?|roads?|streets?|parking|"
                                          r"schools?|nursing|dwellings?|units?|land|sites?))"
                       r"|^(?!.*\bfoster)" + _SUFFICIENCY,
    Topic.FOSTERING: _SHORT_OF_PLACES + r"(?! in (?:\w+ )?(?:children'?s )?homes)"
                     r"|(?:shortage|lack) of family homes|not enough family homes"
                     r"|famil\w* willing to (?:take|foster|care)"
                     r"|take in (?:children|a child|kids|teenagers)|sign up to (?:look after|care for)"
                     r"|^(?!.*\b(?:residential|children'?s homes?))" + _SUFFICIENCY,
    Topic.YOUTH_JUSTICE: r"(?<!for )\bcrimes?\b|criminal records?\b(?! checks?)|commit\w* (?:crimes?|offences?)|"
                         r"trouble with (?:the )?(?:police|law)|police (?:attention|contact|records?)|arrest\w*|"
                         r"locked up|prisons?\b|custod\w*|remand\w*|(?<!family )justice system|criminal justice",
    Topic.PERMANENCE: r"matching (?:children|a child)\b|permanent foster",
    Topic.COURT: r"litigation|legal costs|26[- ]weeks?\b",
    # "how many care leavers get degrees", not "to a degree" or "a high degree of"
    Topic.EDUCATION: r"(?<!to a )(?<!large )(?<!great )(?<!some )(?<!high )degrees?\b(?! of\b)|graduat\w*|unis?\b|"
                     r"educational (?:achievement|outcomes?|progress|performance)|education plans?\b|"
                     r"persistent(?:ly)? absen"
                     r"|excluded\b|skipping (?:lessons|school|classes)",
    Topic.HEALTH: r"neurodevelopment\w*|\badhd\b",
    Topic.EMOTIONAL: r"emotion\w*|anxi\w*|(?<!and )(?<!, )(?<!& )feelings\b|"
                     r"how (?:\w+ ){0,4}(?:feel|feels|feeling)\b|questionnaires?\b",
    Topic.PARTICIPATION: r"(?:tell|tells|told|telling) us\b|voices?\b|listening\b|advocates?\b|surveys?\b|"
                         r"feedback\b|(?:sit|sits|sitting|sat) on (?:\w+ ){0,2}panels?\b|"
                         r"(?:speak|speaks|speaking|spoke|talk\w*|meet\w*) (?:to |with )?councillors\b|"
                         # "how the council hears from the children in its care"
                         r"(?:hear|hears|hearing|heard) from\b"
                         r"|pledges?\b"  # the pledge children in care help write, and the council keeps
                         r"|tell councillors|youth forums?|complaints? (?:by|from) (?:children|young people)|"
                         r"chair\w* their own|influenc\w* (?:\w+ ){0,2}(?:decisions|services|plans)\b|"
                         # "do children in care get a real say in the decisions made about their lives"
                         r"(?:a|their|any|no|more) (?:real |proper |genuine |meaningful |big |bigger |greater )say\b|"
                         r"decisions (?:made |taken )?about (?:their|his|her) (?:own )?(?:lives|life|care|futures?)\b",
    # "checks that each child's plan is reviewed on time", not "the Local Plan was reviewed"
    Topic.REVIEWS: r"care plans?\b|reviews\b|plans? (?:[\w']+ ){0,2}(?:reviewed|followed|checked)|"
                   # "the independent person who checks each child's plan"
                   r"(?:checks?|checking|oversee\w*|oversight of) (?:\w+ ){0,2}(?:child|children|young (?:person|people))"
                   r"\b[\w' ]{0,15}(?<!ehc )(?<!ehcp )\bplans?\b|"
                   r"independent (?:person|people|officers?|reviewers?)\b(?=.*\b(?:plans?|reviews?|checks?)\b)"
                   r"|attend\w* (?:their |the |a )?(?:own )?(?:looked after |care )?reviews?\b"
                   r"|meetings? (?:to check on|about (?:their|the) (?:own )?future|to look at)|check-?in meetings?|"
                   r"meetings every (?:six|6) months|statutory meetings?",
}
# A question on a part of a topic (topics.PARTS) votes among the part's statements, not the whole's as well, unless it
# also asks about the rest of the whole ("adoption and special guardianship", "health checks and mental health"). A
# part missing here (homelessness) votes beside its whole.
_ALSO_THE_WHOLE: dict[Topic, re.Pattern[str]] = {
    Topic.STAYING_PUT: re.compile(r"\b(?:homeless\w*|hostels?|b ?& ?bs?|hotels?|emergency|sofa|supported accommodation|"
                                  r"housing)\b"),
    Topic.PLACEMENT_COSTS: re.compile(r"\b(?:council tax|reserves|grants?|staff\w*|agency social)\b"),
    Topic.KINSHIP: re.compile(r"\badopt|placement orders?\b|early permanence"),
    Topic.EMOTIONAL: re.compile(r"\b(?:health (?:checks?|assessments?)|dent\w*|teeth|immuni[sz]\w*|vaccin\w*|jabs|"
                                r"doctors?|gps?|medical|nurses?|check-?ups?|physical)\b"),
    Topic.FAMILY_HUBS: re.compile(r"\b(?:early (?:help|support|intervention)|edge of care|into care|keep\w* famil\w*|"
                                  r"famil\w* together|family support|reunif\w*|going home|back home)\b"),
}
# a staying-put question that also asks about fostering itself: finding, approving or keeping carers
_RECRUITING = re.compile(r"\b(?:recruit\w*|approv\w*|retain\w*|retention|sufficien\w*|shortage|more (?:foster )?carers|"
                         r"new (?:foster )?carers)\b")
# a question on demand that also names contacts, referrals or the front door asks of them, beside what they cost
_REFERRED = re.compile(r"\b(?:re-?referr\w*|referr\w*|contacts?|front[- ]door|mash)\b")
_COMPILED = {t: re.compile(rf"\b(?:{p})") for t, p in _ASKED.items()}  # each alternative starts a word
_COMPILED_CHILDREN = {t: re.compile(rf"\b(?:{p})") for t, p in _ABOUT_CHILDREN.items()}


@lru_cache(maxsize=1024)
def question_topics(question: str) -> tuple[Topic, ...]:
    """The topics the rules find in the question, then those its plain words name."""
    low = re.sub(r"^\W+", "", re.sub(r"\s+", " ", plain_apostrophes(question.lower())))  # rules anchored at its start
    found = topics_of(question)
    found += [t for t in topics_of(_spelled_out(question)) if t not in found]
    found += [t for t, p in _COMPILED.items() if t not in found and p.search(low)]
    if CHILDREN.search(low):
        found += [t for t, p in _COMPILED_CHILDREN.items() if t not in found and p.search(low)]
    if Topic.STAYING_PUT in found and Topic.FOSTERING in found and not _RECRUITING.search(low):
        found = [t for t in found if t is not Topic.FOSTERING]  # the carers a young person stays with, not fostering
    if Topic.REFERRALS in found and Topic.FINANCE in found and not _REFERRED.search(low):
        found = [t for t in found if t is not Topic.REFERRALS]  # demand as what drives spending: the money is asked of
    for part, also in _ALSO_THE_WHOLE.items():
        whole = PARTS[part]
        if part in found and not also.search(low):  # the part alone
            found = [t for t in found if t is not whole]
        elif part in found and whole in found:  # the part and the rest of the whole: the whole holds the part
            found = [t for t in found if t is not part]
    return tuple(found)


def _spelled_out(question: str) -> str:
    """The spelled-out forms of the acronyms a question uses, which the rules may know where the acronym they do not
    ("LAC RHIs within 72 hours": return home interviews; "YOS", "SEMH", "RAA")."""
    return " ".join(vocabulary().acronyms[k] for k in acronyms_said(question))
