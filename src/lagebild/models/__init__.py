"""lagebild's shipped German pipeline (``de_lagebild/``) and its custom component.

Importing this package registers the ``lagebild_lemma_lookup`` factory, which the shipped
pipeline's ``config.cfg`` names; ``lagebild.pipeline`` imports it before loading.
"""

from . import lemma_lookup  # noqa: F401  (registers the factory)
