"""Finds the news agency a copy came from (dateline or credit line) so syndicated copies trace to their origin."""
from __future__ import annotations

from collections.abc import Iterable

from armswatch.clean.rules import Wires, default_wires

HEAD = 3  # datelines sit in the first paragraphs (after a headline and a date line at most)
TAIL = 6  # credits sit in the last paragraphs, before the site footer
MAX_CREDIT_CHARS = 300  # a credit is a short line; longer paragraphs are story text


def _in_region(where: str, index: int, count: int) -> bool:
    if where == "head":
        return index < HEAD
    if where == "tail":
        return index >= max(count - TAIL, 1)
    return True


def find_wire(paragraphs: list[str], wires: Wires | None = None) -> tuple[str | None, list[str]]:
    """The agency credited (a dateline wins over a credit line) and the paragraphs without credit lines."""
    wires = wires or default_wires()
    dateline_agency = credit_agency = None
    kept: list[str] = []
    count = len(paragraphs)
    for index, para in enumerate(paragraphs):
        removed = False
        for rule in wires.rules:
            if not _in_region(rule.where, index, count):
                continue
            if rule.action == "remove" and len(para) > MAX_CREDIT_CHARS:
                continue
            m = rule.regex.match(para) if rule.search else rule.regex.fullmatch(para.strip())
            if not m:
                continue
            agency = rule.agency or wires.name_of(m.group("agency"))
            if rule.action == "keep":
                dateline_agency = dateline_agency or agency
            else:
                credit_agency = credit_agency or agency
                removed = True
            break
        if not removed:
            kept.append(para)
    return dateline_agency or credit_agency, kept


def wire_from_credits(credits: Iterable[str | None], wires: Wires | None = None) -> str | None:
    """The agency named by a metadata credit (a JSON record's "wire"/"credit"/"source", a page's or feed entry's
    author): an alias as it stands ("AP", "Agence France-Presse") or a credit line ("Source: AFP", "By Reuters")."""
    wires = wires or default_wires()
    for credit in credits:
        if not isinstance(credit, str) or not credit.strip() or len(credit) > MAX_CREDIT_CHARS:
            continue
        name = wires.name_of(credit)
        if name:
            return name
        for rule in wires.rules:
            if rule.action == "remove" and rule.agency is None:
                m = rule.regex.fullmatch(credit.strip())
                if m:
                    return wires.name_of(m.group("agency"))
    return None
