"""Stage 6: the REST API and the analyst's dashboard, one FastAPI app over a :class:`rasd.store.Store`.

>>> from rasd.api import create_app
>>> app = create_app(db_url="sqlite:///events.db")   # then: uvicorn.run(app)
"""

from rasd.api.app import create_app

__all__ = ["create_app"]
