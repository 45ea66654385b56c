"""The one catalogue of finding codes: every code pledgekit can report, in one table.

Each entry gives the stable slug, its default severity, a one-line title, what it means for the
person reading it, and an example message. Checks and readers import the constants below; nothing
registers codes as a side effect. ``docs/findings.md`` is generated from :data:`CATALOGUE`, and the
tests fail on a repeated code or on a catalogued code that no module uses.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Severity(str, Enum):
    """How much a finding matters: errors fail validation, warnings fail it with --strict."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True, slots=True)
class CodeInfo:
    """One row of the catalogue."""

    code: str
    severity: Severity
    title: str
    meaning: str
    example: str

    @property
    def summary(self) -> str:
        """The title, as older callers knew it."""
        return self.title


_TABLE: dict[str, CodeInfo] = {}


def _code(code: str, severity: Severity, title: str, meaning: str, example: str) -> str:
    if code in _TABLE:
        raise ValueError(f"finding code {code!r} is catalogued twice")
    _TABLE[code] = CodeInfo(code, severity, title, meaning, example)
    return code


# --- YAML files: pledge.yaml and meeting.yaml ------------------------------------------------
BAD_YAML = _code(
    "bad-yaml",
    Severity.ERROR,
    "The YAML file cannot be parsed.",
    "The file is not well-formed YAML (a bad indent, an unclosed quote, a tab), so nothing in it "
    "could be read.",
    "pledge.yaml, line 12, column 5: mapping values are not allowed here",
)
UNKNOWN_KEY = _code(
    "unknown-key",
    Severity.ERROR,
    "A key the format does not define (a typo?).",
    "Unknown keys are errors so that a misspelt setting never passes silently.",
    "line 33, column 9: unknown key 'tolerence' in pledges[0].measures[0]; did you mean "
    "'tolerance'?",
)
BAD_DEFINITION = _code(
    "bad-definition",
    Severity.ERROR,
    "A value in the definition has the wrong type or is invalid.",
    "A value in pledge.yaml (or meeting.yaml) is not of the kind the format expects: text where a "
    "number belongs, an unknown polarity, a band without two ends.",
    "line 40, column 17: pledges[1].measures[2].polarity: expected higher, lower, band or none",
)
DUPLICATE_MEASURE = _code(
    "duplicate-measure-id",
    Severity.ERROR,
    "Two measures in the definition share an id.",
    "Every figure is matched to its measure by id, so two measures with one id cannot both be "
    "scored.",
    "line 88, column 15: measure id '2.6' is used twice (first at line 41)",
)

