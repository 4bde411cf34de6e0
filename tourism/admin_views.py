"""Admin shortcut to a new point of interest: the add form under the places index."""

from django.http import Http404
from wagtail.admin.views.pages.create import CreateView

from tourism.models import PointOfInterestCategory, PointOfInterestIndexPage


def places_index_for(user):
    """The places index `user` may add points of interest to, or None."""
    for index in PointOfInterestIndexPage.objects.order_by("path"):
        if index.permissions_for_user(user).can_add_subpage():
            return index
    return None


class NewPlaceView(CreateView):
    """Wagtail's add form, reached in one click and with the category of the link ticked.

    The form posts to Wagtail's own add URL, so saving, autosave and publishing are
    Wagtail's; only the empty form is prepared here.
    """

    def get(self, request):
        slug = request.GET.get("category")
        if slug:
            self.page.categories = list(PointOfInterestCategory.objects.filter(slug=slug))
        return super().get(request)


def new_place(request):
    index = places_index_for(request.user)
    if index is None:
        raise Http404
    return NewPlaceView.as_view()(request, "tourism", "pointofinterestpage", index.pk)
