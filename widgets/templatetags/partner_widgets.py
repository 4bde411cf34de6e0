from django import template

from widgets.configurator import configurator_url

register = template.Library()


@register.simple_tag
def widget_configurator_url():
    """The configurator in the active language, for the footer's "For partners" link."""
    return configurator_url()