# --- Reading workbooks -----------------------------------------------------------------------
UNREADABLE_FILE = _code(
    "unreadable-file",
    Severity.ERROR,
    "A file that cannot be read at all: missing, not a spreadsheet, or damaged (exit code 2).",
    "Nothing could be read from the file; the other files are still checked.",
    "q2.xlsx: not a spreadsheet pledgekit can read (a damaged or encrypted file?)",
)
MISSING_COLUMN = _code(
    "missing-column",
    Severity.ERROR,
    "A required column is absent; nothing was read from the sheet.",
    "The header row has no column pledgekit recognises as the measure id (or period), so no row "
    "of the sheet can be matched to the Pledge.",
    "q2.xlsx, sheet 'Indicators': no 'measure' column (looked for Measure, Ref, Measure ID, ...)",
)
DUPLICATE_COLUMN = _code(
    "duplicate-column",
    Severity.WARNING,
    "Two columns name the same field; the first one is read.",
    "Two header cells mean the same thing (say 'Value' and 'Actual'); only the first is read.",
    "q2.xlsx, sheet 'Indicators' cell F4: 'Actual' repeats the value column in C4",
)
NOT_A_NUMBER = _code(
    "not-a-number",
    Severity.ERROR,
    "A figure cell holds text that is neither a number nor a known statistical symbol.",
    "The figure is shown as no data rather than guessed at.",
    "q2.xlsx, sheet 'Indicators' cell D9: 'about 40' is not a number",
)
BAD_PERIOD = _code(
    "bad-period",
    Severity.ERROR,
    "A period cell is not a reporting period.",
    "Periods are UK financial-year quarters ('2019-20 Q1', 'Q1 2019/20', a quarter-end date) or "
    "years ('2019-20'); the row cannot be placed in time.",
    "q2.xlsx, sheet 'Indicators' cell B7: 'Spring' is not a period",
)
FORMULA_WITHOUT_VALUE = _code(
    "formula-without-value",
    Severity.WARNING,
    "A formula cell has no saved result (the file was written by a program that does not "
    "calculate); open and save it in Excel or LibreOffice.",
    "pledgekit reads the value a spreadsheet program saved with the formula; there is none.",
    "q2.xlsx, sheet 'Indicators' cell D12: formula =C12/E12 has no saved result",
)
AMBIGUOUS_MEASURE_ID = _code(
    "ambiguous-measure-id",
    Severity.WARNING,
    "A measure id stored as a number matches more than one id in the definition (2.1 or 2.10).",
    "Excel stored the id as a number, which drops a trailing zero; the row was matched to the "
    "shorter id.",
    "q2.xlsx, sheet 'Indicators' cell A14: 2.1 could be measure 2.1 or 2.10",
)
MEASURE_ID_FROM_NUMBER = _code(
    "measure-id-from-number",
    Severity.INFO,
    "A measure id stored as a number (2.1) was matched to the definition's id (2.10).",
    "Said so that the match can be checked.",
    "q2.xlsx, sheet 'Indicators' cell A15: 2.1 read as measure 2.10",
)
MISSING_ID = _code(
    "missing-id",
    Severity.WARNING,
    "A row has figures but no measure id (or pledge, or profile label); it was skipped.",
    "The row's figures cannot be matched to anything, so they are left out.",
    "q2.xlsx, sheet 'Indicators' cell A20: figures but no measure id; the row was skipped",
)
BAD_DATE = _code(
    "bad-date",
    Severity.WARNING,
    "A date cell (an action's milestone, a commitment's due date) is not a date.",
    "The text is kept as written but the date is unknown, so the item cannot be flagged overdue.",
    "q2.xlsx, sheet 'Actions' cell H3: 'end of term' is not a date; expected e.g. 2026-12-31",
)
PERIOD_FROM_TITLE = _code(
    "period-from-title",
    Severity.INFO,
    "Rows without a period cell take the period written above the table.",
    "The sheet has no period column; the period in its title applies to every row.",
    "q2.xlsx, sheet 'Indicators' cell A1: rows take the period 2026-27 Q2 from the title",
)
PERCENT_SCALE_UNCLEAR = _code(
    "percent-scale-unclear",
    Severity.WARNING,
    "A percentage between 0 and 1, not formatted as a percentage, where the measure's other "
    "figures or target are on the 0-100 scale: it may be a fraction (0.36 for 36%).",
    "The figure is read as typed; check whether it should be multiplied by 100.",
    "q2.xlsx, sheet 'Indicators' cell D8: 0.36 for a percentage measure; did you mean 36%?",
)
PERCENT_SIGN_NOT_PERCENTAGE = _code(
    "percent-sign-not-percentage",
    Severity.WARNING,
    "A figure written or formatted as a percentage (36%) for a measure that is a count, rate, "
    "number of days, score or ratio.",
    "Check the measure's unit in pledge.yaml, or write the figure without the % sign.",
    "q2.xlsx, sheet 'Indicators' cell D9: measure CL2 is a count, but the figure is written as "
    "a percentage",
)
TEXT_ENCODING = _code(
    "text-encoding",
    Severity.WARNING,
    "A CSV file is not in UTF-8; it was read in the encoding it was saved in.",
    "Excel's plain 'CSV' on Windows is Windows-1252, and its 'Unicode text' is UTF-16; pledgekit "
    "reads both, and says so, because a wrong guess turns '£' and '–' into nonsense. Saving as "
    "'CSV UTF-8' avoids the question.",
    "q2.csv: read as Windows-1252 (not UTF-8); check that '£' and '–' look right",
)
MIXED_ENCODING = _code(
    "mixed-encoding",
    Severity.ERROR,
    "A CSV file mixes two encodings: some lines are UTF-8, others Windows-1252.",
    "Usually two files pasted together; the lines in the other encoding were read as "
    "Windows-1252, which may be wrong. Re-save the file as 'CSV UTF-8'.",
    "q2.csv, row 14: this line is Windows-1252 where the rest of the file is UTF-8",
)
CONTROL_CHARACTERS = _code(
    "control-characters",
    Severity.WARNING,
    "A cell holds invisible control characters (pasted from Word or another system).",
    "They would break the XML of a workbook or a JUnit report and mean nothing to a reader; a "
    "vertical tab (Word's line break) became a line break, the others were removed.",
    "q2.xlsx, sheet 'Indicators' cell H9: commentary: 1 control character (U+000B) replaced",
)
FOOTNOTE_MARK = _code(
    "footnote-mark",
    Severity.WARNING,
    "A measure id carries a footnote mark (2.6¹, 2.6*, 2.6†); it was read without the mark.",
    "Footnote marks belong in a notes column: the id is matched to the definition without it.",
    "q2.xlsx, sheet 'Indicators' cell A9: '2.6¹' read as measure '2.6'",
)
STRAY_QUOTE = _code(
    "stray-quote",
    Severity.ERROR,
    "A row of a CSV file does not add up: an unclosed quote swallowed the lines after it, or "
    "the row has more or fewer fields than the header.",
    "A quote opens a field that the CSV reader reads until the next quote, so the rows in "
    'between become one cell. Close or remove the quote (write "" for a quote inside a '
    "quoted cell).",
    'q2.csv, row 7: a quote opens a field that runs over 12 lines (to line 19): "Fell because',
)
CSV_FIELD_COUNT = _code(
    "csv-field-count",
    Severity.ERROR,
    "A row of a CSV file has more or fewer fields than its header row.",
    "An unquoted comma in a commentary splits the text into fields the header has no column "
    "for, so the text after it would be lost; a short row leaves columns empty. Quote the text "
    "(Excel does when it saves as CSV), or add the missing fields.",
    "q2.csv, row 7: 8 fields where the header (row 1) has 6: the text from field 7 "
    "(' then recovered') has no column",
)
HIDDEN_SHEET = _code(
    "hidden-sheet",
    Severity.WARNING,
    "The indicator table was read from a hidden sheet.",
    "A hidden (or very hidden) sheet often holds stale or working figures; a visible sheet of "
    "the same name is preferred. Unhide the sheet if it is the one to read.",
    "q2.xlsx, sheet 'Indicators': the sheet is hidden in Excel; its figures were read",
)

