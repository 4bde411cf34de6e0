from modeltranslation.decorators import register
from modeltranslation.translator import TranslationOptions

from media.models import CustomDocument, CustomImage


@register(CustomImage)
class ImageTranslation(TranslationOptions):
    fields = ("alt_text", "caption")


@register(CustomDocument)
class DocumentTranslation(TranslationOptions):
    fields = ("description",)
