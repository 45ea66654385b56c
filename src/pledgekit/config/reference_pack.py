"""Reference packs shipped with pledgekit: national measures with definitions and England figures.

A pack is a YAML file in ``pledgekit/reference/`` (``dfe-2025.yaml``: DfE's headline
children-in-care and care-leaver measures for the year to 31 March 2025). A pledge names one with
``reference_pack:``; each measure whose ``reference`` is a pack measure's id or alias (``NI 62``)
takes the pack's England figure as its default ``england`` comparator (when the pack has one).
"""

from __future__ import annotations

from functools import cache
from importlib import resources

import yaml
from pydantic import BaseModel, ConfigDict, Field

from pledgekit.model.errors import DefinitionError
from pledgekit.model.measure_kinds import Polarity


class PackMeasure(BaseModel):
    """One national measure: what DfE counts, which way is better, England's figure."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    aliases: list[str] = Field(default_factory=list)
    title: str
    definition: str
    unit: str
    polarity: Polarity
    # None where DfE's release gives no England figure for the pack's year (a measure the 903
    # records compute that has no national comparator here).
    england: float | None = None
    period: str

    def names(self) -> list[str]:
        """The id and every alias, as a pledge's ``reference`` may give them."""
        return [self.id, *self.aliases]


class ReferencePack(BaseModel):
    """A whole pack."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    pack: str
    title: str
    published: str
    measures: list[PackMeasure]

    def find(self, reference: str | None) -> PackMeasure | None:
        """The measure whose id or alias is ``reference`` (any case and spacing), or None."""
        if reference is None:
            return None
        wanted = _norm(reference)
        return next((m for m in self.measures if wanted in {_norm(n) for n in m.names()}), None)


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def available_packs() -> list[str]:
    """The names of the shipped packs."""
    folder = resources.files("pledgekit") / "reference"
    return sorted(
        p.name.removesuffix(".yaml") for p in folder.iterdir() if p.name.endswith(".yaml")
    )


@cache
def load_pack(name: str) -> ReferencePack:
    """The shipped pack called ``name``; :class:`DefinitionError` naming the packs otherwise."""
    if name not in available_packs():
        raise DefinitionError(
            f"no reference pack {name!r}; shipped packs: {', '.join(available_packs())}"
        )
    text = (resources.files("pledgekit") / "reference" / f"{name}.yaml").read_text("utf-8")
    return ReferencePack.model_validate(yaml.safe_load(text))