# --- Checks: measures and targets ------------------------------------------------------------
UNKNOWN_MEASURE = _code(
    "unknown-measure",
    Severity.ERROR,
    "A measure id the pledge definition does not have.",
    "The row's figures belong to no measure of the Pledge and are left out of the scorecard.",
    "q2.xlsx, sheet 'Indicators' cell A30: measure '9.9' is not in pledge.yaml",
)
DUPLICATE_OBSERVATION = _code(
    "duplicate-observation",
    Severity.ERROR,
    "The same measure, period (and area) appears on two rows.",
    "Two figures for one measure and period: which one is right cannot be told.",
    "q2.xlsx, sheet 'Indicators' row 18: measure 2.6 for 2026-27 Q2 also on row 12",
)
# core21: figures across files
CONFLICTING_FIGURES = _code(
    "conflicting-figures",
    Severity.ERROR,
    "Two files give different figures for the same measure, period (and area).",
    "Which file is right cannot be told, so neither figure is rated (the measure shows '?' for "
    "that period, with the commentary of the file whose name sorts first) until the files agree. "
    "The result is the same whatever order the files are given in.",
    "q2.xlsx, sheet 'Indicators' cell C3: measure 1.2 for 2019-20 Q2 is 8 (8 of 100) here but "
    "30 (30 of 100) in q2-revised.xlsx, sheet 'Indicators' cell C2; neither figure is rated",
)
MISSING_MEASURE = _code(
    "missing-measure",
    Severity.WARNING,
    "A measure of the definition has no figure for the reporting period.",
    "The measure will show as no data in the scorecard and the report.",
    "q2.xlsx, sheet 'Indicators': measure 4.3 has no figure for 2026-27 Q2",
)
TARGET_MISSING = _code(
    "target-missing",
    Severity.WARNING,
    "A rated measure has no target for the reporting period, so it cannot be rated.",
    "Set the target in pledge.yaml (per year if it changes) or in a Target column.",
    "pledge.yaml: measure 3.1 has no target for 2026-27",
)

