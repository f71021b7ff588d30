"""Actor and weapon lexicons kept as data (YAML), validated on load, with the phrase matchers built from them.

    from armswatch.lexicons import load_actors, load_weapons
    load_actors().resolve("the Kremlin")        # "RUS"
    load_weapons().category("Shahed drones")    # "drones"
"""
from armswatch.lexicons.actors import KINDS, ActorEntry, ActorLexicon, load_actors
from armswatch.lexicons.weapons import Item, WeaponEntry, WeaponLexicon, load_weapons

__all__ = ["KINDS", "ActorEntry", "ActorLexicon", "Item", "WeaponEntry", "WeaponLexicon", "load_actors",
           "load_weapons"]
