"""lagebild's shipped German pipeline (``de_lagebild/``) and its custom components.

Importing this package registers the ``lagebild_lemma_lookup`` and ``lagebild_pos_rules``
factories, which the shipped pipeline's ``config.cfg`` names; ``lagebild.pipeline`` imports
it before loading.
"""

from . import lemma_lookup, pos_rules  # noqa: F401  (register the factories)