# --- Checks: figures and their units ---------------------------------------------------------
PERCENT_OUT_OF_RANGE = _code(
    "percent-out-of-range",
    Severity.ERROR,
    "A percentage below 0 or above 100.",
    "No share of children can be outside 0 to 100%.",
    "q2.xlsx, sheet 'Indicators' cell D9: 112% is above 100%",
)
NEGATIVE_COUNT = _code(
    "negative-count",
    Severity.ERROR,
    "A count (or a numerator or denominator) below zero.",
    "A number of children cannot be negative.",
    "q2.xlsx, sheet 'Indicators' cell E9: numerator -3 is below zero",
)
COUNT_NOT_WHOLE = _code(
    "count-not-whole",
    Severity.WARNING,
    "A count of children that is not a whole number.",
    "Often a percentage typed into a count column.",
    "q2.xlsx, sheet 'Indicators' cell D11: a count of 12.5",
)
VALUE_OUT_OF_RANGE = _code(
    "value-out-of-range",
    Severity.ERROR,
    "A figure impossible for its unit, such as negative days or a negative rate.",
    "The figure cannot be right for its unit.",
    "q2.xlsx, sheet 'Indicators' cell D13: -4 days",
)
SUPPRESSED_AT_SOURCE = _code(
    "suppressed-at-source",
    Severity.INFO,
    "The figure was suppressed in the source (c, *, <5); it will show as suppressed.",
    "The source hid the figure; pledgekit keeps it hidden.",
    "q2.xlsx, sheet 'Indicators' cell D16: 'c' (suppressed at source)",
)
NOT_AVAILABLE = _code(
    "not-available",
    Severity.INFO,
    "The figure is marked not available (x, .., :) or n/a (z).",
    "The measure will show as no data, or not applicable, with the symbol explained.",
    "q2.xlsx, sheet 'Indicators' cell D17: 'x' (not available)",
)
LOW_RELIABILITY = _code(
    "low-reliability",
    Severity.INFO,
    "The figure is flagged u (low reliability).",
    "The figure is used, and the flag is kept beside it.",
    "q2.xlsx, sheet 'Indicators' cell D18: '41.2 u' (low reliability)",
)
WILL_BE_SUPPRESSED = _code(
    "will-be-suppressed",
    Severity.INFO,
    "A small number: the figure will be shown as suppressed in published output.",
    "Counts below the threshold (default 5), and rates resting on them, are hidden in every "
    "output so that no child can be identified.",
    "q2.xlsx, sheet 'Indicators' cell E19: a count below 5 will show as suppressed",
)
SUPPRESSED_FIGURE_DERIVABLE = _code(
    "suppressed-figure-derivable",
    Severity.WARNING,
    "A figure suppressed in the source can be worked out from its group's other figures.",
    "The source shows the total of a part_of group and enough parts to give the hidden figure "
    "back by subtraction; pledgekit hides more in its output, but the source itself leaks it.",
    "q2.xlsx, sheet 'Indicators' cell D21: measure 3.4 for 2025-26 Q2 is suppressed in the "
    "source, but its group's other figures give it back",
)

# --- Checks: ratios --------------------------------------------------------------------------
NUMERATOR_EXCEEDS_DENOMINATOR = _code(
    "numerator-exceeds-denominator",
    Severity.ERROR,
    "A percentage's numerator is larger than its denominator.",
    "More children met the measure than were counted: the two columns may be swapped.",
    "q2.xlsx, sheet 'Indicators' cell E9: numerator 52 exceeds denominator 48",
)
ZERO_DENOMINATOR = _code(
    "zero-denominator",
    Severity.ERROR,
    "A denominator of zero under a numerator or value.",
    "A rate out of no children cannot be worked out.",
    "q2.xlsx, sheet 'Indicators' cell F9: denominator 0",
)
ZERO_OF_ZERO = _code(
    "zero-of-zero",
    Severity.WARNING,
    "A numerator and denominator of 0: a figure over nobody.",
    "0 of 0 is not a rate of zero but no figure at all, and the scorecard shows it as no data. "
    "When there was nobody to count, write z (not applicable) in the value, numerator and "
    "denominator so the paper says so; otherwise fill in the real figures.",
    "q2.xlsx, sheet 'Indicators' cell E9: measure 1.2 for 2019-20 Q2 is 0 of 0",
)
VALUE_DISAGREES_WITH_RATIO = _code(
    "value-disagrees-with-ratio",
    Severity.ERROR,
    "The value is not numerator / denominator (x 100 for a percentage), even allowing for "
    "rounding.",
    "The value and its numerator and denominator tell different stories; one of them is wrong.",
    "q2.xlsx, sheet 'Indicators' cell D9: 71.8% but 30 / 48 is 62.5%",
)

