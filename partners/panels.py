"""The partner's API key and widget token on the edit form: read-only, never inputs."""

from django.urls import reverse
from wagtail.admin.panels import Panel


class ApiKeyPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "partners/panels/api_key.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            if self.instance.pk:
                context["api_key"] = self.instance.api_key
                context["widget_token"] = self.instance.widget_token
                context["new_key_url"] = reverse("partners:new_key", args=[self.instance.pk])
            return context
