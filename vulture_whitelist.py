"""Names vulture (dead-code finder) reports as unused that are used, each group saying by what.

tests/test_dead_code.py runs vulture over src/ with this file and the names the report templates
read (bare ``vulture`` from the repository root, with pyproject's [tool.vulture], lists those
template fields too). Decorated checks, pydantic validators and Typer commands are skipped by
``ignore_decorators`` there; what remains is named here. A name added here needs the reason beside it: anything else vulture reports is
dead code, to be removed.
"""

# ruff: noqa: B018
from pledgekit.api import load_inputs
from pledgekit.checks.result import ValidationReport
from pledgekit.config.references import allowed_folders
from pledgekit.read.workbooks import read_workbook
from pledgekit.render.resources import sample_data_dir

_ = object()

# The library's Python API, for callers outside the package (benchmarks/, notebooks, scripts/):
# the lazy top-level imports, reading with the definition, DataFrames for analysts.
load_inputs  # benchmarks/bench_report.py
read_workbook  # pledgekit.read_workbook in the README's Python example, and the tests
sample_data_dir  # scripts/make_page_images.py and the tests find the shipped sample here
allowed_folders  # config/references.py: Python callers allow more folders for file references
ValidationReport.to_frame
_.to_frame  # Scorecard.to_frame, Benchmarks.to_frame
__getattr__  # pledgekit/__init__.py: module __getattr__ (PEP 562) for the lazy imports

# pydantic: model settings, fields read from YAML and by the templates, enum members users write.
model_config
description  # Pledge.description, shown in the report
financial, legal, hr, equality, risk, corporate_priorities  # meeting.yaml implications
overall_effectiveness, help_and_protection, children_in_care, care_leavers  # inspection grades
OUTSTANDING, GOOD, REQUIRES_IMPROVEMENT, INADEQUATE  # Ofsted grades meeting.yaml may name
MONTHLY  # a frequency pledge.yaml may name
MEAN  # a neighbour average pledge.yaml may name

# Set on openpyxl objects: attributes assigned for the workbook written, never read back here.
_.alignment
_.freeze_panes
_.autoFilter
_.formatColumns
_.formatRows
_.creator
_.modified
_.default_factory  # read/column_codes.py: dict subclass protocol (__missing__ reads it)

exclusions  # records/frames.py MeasureRule: read by scripts/gen_docs.py for docs/ssda903.md

# The context-manager protocol's third argument (__exit__'s traceback).
tb

# Work in progress on other branches of issue #17/#20/#21 when this list was written: each is
# removed or used there (bench20: the funnel chart, the one
# ranking; core21: the columnar dataset). Take a line out when its branch lands.
x_label
ranks_by
total_rows  # read/ees.py: rows in the file, asserted by tests/test_published_files.py
_.rows_of
# Read by the report templates (templates/report.md.j2, report.html.j2), which vulture does not see.
trend_from, commitment_rows

# report/section.py: the WordBlock protocol's parameters, which scripts/build_docx_template.py's
# Block implements and each section's Word block passes.
_.new_page
_.expr
_.ends_figure
_.loop
