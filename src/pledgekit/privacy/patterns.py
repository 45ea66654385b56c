"""Patterns and word lists behind the personal-data guard (:mod:`pledgekit.privacy.detect`).

Everything here is data or a pure check: precompiled regular expressions, the check-digit rules of
UK identifiers, and the word lists that tell a child's name from the vocabulary of a performance
report. The word lists lean towards precision: a capitalised word next to a bare count, as in
"Reviews (14)", is only taken for a name when it is a common given name, a surname, or part of a
name shaped like one ("J. Smith").
"""

from __future__ import annotations

import datetime
import re

# --- Check digits -------------------------------------------------------------------------------

# DfE UPN check letters: the remainder modulo 23 indexes this alphabet (no I, O or S).
UPN_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ"


def upn_valid(upn: str) -> bool:
    """True when a 13-character UPN has the right DfE check letter in position 1.

    Digits in positions 2-13 are weighted 2-13; a temporary UPN's final letter counts as its
    index in :data:`UPN_LETTERS`. The weighted sum modulo 23 names the check letter.
    """
    upn = upn.upper()
    total = 0
    for weight, char in enumerate(upn[1:], start=2):
        if char.isdigit():
            total += int(char) * weight
        elif char in UPN_LETTERS:
            total += UPN_LETTERS.index(char) * weight
        else:
            return False
    return UPN_LETTERS[total % 23] == upn[0]


def nhs_check_digit(first_nine: str) -> int | None:
    """The modulus-11 check digit for nine NHS number digits, or None when no digit is valid."""
    total = sum(int(d) * (10 - i) for i, d in enumerate(first_nine))  # weights 10 down to 2
    check = 11 - total % 11
    if check == 11:
        return 0
    return None if check == 10 else check


def nhs_valid(digits: str) -> bool:
    """True for ten digits whose last is the modulus-11 check digit of the first nine."""
    return len(digits) == 10 and nhs_check_digit(digits[:9]) == int(digits[9])


# --- Dates --------------------------------------------------------------------------------------

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_ORD = r"(?:st|nd|rd|th)?"
# A full date (day, month and year) in the spellings commentary uses.
DATE = (
    r"(?:\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})(?![\d/.-]\d)"
    r"|\d{4}-\d{1,2}-\d{1,2}(?!\d)"
    rf"|\d{{1,2}}{_ORD}\s+(?:of\s+)?{_MONTH},?\s+\d{{4}}(?!\d)"
    rf"|{_MONTH}\s+\d{{1,2}}{_ORD},?\s+\d{{4}}(?!\d))"
)
# "born 1 September 2008 to 31 August 2009" defines a cohort, not a child.
_NOT_RANGE = rf"(?!\s*(?:-|–|to|and|until)\s+{DATE}|\s+(?:or|and)\s+(?:later|after|before|earlier))"
_DOB_CUE = (
    r"(?:\bd\.?\s?o\.?\s?b\b\.?|\bdate\s+of\s+birth\b|\bbirth\s*date\b"
    r"|\bborn(?:\s+on)?(?:\s+the)?)"
)
DOB_RE = re.compile(
    rf"{_DOB_CUE}\s*(?:[:=–-]\s*|(?:is|was)\s+)?(?P<date>{DATE}){_NOT_RANGE}", re.IGNORECASE
)

_NUMBER_RE = re.compile(r"\d+")


def current_year() -> int:
    """This year, for judging whether a bare date could be a child's birth date."""
    return datetime.date.today().year


def child_birth_year(date: str, this_year: int | None = None) -> bool:
    """True when a full date's year is 2 to 25 years before ``this_year`` (default: today's).

    Tells a child's or care leaver's birth date from a recent sign-off date next to a name.
    """
    this_year = this_year or current_year()
    numbers = _NUMBER_RE.findall(date)
    long_years = [int(n) for n in numbers if len(n) == 4]
    if long_years:
        year = long_years[0]
    else:  # dd/mm/yy: the latest century that does not put the year in the future
        year = 2000 + int(numbers[-1])
        year -= 100 if year > this_year else 0
    return this_year - 25 <= year <= this_year - 2


# --- Fixed-format identifiers --------------------------------------------------------------------

