"""Plain records passed between pipeline stages: Article -> Mention -> Claim.

Every stage takes and returns these dataclasses (never spaCy objects), so a stage can run in another
process or on a Dask worker and the store can persist them without knowing how they were made.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from armswatch.event_types import ACTOR_TYPES, EVENT_TYPE_NAMES

EVENT_TYPES = EVENT_TYPE_NAMES  # from the registry, armswatch/event_types.yaml
POLARITIES = ("affirmed", "negated")
ITEM_CATEGORIES = (
    "ammunition", "artillery", "missiles", "air-defence", "drones", "armoured-vehicles",
    "aircraft", "naval", "small-arms", "components", "weapons", "support",
)


@dataclass
class TimeRange:
    """A time expression as written and the date range it resolves to (ISO dates, either may be None)."""

    text: str
    start: str | None = None
    end: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass
class Mention:
    """One arms-supply event stated in one passage; `to_dict()` is the JSON of ../shared/schema.md."""

    type: str
    supplier: str | None
    recipient: str | None
    polarity: str = "affirmed"
    actors: list[str] = field(default_factory=list)  # types with the role `actors` only (DENIAL): the deniers
    item_text: str | None = None
    item_category: str | None = None
    item_categories: list[str] = field(default_factory=list)
    claimant: str = "author"
    claimant_text: str | None = None
    time: TimeRange | None = None
    evidence: str = ""
    evidence_start: int = 0
    evidence_end: int = 0
    affiliations: dict[str, str] = field(default_factory=dict)
    rule: str | None = None  # id of the rule (pattern) that produced it
    trigger: str | None = None  # the trigger word as written
    trigger_start: int | None = None  # character offset of the trigger in the input text
    confidence: float | None = None  # probability that the mention is right (armswatch.confidence); None: no model
    # the confidence model's inputs from the parse (confidence/features.py); not serialised
    features: dict[str, float] | None = field(default=None, repr=False, compare=False)

    def key(self) -> tuple[str, str | None, str | None, str]:
        """The scoring and de-duplication key of schema.md."""
        return (self.type, self.supplier, self.recipient, self.polarity)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d.pop("features")
        d["time"] = self.time.to_dict() if self.time else None
        if self.type not in ACTOR_TYPES:
            d.pop("actors")
        if not self.affiliations:
            d.pop("affiliations")
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Mention:
        known = {f for f in cls.__dataclass_fields__} - {"features"}
        kw = {k: v for k, v in d.items() if k in known}
        if isinstance(kw.get("time"), dict):
            kw["time"] = TimeRange(**{k: kw["time"].get(k) for k in ("text", "start", "end")})
        return cls(**kw)


@dataclass
class Article:
    """One document as read and cleaned: the unit that is stored, deduplicated and extracted from."""

    id: str  # stable id: sha1 of the normalised body (same text -> same id, so re-ingest is idempotent)
    text: str  # the headline paragraph (when there is one) and the body: what the extractor reads
    source: str = ""  # where it was read from: path, path#record, URL or "-"
    url: str | None = None
    site: str | None = None
    title: str | None = None
    published: str | None = None  # YYYY-MM-DD or None; never guessed
    author: str | None = None
    wire: str | None = None  # original agency ("Associated Press", "Reuters", ...)
    lang: str | None = None
    content_hash: str | None = None
    story_id: str | None = None  # set by dedup.group_stories
    # text[:body_start] is the headline paragraph and its blank line (clean/headline.py); 0: no headline in text
    body_start: int = 0

    @property
    def body(self) -> str:
        """The text without the headline: what the id and the story signature are computed from."""
        return self.text[self.body_start:]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Skipped:
    """An input that could not be read, with a one-line reason; reported, never silently dropped."""

    source: str
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "skipped": self.reason}


@dataclass
class ClaimFilter:
    """Filters shared by the CLI (`armswatch claims`), the REST API and exports. Actors are ids after resolution."""

    supplier: str | None = None
    recipient: str | None = None
    actor: str | None = None  # either endpoint
    type: str | None = None
    item: str | None = None  # item category
    since: str | None = None  # YYYY-MM-DD: reported by an article published on or after
    until: str | None = None  # YYYY-MM-DD: reported by an article published on or before
    claimant: str | None = None
    min_sources: int = 0  # minimum independent stories
    min_confidence: float = 0.0  # minimum claim confidence (claims without one always pass)
    polarity: str | None = None
    text: str | None = None  # full-text search query (store/search.py syntax)


@dataclass
class Claim:
    """Mentions aggregated by (type, supplier, recipient, item category, polarity) across articles."""

    id: str
    type: str
    supplier: str | None
    recipient: str | None
    item_category: str | None
    polarity: str
    first_seen: str | None = None
    last_seen: str | None = None
    articles: int = 0
    stories: int = 0
    claimants: list[str] = field(default_factory=list)
    denials: list[str] = field(default_factory=list)  # ids of claims that deny or negate this one
    actors: list[str] = field(default_factory=list)  # DENIAL claims: the deniers
    mention_count: int = 0  # number of mentions aggregated into it (claim detail dicts list them under "mentions")
    confidence: float | None = None  # claims.aggregate.claim_confidence of its mentions; None: no model

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