# --- Checks: commentary, periods and areas ---------------------------------------------------
MISSING_COMMENTARY_FOR_RED = _code(
    "missing-commentary-for-red",
    Severity.ERROR,
    "A measure rated red for the reporting period has no commentary saying why and what is done.",
    "Every red measure in a committee paper must say why it is red and what is being done.",
    "q2.xlsx, sheet 'Indicators' cell H22: measure 4.5 is red with no commentary",
)
PERIOD_IN_FUTURE = _code(
    "period-in-future",
    Severity.WARNING,
    "A period later than the one most measures report (often a typo in the year or quarter).",
    "Judged against the data, never the clock, so a re-run gives the same answer any day.",
    "q2.xlsx, sheet 'Indicators' cell B25: 2029-30 Q2 is after the reporting period 2026-27 Q2",
)
INCONSISTENT_AREA = _code(
    "inconsistent-area",
    Severity.WARNING,
    "Some rows name an area and others do not, or one area is spelled in more than one way.",
    "Rows may be counted under the wrong council.",
    "areas.xlsx, sheet 'Indicators': 'Example Borough' and 'example  borough' name one area",
)
HOME_AREA_MISSING = _code(
    "home-area-missing",
    Severity.ERROR,
    "The workbook has several areas and none is known to be this council's.",
    "Set `area:` in pledge.yaml so the council's own rows can be told from its comparators.",
    "areas.xlsx: 12 areas and no 'area:' in pledge.yaml",
)
EMPTY_WORKBOOK = _code(
    "empty-workbook",
    Severity.ERROR,
    "A workbook with no indicator rows at all.",
    "Nothing was found to score; the wrong sheet or file may have been given.",
    "q2.xlsx, sheet 'Indicators': no indicator rows",
)