UPN_RE = re.compile(r"(?<![A-Za-z0-9])[A-HJ-NP-RT-Z]\d{11}[0-9A-HJ-NP-RT-Z](?![A-Za-z0-9])", re.I)
# A UPN-shaped token with a wrong check letter still counts when it is introduced as a UPN.
UPN_CUE_RE = re.compile(r"\b(?:UPN|unique\s+pupil\s+number)s?\b\W{0,3}$", re.I)
# Digit groups split by spaces, hyphens or dots (after detect.normalise: any Unicode space or dash).
NHS_RE = re.compile(r"(?<!\d)(?<!\d[.,])\d{3}(?P<sep>[ .-]?)\d{3}(?P=sep)\d{4}(?![\d%])")
NI_RE = re.compile(
    r"(?<![A-Za-z0-9])(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]"
    r" ?\d{2} ?\d{2} ?\d{2} ?[A-D](?![A-Za-z0-9])",
    re.IGNORECASE,
)
EMAIL_RE = re.compile(
    r"(?<![\w.+'-])[A-Za-z0-9][A-Za-z0-9._%+'-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*"
    r"\.[A-Za-z]{2,}(?![\w-])"
)
_S = r"[ .-]?"
# The ten digits after the trunk 0 (or +44), in the groupings people write them in.
_NSN = (
    rf"(?:[23]\d{_S}\d{{4}}{_S}\d{{4}}|[1237]\d{{2}}{_S}\d{{3}}{_S}\d{{4}}|[17]\d{{3}}{_S}\d{{6}}"
    rf"|[17]\d{{3}}{_S}\d{{3}}{_S}\d{{3}}|1\d{{4}}{_S}\d{{5}})"
)
_BRACKETED = (
    rf"\(0(?:[23]\d\)\s?\d{{4}}{_S}\d{{4}}|[1237]\d{{2}}\)\s?\d{{3}}{_S}\d{{4}}"
    rf"|[17]\d{{3}}\)\s?\d{{6}}|1\d{{4}}\)\s?\d{{5}})"
)
PHONE_RE = re.compile(rf"(?<![\w+/.])(?:(?:\+44\s?(?:\(0\)\s?)?|0){_NSN}|{_BRACKETED})(?![\d/])")
POSTCODE_RE = re.compile(
    r"(?<![A-Za-z0-9])(?:GIR ?0AA|(?:[A-PR-UWYZ]\d\d?|[A-PR-UWYZ][A-HK-Y]\d\d?"
    r"|[A-PR-UWYZ]\d[A-HJKPSTUW]|[A-PR-UWYZ][A-HK-Y]\d[ABEHMNPRV-Y]) ?\d[ABD-HJLNP-UW-Z]{2})"
    r"(?![A-Za-z0-9])",
    re.IGNORECASE,  # "sw1a 1aa" is as much a postcode as "SW1A 1AA"
)

# --- Names next to ages --------------------------------------------------------------------------

_UP = "A-ZÀ-ÖØ-Þ"
_LO = "a-zß-öø-ÿ"
# A name word (Jamie, McDonald, O'Brien, Smith-Jones) or an initial (J.).
_WORD = rf"(?:[{_UP}][{_LO}]+(?:[{_UP}][{_LO}]+)?|[{_UP}]['’][{_UP}][{_LO}]+)(?:-[{_UP}][{_LO}]+)?"
_UNIT = rf"(?:{_WORD}|[{_UP}]\.)"
NAME = rf"(?<![\w'’.-]){_UNIT}(?:(?:\s+|(?<=\.)){_UNIT}){{0,3}}"
NAME_UNIT_RE = re.compile(_UNIT)


def _age(group: str) -> str:
    """An age of one or two digits that is not a percentage, decimal or the start of a range."""
    return (
        rf"(?P<{group}>\d{{1,2}})(?![\d%]|[.,]\d)(?!(?:\s*years?)?\s*(?:[-–]\s*\d|\+|to\s+\d"
        r"|and\s+(?:over|under|above|older|younger|\d)|or\s+(?:over|under|above|older|younger|\d)"
        r"|plus\b))"
    )


