"""communique: structured, verifiable event records from news about international
relations.

    >>> import communique
    >>> analysis = communique.analyze("India and Belarus held talks in Qingdao, China.")
    >>> [e.event for e in analysis.events]
    ['CONSULT']
    >>> with communique.Store.open("communique.db") as store:   # a corpus: see store.py
    ...     frame = store.events_frame(actor="IND")
"""

from typing import TYPE_CHECKING, Any

from communique.errors import CommuniqueError, InputError, KnowledgeError, ModelError
from communique.pipeline import analyze, analyze_many
from communique.records import Analysis, Article, Entity, Event, Failure, Forum, Place

if TYPE_CHECKING:
    from communique.store import Store

__version__ = "0.1.0"
__all__ = [
    "Analysis",
    "Article",
    "CommuniqueError",
    "Entity",
    "Event",
    "Failure",
    "Forum",
    "InputError",
    "KnowledgeError",
    "ModelError",
    "Place",
    "Store",
    "__version__",
    "analyze",
    "analyze_many",
]


def __getattr__(name: str) -> Any:
    """``communique.Store``, imported on first use (the database layer is not needed to
    analyse text)."""
    if name == "Store":
        from communique.store import Store

        return Store
    raise AttributeError(f"module 'communique' has no attribute {name!r}")
