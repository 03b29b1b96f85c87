"""Store: articles in SQL (SQLite by default), through SQLAlchemy Core."""

from parallax.store.database import AddOutcome, SearchHit, Store

__all__ = ["AddOutcome", "SearchHit", "Store"]