# --- Published benchmarks: DfE data files, statistical neighbours, the reference pack --------
PUBLISHED_FILE_UNREADABLE = _code(
    "published-file-unreadable",
    Severity.ERROR,
    "A published data file or neighbour table named in pledge.yaml is missing or unreadable.",
    "Paths in `published:` and `benchmarks:` are relative to pledge.yaml; the file must be a "
    "DfE Explore Education Statistics CSV (or DfE's statistical-neighbour table).",
    "pledge.yaml, line 40, column 17: published file data/la_cla.csv: file not found",
)
PUBLISHED_COLUMN_MISSING = _code(
    "published-column-missing",
    Severity.ERROR,
    "A column named in a measure's `published:` entry is not in the data file.",
    "Filter and indicator columns must be named exactly as in the file's header.",
    "pledge.yaml, line 42, column 13: column 'children_percentage' is not in la_cla.csv; did you "
    "mean 'children_percent'?",
)
PUBLISHED_NO_MATCH = _code(
    "published-no-match",
    Severity.ERROR,
    "A filter value in a measure's `published:` entry matches no row of the data file.",
    "The filter picks the measure's rows; a value that is not in the file (a typo, or a label "
    "DfE has changed) would leave the measure without benchmarks.",
    "pledge.yaml, line 41, column 21: no row has cla_group 'CLA at 31 March' in la_cla.csv; did "
    "you mean 'CLA on 31 March'?",
)
PUBLISHED_AMBIGUOUS = _code(
    "published-ambiguous",
    Severity.ERROR,
    "A measure's `published:` filters pick more than one row for an area and year.",
    "DfE's files hold many breakdowns (ages, genders, placement types); without a filter on each "
    "the figure taken would be one of several at random, so the measure is left out until the "
    "filter is added.",
    "pledge.yaml, line 41, column 11: measure 3.1: the filters pick more than one row of "
    "la_cla.csv for Home (E06000901) in 2025 (12 extra rows in all); add a filter on age_group "
    "('Under 1', '1 to 4', 'Total')",
)
PUBLISHED_AREA_MISSING = _code(
    "published-area-missing",
    Severity.ERROR,
    "The council, or a statistical neighbour, is not found in the published files.",
    "`area:` in pledge.yaml must be the council's new LA code (E06...) or old three-digit code "
    "as the published files write it, and each neighbour must be a council the files cover.",
    "pledge.yaml, line 2, column 7: area 'E06000994' has no 'Local authority' rows in "
    "la_cla.csv; did you mean 'E06000049'?",
)
PUBLISHED_DUPLICATE_COLUMN = _code(
    "published-duplicate-column",
    Severity.WARNING,
    "A published data file's header names a column twice.",
    "Only the first of the two columns is read; where a measure names that column the figure "
    "taken may be the wrong one, so check the file against DfE's.",
    "la_cla.csv, line 1: column 'children_count' appears twice; the first is used",
)
PUBLISHED_BAD_FIGURE = _code(
    "published-bad-figure",
    Severity.WARNING,
    "A published figure cannot be right: negative, a percentage over 100, or a numerator above "
    "its denominator.",
    "Such a figure is left out of ranks, averages and significance (never ranked best), and "
    "counted; the file may have been edited or damaged.",
    "la_cla.csv, line 812: measure 3.1: Northbridge 2025: 900 of 400; left out",
)
PUBLISHED_BAD_YEAR = _code(
    "published-bad-year",
    Severity.WARNING,
    "Rows of a published data file have a time_period that is not a year.",
    "A year is written 2025 or 202425; rows with anything else are not read, and counted here "
    "so that none are dropped without a word.",
    "la_cla.csv, line 40: measure 3.1: 3 rows with a time_period that is not a year ('2025Q1')",
)
NEIGHBOUR_REPEATED = _code(
    "neighbour-repeated",
    Severity.WARNING,
    "A council is listed twice among the statistical neighbours (or as its own neighbour).",
    "Each neighbour counts once in the neighbours' average; the repeat is left out.",
    "pledge.yaml, line 20, column 15: neighbour 'E09000970' is listed twice; counted once",
)
INPUT_REPEATED = _code(
    "input-repeated",
    Severity.WARNING,
    "The same file is given twice on the command line.",
    "It is read once; reading it twice would report every row as its own duplicate.",
    "q2.xlsx: given twice (also as ./q2.xlsx); read once",
)
REFERENCE_MISMATCH = _code(
    "reference-mismatch",
    Severity.WARNING,
    "A measure's reference names a reference-pack measure of another unit or polarity.",
    "The same figure read the other way round shows a measure red while on target; a figure in "
    "another unit is no comparator, so the pack's England figure is then not used.",
    "pledge.yaml, line 35, column 20: measure 3.1 (NI 62) has polarity 'lower' in reference pack "
    "'dfe-2025' but 'higher' here",
)