_END = r"(?=\s*[,;:)]|\.(?!\d)|\s*$)"  # the age closes its clause: "Kayleigh, 15, was..."
_UNIT_WORDS = r"(?i:years?[- ]old|yrs?(?:[- ]old)?|y\.?o\.?|y/o|year[- ]old)\b"
# Each suffix is a named group; its name tells pii.py how strong the age cue is.
_SUFFIXES = {
    "paren": rf"\s*\(\s*(?P<pcue>(?i:aged?|age:))?\s*{_age('a1')}\s*"
    rf"(?P<punit>(?i:yrs?|years?(?:\s+old)?|y/?o))?\s*\)",
    "aged": rf",?\s+(?:(?i:who\s+is|who\s+was|is|was|now)\s+)?(?i:aged?)\s*:?\s+{_age('a2')}",
    "years": rf",?\s+(?:(?i:who\s+is|who\s+was|is|was|now|an?)\s+)?{_age('a3')}"
    rf"\s*[- ]?{_UNIT_WORDS}",
    "verb": rf",?\s+(?i:who\s+(?:is|was|has\s+turned|turned)|(?:has\s+)?turned|turns|is\s+now)\s+"
    rf"{_age('a4')}"
    rf"(?=\s*[,.;:)]|\s+(?:in|on|last|this|and|but|when|during)\b|\s*$)",
    "comma": rf",\s*{_age('a5')}{_END}",
    "is": rf"\s+(?i:is|was)\s+{_age('a6')}{_END}",
    "dob": rf"\s*\(\s*(?P<dcue>(?i:b\.|born|d\.?o\.?b\.?:?))?\s*(?P<date>{DATE})\s*\)",
}
# Something every suffix above starts with; texts without it skip the costlier name search.
AGE_CUE_RE = re.compile(
    r"(?i)\(\s*(?:[a-z.:]{0,10}\s*)?\d|\bage|,\s*\d|\d\s*[- ]?y|\b(?:is|was|turns?|turned|now)\s+\d"
)
NAME_FIRST_RE = re.compile(
    rf"(?P<name>{NAME})(?:" + "|".join(f"(?P<{k}>{v})" for k, v in _SUFFIXES.items()) + ")"
)
AGE_FIRST_RE = re.compile(
    rf"(?<![\w.])(?:(?i:an?)\s+)?{_age('age')}\s*[- ]?(?i:years?|yrs?)[- ](?i:old)"
    r"(?:\s+(?i:boy|girl|child|young\s+(?:person|man|woman)|care\s+leaver|pupil|teenager))?"
    rf",?\s+(?:(?i:called|named|known\s+as)\s+)?(?P<name>{_UNIT}(?:\s+{_UNIT}){{0,2}})"
)

# --- Word lists (lower case) ---------------------------------------------------------------------


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


