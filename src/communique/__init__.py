"""communique: structured, verifiable event records from news about international
relations.

    >>> import communique
    >>> analysis = communique.analyze("India and Belarus held talks in Qingdao, China.")
    >>> [e.event for e in analysis.events]
    ['CONSULT']
"""

from communique.errors import CommuniqueError, InputError, KnowledgeError, ModelError
from communique.pipeline import analyze, analyze_many
from communique.records import Analysis, Article, Entity, Event, Failure, Forum, Place

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
    "__version__",
    "analyze",
    "analyze_many",
]