# --- SSDA903 files (read903): reading the council's children looked after return -------------
_NO_VALUE = "A finding names the file, row and column, never the value (the files are child-level)."
SSDA903_UNKNOWN_TABLE = _code(
    "records-unknown-table",
    Severity.ERROR,
    "A file among the SSDA903 files is not one of the return's tables.",
    "Each 903 table is known by its set of columns. This file's columns match none of them, so "
    "nothing in it is counted; the message lists its 903 column names and the table it is "
    "closest to.",
    "903/extra.csv: not an SSDA903 table: its columns CHILD, DECOM, RNE, LS are closest to "
    "Episodes (missing CIN, PLACE, DEC, REC, ...)",
)
SSDA903_MISSING_COLUMNS = _code(
    "records-missing-columns",
    Severity.ERROR,
    "An SSDA903 table lacks some of its columns.",
    "The file is recognisably one of the 903 tables but some columns are missing, so the table "
    "is not used and the measures that need it are not computed.",
    "903/episodes.csv: the Episodes table lacks DEC, REC",
)
SSDA903_BAD_DATE = _code(
    "records-bad-date",
    Severity.ERROR,
    "Dates in an SSDA903 table that do not parse as dd/mm/yyyy (or yyyy-mm-dd).",
    "The rows are kept and count wherever the rule does not need the date. " + _NO_VALUE,
    "903/episodes.csv, row 14, DEC: 3 dates do not parse as dd/mm/yyyy (rows 14, 90, 311)",
)
SSDA903_BAD_CODE = _code(
    "records-bad-code",
    Severity.WARNING,
    "Codes in an SSDA903 table that are not among the return's codes.",
    "A legal status, reason for new episode, reason ceased, placement type, care leaver code or "
    "0/1 flag that the 903 guidance does not define: the row is kept and the rules treat the "
    "code as not matching any category. " + _NO_VALUE,
    "903/episodes.csv, row 7, LS: 2 codes are not SSDA903 legal statuses (rows 7, 31)",
)
SSDA903_YEAR_UNKNOWN = _code(
    "records-year-unknown",
    Severity.ERROR,
    "The collection year of SSDA903 files cannot be told.",
    "A file's year comes from --file-year, a year in its name or folder (2024-25, 202425), or "
    "its episodes' dates; a file with none of these is not used rather than guessed.",
    "903/oc2.csv: the collection year is not known (no episodes beside it, no year in its name); "
    "give --file-year 903/oc2.csv=2024-25",
)
SSDA903_DUPLICATE_TABLE = _code(
    "records-duplicate-table",
    Severity.ERROR,
    "Two files give the same SSDA903 table for one year.",
    "Only the first is used: which file wins is never guessed silently.",
    "903/b/episodes.csv: a second Episodes table for 2024-25 (the first is 903/a/episodes.csv)",
)
SSDA903_YEAR_MISMATCH = _code(
    "records-year-mismatch",
    Severity.WARNING,
    "A file's name gives one collection year and its episodes' dates another.",
    "The year in the name (or --file-year) is used; the dates suggest the file is another "
    "year's return or a rebuild with episodes after the year's end.",
    "903/2023-24/episodes.csv: named 2023-24, but its episodes run past 31 March 2024",
)
SSDA903_MISSING_TABLE = _code(
    "records-missing-table",
    Severity.WARNING,
    "A measure cannot be computed: a table or an earlier year's files are missing.",
    "The figure is left out (never guessed); the message names the table or year it needs.",
    "2024-25: health-assessment cannot be computed without the OC2 table",
)
SSDA903_DISCLOSURE_BY_DIFFERENCE = _code(
    "records-disclosure-by-difference",
    Severity.WARNING,
    "Two published figures would let a reader subtract down to 1-5 children.",
    "A quarter beside the year (or year to date, or rolling year) holding it differ by 1 to 5: "
    "the longer period's figure is suppressed too, as DfE's convention asks.",
    "cla-started: 2024-25 (year to date) and 2024-25 Q4 differ by 1 to 5 children; the year to "
    "date is shown as c",
)
SSDA903_DIFFERS_FROM_PUBLISHED = _code(
    "records-differs-from-published",
    Severity.INFO,
    "A figure computed from the 903 files differs from DfE's published figure.",
    "For a past year the two agree unless records were amended since DfE's snapshot.",
    "cla-number 2023-24: computed 412, published 409 (records amended since DfE's snapshot)",
)

# --- SSDA903 files (records903): structure that stops a count -------------------------------
SSDA903_DEC_BEFORE_DECOM = _code(
    "records-dec-before-decom",
    Severity.ERROR,
    "An SSDA903 episode ends (DEC) before it starts (DECOM).",
    "The episode cannot be placed in time, so who was looked after when, and every measure "
    "over episodes, may be wrong until the dates are corrected. " + _NO_VALUE,
    "903/2024-25/episodes.csv, row 41, DEC: the episode ends before it starts (DECOM) in 1 row "
    "(41)",
)
SSDA903_OVERLAPPING_EPISODES = _code(
    "records-overlapping-episodes",
    Severity.ERROR,
    "A child's SSDA903 episodes overlap in one year's file.",
    "A child is in one episode at a time: an episode that starts before the previous one ends "
    "(or while it is still open) makes placement counts and stability wrong. " + _NO_VALUE,
    "903/2024-25/episodes.csv, row 88, DECOM: the episode starts before the child's previous "
    "episode ends in 2 rows (88, 130)",
)
SSDA903_EPISODE_MISSING_NEXT_YEAR = _code(
    "records-episode-missing-next-year",
    Severity.WARNING,
    "An episode open at one year's end is not in the next year's SSDA903 file.",
    "Each year's file holds every episode open during the year with its real start date, so an "
    "episode still open on 31 March should appear again, with the same DECOM, the next year. "
    "The later file wins (history was amended); measures over several years use it. " + _NO_VALUE,
    "903/2023-24/episodes.csv, row 12, DECOM: an episode open at the end of 2023-24 is not in "
    "2024-25's file in 3 rows (12, 57, 90)",
)
SSDA903_OC2_OUTSIDE_COHORT = _code(
    "records-oc2-outside-cohort",
    Severity.WARNING,
    "OC2 rows for children who were not looked after for the whole year.",
    "OC2 (health and offending outcomes) is returned for children looked after continuously for "
    "12 months at 31 March; rows of other children (and of children whose only episodes are "
    "short breaks) are ignored by the measures. " + _NO_VALUE,
    "903/2024-25/oc2.csv, row 5, CHILD: the child was not looked after for the whole of 2024-25 "
    "(the row is ignored) in 4 rows (5, 9, 17, 30)",
)

