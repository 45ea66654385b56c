"""Care leavers (OC3): hand-made scenarios, one rule per young person, counts in comments.

Year 2024-25. Age at the birthday in the year: born 1 April 2005 is 19; born 31 March 2004 is 21
(its 21st birthday is 31 March 2025); born 31 March 2003 is 22.
"""

from __future__ import annotations

import pytest

from pledgekit.records.care_leavers import (
    care_leavers_17_18_eet,
    care_leavers_17_18_suitable_accommodation,
    care_leavers_19_21_eet,
    care_leavers_19_21_suitable_accommodation,
)
from pledgekit.records.frames import CountingOptions
from tests.records903 import episode, records

OPTIONS = CountingOptions()


def oc3(
    child: str, dob: str, in_touch: str = "YES", activ: str = "F1", accom: str = "B1"
) -> dict[str, str]:
    return {"CHILD": child, "DOB": dob, "IN_TOUCH": in_touch, "ACTIV": activ, "ACCOM": accom}


EET_19_21 = [
    oc3("A", "01/04/2005", activ="F1"),  # 19, full-time EET: yes
    oc3("B", "01/01/2005", activ="P3"),  # 20, part-time: yes
    oc3("C", "01/04/2003", activ="G5"),  # 21 (born 1 April 2003), not EET: in the base
    oc3("D", "01/04/2005", in_touch="NO", activ="0"),  # not in touch: in the base
    oc3("E", "01/01/2005", in_touch="DIED"),  # died: out
    oc3("F", "01/01/2005", in_touch="RHOM", activ="F1"),  # home 6 months or more: out
    oc3("G", "31/03/2003", activ="F1"),  # 22: out
    oc3("H", "01/04/2005", in_touch="REFU", activ="0"),  # refused contact: in the base
]


def test_care_leavers_19_21_eet() -> None:
    data = records({2025: {"OC3": EET_19_21}})
    # Base A, B, C, D, H (5); in EET A, B (2): 40%.
    count = care_leavers_19_21_eet(data, 2025, OPTIONS)
    assert (count.numerator, count.denominator, count.value) == (2, 5, 40.0)


def test_age_on_1_april_is_an_option() -> None:
    data = records({2025: {"OC3": EET_19_21}})
    # On 1 April 2024 G (born 31 March 2003) was 21: in, and in EET. C (born 1 April 2003) is 21
    # either way. A, D and H (born 1 April 2005) were 19 that day. B and the others are 19: in.
    count = care_leavers_19_21_eet(data, 2025, CountingOptions(care_leaver_age_at="1-april"))
    assert (count.numerator, count.denominator) == (3, 6)


def test_care_leavers_19_21_suitable_accommodation() -> None:
    data = records(
        {
            2025: {
                "OC3": [
                    oc3("A", "01/04/2005", accom="B1"),  # suitable: yes
                    oc3("B", "01/04/2005", accom="G1"),  # gone abroad: out
                    oc3("C", "01/04/2005", accom="H2"),  # deported: out
                    oc3("D", "01/04/2005", accom="R1"),  # residence not known: out
                    oc3("E", "01/04/2005", accom="0"),  # not known: in the base
                    oc3("F", "01/04/2005", accom="C2"),  # unsuitable: in the base
                    oc3("G", "01/04/2005", in_touch="DIED", accom="B1"),  # died: out
                    oc3("H", "31/03/2003", accom="B1"),  # 22: out
                ]
            }
        }
    )
    # Base A, E, F (3); suitable A (1).
    count = care_leavers_19_21_suitable_accommodation(data, 2025, OPTIONS)
    assert (count.numerator, count.denominator) == (1, 3)
    assert count.value == pytest.approx(100 / 3)


def test_care_leavers_17_18() -> None:
    data = records(
        {
            2025: {
                "OC3": [
                    oc3("A", "01/04/2006", activ="F2", accom="B1"),  # 18: EET, suitable
                    oc3("B", "31/03/2008", activ="G6", accom="C2"),  # 17: neither
                    oc3("C", "01/04/2008", activ="F1", accom="B1"),  # 16: out
                    oc3("D", "31/03/2006", activ="F1", accom="B1"),  # 19: out (19-21 group)
                    oc3("E", "01/01/2007", activ="0", accom="G1"),  # 18: not known; gone abroad
                ]
            }
        }
    )
    # EET: base A, B, E (3), in EET A (1). Accommodation: base A, B (E gone abroad), suitable A.
    eet = care_leavers_17_18_eet(data, 2025, OPTIONS)
    assert (eet.numerator, eet.denominator) == (1, 3)
    suitable = care_leavers_17_18_suitable_accommodation(data, 2025, OPTIONS)
    assert (suitable.numerator, suitable.denominator, suitable.value) == (1, 2, 50.0)


def test_a_transfer_to_another_council_is_left_out_by_default() -> None:
    data = records(
        {
            2023: {
                "Episodes": [
                    episode("A", "01/04/2020", dec="01/01/2023", rec="E3"),  # transferred
                    episode("B", "01/04/2020", dec="01/01/2023", rec="E5"),  # independent living
                ]
            },
            2025: {"OC3": [oc3("A", "01/04/2005"), oc3("B", "01/04/2005")]},
        }
    )
    # A's care was transferred (E3): out by default, in with the option.
    assert care_leavers_19_21_eet(data, 2025, OPTIONS).denominator == 1
    with_transfers = CountingOptions(include_transferred_e3=True)
    assert care_leavers_19_21_eet(data, 2025, with_transfers).denominator == 2


def test_a_young_person_counts_once() -> None:
    data = records({2025: {"OC3": [oc3("A", "01/04/2005"), oc3("A", "01/04/2005", activ="G4")]}})
    assert care_leavers_19_21_eet(data, 2025, OPTIONS).denominator == 1


def test_bad_options_are_refused() -> None:
    with pytest.raises(ValueError, match="care_leaver_age_at"):
        CountingOptions(care_leaver_age_at="sometime")
    with pytest.raises(ValueError, match="population"):
        CountingOptions(population_under_18=0)