FIRST_NAMES = _words(
    """
    aaron adam ahmed aiden albie alex alexander alfie alfred ali amara amelia amira amy anaya
    anna archie aria arjun arthur ashleigh ashton austin ava ayaan ayesha bella ben benjamin
    bethany bilal bobby bradley brandon brooke caitlin caleb callum cameron carter casey
    charley charlie charlotte chantelle chloe christopher chris connor corey courtney daisy
    daniel danielle david declan demi destiny dexter dominic dylan eliza ella ellie elliot
    elliott ellis elsie emily emma esme ethan euan eva evelyn evie ezra fatima felix filip
    finley florence freddie freya gabriel gemma george georgia grace hamza hana hannah harper
    harriet harrison harry harvey hassan henry holly hollie hugo ibrahim imogen isaac isabella
    isla jack jacob jade jake jakub james jamie jasmine jason jay jayden jenson jesse jessica
    jessie jodie jonah jordan jorja joseph josh joshua jude julia kacper kai kayden kayla
    kayleigh keegan keira kelsey kian kieran kiera kirsty kofi kwame kyle lacey laura lauren
    layla leah leanne leo leon lewis liam libby lily lola louie louis luca lucas lucy luke
    luna macy madison maisie marcus maryam mason mateusz matilda matthew max maya megan mia
    michael miles millie mitchell mohammad mohammed molly mollie morgan muhammad nadia nancy
    naomi nathan niamh nico nicole noah oliver olivia ollie omar orla oscar owen paige phoebe
    poppy precious priya reece reggie rhys riley robyn rohan roisin ronnie rory rosie rowan
    ruby ryan safiya sam samuel sarah sasha scarlett sebastian shane shannon sian sienna
    sophia sophie stacey stanley szymon tamara tariq tayla taylor teddy tegan theo tia tiana
    tilly toby tommy toni tristan tyler willow yusuf zach zachary zain zainab zak zara zoe
    zoë zuzanna
    """
)
SURNAMES = _words(
    """
    adams ahmed ali allen anderson bailey baker barker barnes begum bell bennett brown butler
    campbell carter chapman clark clarke collins cook cooper cox davies davis dixon edwards
    ellis evans fisher gray griffiths hall harris harrison harvey hill holmes hughes hunt
    hussain jackson james jenkins johnson jones kelly khan king knight kowalski lee lewis
    lloyd marshall martin mason matthews mensah miller mills mitchell moore morgan morris
    murphy murray nowak okafor osei owen palmer parker patel phillips powell price richards
    richardson roberts robinson rogers russell scott shaw simpson singh smith stevens taylor
    thomas thompson turner walker ward watson webb white wilkinson williams wilson wood wright
    green young foster hall head
    """
)
# Words that open sentences or name things in performance reports; never read as names.
STOPWORDS = _words(
    """
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday
    saturday sunday the a an in on at by for of to from with and but or this that these those
    there their its it we our us they he she his her all some most many few none each every any
    both only also overall however although while whilst since during after before following
    because as so if when where which who what why how total totals including excluding per
    than then now currently previously nationally locally regionally recently last next year
    years quarter quarters month months week weeks day days period yes no not new further
    additional other another one two three four five six seven eight nine ten first second
    third fourth final latest current previous average median mean rate rates number numbers
    figure figures count counts percentage percent proportion target targets actual outturn
    forecast baseline benchmark trend performance data note notes source comment commentary
    update updates action actions status red amber green rag improved declined stable measure
    measures indicator indicators pledge pledges promise promises commitment commitments
    outcome outcomes review reviews placement placements child children young people person
    pupil pupils student students boys girls males females siblings brothers sisters
    teenagers babies youngsters leaver leavers care looked team teams service services council
    councils committee board panel members councillor councillors cllr officer officers
    director directors head heads manager managers lead leads assistant deputy chair cabinet
    portfolio holder school schools academy academies college colleges university virtual
    pathway plan plans planning staying put close leaving independent reviewing iro iros
    social worker workers personal adviser advisers advisor health assessment assessments
    initial dental check checks immunisations visits statutory missing episodes episode return
    interviews adoption adoptions adopted adopters adoptive foster fostering carers carer
    residential homes home kinship connected family families friends parents special
    guardianship orders order court proceedings section part regulation regulations act
    guidance matters framework ofsted inspection judgement outstanding good requires
    inadequate england english national statistical neighbours region regional north south
    east west central greater inner borough county city district metropolitan authority
    authorities local ward wards area areas out within unit hub front door directorate
    department education training employment apprenticeships apprenticeship higher key stage
    grade grades exam exams results attainment attendance absence exclusions suspensions
    persistent sessions term terms autumn spring summer winter easter christmas half pep peps
    emotional wellbeing mental exploitation risk safeguarding protection unaccompanied asylum
    seeking refugees suitable accommodation housing supported lodgings hostel custody secure
    youth justice police nurse nurses doctor clinic dentist hospital caseload caseloads case
    cases audit audits quality assurance recruitment agency agencies budget funding spend
    costs grant premium bursary allowance passport ambition awards event events activities
    participation voice survey feedback bright spots corporate parenting executive summary
    appendix background papers recommendation implications financial legal equality
    diversity conclusion purpose report reports paper table chart graph scorecard dashboard
    see please reason reasons until between under over above below aged age ages everyone
    sector system meeting forum group groups partnership partners provider providers
    commissioning sufficiency strategy programme project pilot scheme practice staff cohort
    cohorts population denominator numerator suppressed small value values comparison
    comparator published provisional validated census trajectory tolerance direction better
    worse similar higher lower increase decrease increased decreased fell rose remained
    remains has have had was were is are be been will would should could might must can did
    interim acting strategic operational principal senior chief governance scrutiny mr mrs ms
    miss dr sir dame lord lady professor reverend request requests referral referrals contact
    contacts entrants entry leavers annual quarterly monthly weekly target met achieved
    kent surrey essex sussex hampshire berkshire buckinghamshire hertfordshire bedfordshire
    cambridgeshire norfolk suffolk lincolnshire yorkshire lancashire cheshire cumbria durham
    northumberland devon cornwall dorset somerset wiltshire gloucestershire oxfordshire
    warwickshire worcestershire herefordshire shropshire staffordshire derbyshire
    nottinghamshire leicestershire northamptonshire rutland birmingham manchester liverpool
    leeds sheffield bristol newcastle nottingham leicester coventry bradford wolverhampton
    plymouth southampton portsmouth brighton hove reading slough luton milton keynes croydon
    bromley barnet ealing enfield hackney haringey harrow havering hillingdon hounslow
    islington camden lambeth lewisham merton newham redbridge richmond southwark sutton tower
    hamlets waltham wandsworth westminster bexley brent greenwich kingston thames reigate
    banstead bracknell wales scotland ireland britain wirral sefton knowsley wigan bolton bury
    oldham rochdale salford stockport tameside trafford calderdale kirklees wakefield barnsley
    doncaster rotherham gateshead sunderland middlesbrough hartlepool stockton darlington halton
    warrington blackpool blackburn york hull medway swindon torbay peterborough southend
    thurrock bournemouth poole telford walsall dudley sandwell solihull derby stoke wight
    example lodge house court road street avenue centre center farm park view grove place
    gardens cottage way lane drive mews award trust foundation charity min
    """
)
