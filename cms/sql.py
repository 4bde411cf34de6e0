"""SQL expressions for the query planner's sake, shared by the apps."""

from django.db.models import Func, IntegerField


class Unindexed(Func):
    """A column's value that SQLite must not look up through an index (`+column`).

    `pk IN (subquery)` lets SQLite enter a list through the subquery's ids: it fetches
    every place of a category, or every place open now, and sorts them all for one page.
    Hidden from its choice of index, the filter is checked while SQLite walks the index of
    the list's order and stops after the page. Other databases plan with statistics of
    the values and get the column as it is.
    """

    arity = 1
    template = "%(expressions)s"
    output_field = IntegerField()

    def as_sqlite(self, compiler, connection, **extra_context):
        return self.as_sql(compiler, connection, template="+%(expressions)s", **extra_context)
