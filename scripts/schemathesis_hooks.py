"""Schemathesis hooks for HRDD's read API (loaded by scripts/schemathesis.sh).

The OpenAPI document cannot say that `to` must not be before `from`; the API documents it and
answers 422 on the field `to`. Generated requests that break this cross-field rule are skipped, so a
schema-valid request is always one the server accepts.
"""

import schemathesis


@schemathesis.hook
def filter_query(ctx, query):
    if not query:
        return True
    start, end = query.get("from"), query.get("to")
    return not (isinstance(start, str) and isinstance(end, str) and start and end and end < start)