# --- Personal data ---------------------------------------------------------------------------
_PII = "Committee papers are public: output is blocked until it is removed, or --redact is given."
PERSONAL_DATA_NAME_WITH_AGE = _code(
    "personal-data-name-with-age",
    Severity.ERROR,
    "Free text gives a name next to an age, which can identify a child.",
    _PII,
    "q2.xlsx, sheet 'Indicators' cell H9: commentary: a name next to an age (J**** ***** (**))",
)
PERSONAL_DATA_DATE_OF_BIRTH = _code(
    "personal-data-date-of-birth",
    Severity.ERROR,
    "Free text gives a full date of birth.",
    _PII,
    "q2.xlsx, sheet 'Indicators' cell H9: commentary: a date of birth (1* M*** 2***)",
)
PERSONAL_DATA_UPN = _code(
    "personal-data-upn",
    Severity.ERROR,
    "Free text contains a unique pupil number (UPN).",
    _PII,
    "q2.xlsx, sheet 'Indicators' cell H9: commentary: a unique pupil number (A************)",
)
PERSONAL_DATA_NHS_NUMBER = _code(
    "personal-data-nhs-number",
    Severity.ERROR,
    "Free text contains an NHS number (ten digits with a valid check digit).",
    _PII,
    "q2.xlsx, sheet 'Indicators' cell H9: commentary: an NHS number (9** *** ****)",
)
PERSONAL_DATA_NI_NUMBER = _code(
    "personal-data-ni-number",
    Severity.ERROR,
    "Free text contains a National Insurance number.",
    _PII,
    "q2.xlsx, sheet 'Indicators' cell H9: commentary: a National Insurance number (Q********)",
)
PERSONAL_DATA_EMAIL = _code(
    "personal-data-email",
    Severity.ERROR,
    "Free text contains an email address.",
    _PII,
    "q2.xlsx, sheet 'Indicators' cell H9: commentary: an email address (j****@*******.***)",
)
PERSONAL_DATA_PHONE = _code(
    "personal-data-phone",
    Severity.ERROR,
    "Free text contains a UK phone number.",
    _PII,
    "q2.xlsx, sheet 'Indicators' cell H9: commentary: a phone number (0**** ******)",
)
PERSONAL_DATA_POSTCODE = _code(
    "personal-data-postcode",
    Severity.ERROR,
    "Free text contains a full UK postcode.",
    _PII,
    "q2.xlsx, sheet 'Indicators' cell H9: commentary: a full postcode (S** ***)",
)

# --- The committee report (report18): what a paper may show as at its period -----------------
SECTION_NOT_OF_PERIOD = _code(
    "section-not-of-period",
    Severity.WARNING,
    "A report section has nothing of the report's own period.",
    "A paper shows only what was known at its period: a Commitments, Updates, Actions or Profile "
    "sheet is taken from the period's own workbook, else from the latest earlier one, and the "
    "report stays a DRAFT until the period's own sheet is given.",
    "2026-27-Q1.xlsx, sheet 'Commitments': no Commitments sheet for 2026-27 Q1 or earlier; only a "
    "later workbook has one, which this report cannot use",
)

#: Every catalogued code, sorted by code.
CATALOGUE: tuple[CodeInfo, ...] = tuple(sorted(_TABLE.values(), key=lambda c: c.code))


def info(code: str) -> CodeInfo:
    """The catalogue entry of ``code``; KeyError for a code that is not catalogued."""
    return _TABLE[code]


def default_severity(code: str) -> Severity:
    """The catalogued severity of ``code`` (warning for a code not in the catalogue)."""
    entry = _TABLE.get(code)
    return entry.severity if entry else Severity.WARNING
