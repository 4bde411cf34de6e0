"""The body blocks every general page shares."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents import get_document_model
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageBlock

from cms.richtext import RICH_TEXT_FEATURES


# Block picker previews show sample content; images and videos come from the editors' own
# libraries (the newest one), so the preview looks like their site.
def newest_image():
    return get_image_model().objects.order_by("-created_at").first()


def newest_video():
    documents = get_document_model().objects.order_by("-created_at")
    return documents.filter(file__iregex=r"\.(mp4|webm)$").first()


class HeadingBlock(blocks.StructBlock):
    """A section heading; level 2 for sections, 3 for subsections."""

    text = blocks.CharBlock(label=_("Text"), max_length=120)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Section (H2)")), ("h3", _("Subsection (H3)"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "pages/blocks/heading.html"
        description = _("A heading that structures the page for readers and screen readers.")
        preview_value = {"text": "Geschichte der Stadt", "level": "h2"}


class CaptionedImageBlock(blocks.StructBlock):
    """An image with alt text, an optional caption and the photographer's credit."""

    image = ImageBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=255)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "pages/blocks/image.html"
        description = _("An image with caption; the credit comes from the image library.")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Wagtail's ImageBlock names its chooser after the field ("Image"), untranslated.
        self.child_blocks["image"].child_blocks["image"].label = _("Image")

    def get_preview_value(self):
        return self.normalize({"image": newest_image(), "caption": "Blick auf den Marktplatz"})


class QuoteBlock(blocks.StructBlock):
    """A quotation with its source."""

    text = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Source"), required=False, max_length=255)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "pages/blocks/quote.html"
        description = _("A highlighted quotation.")
        preview_value = {"text": "Haldensleben – die Stadt des Rolands.", "attribution": ""}


class CallToActionBlock(blocks.StructBlock):
    """A short text with one prominent link: to a page or to another address."""

    text = blocks.RichTextBlock(label=_("Text"), features=["bold", "italic"])
    link_text = blocks.CharBlock(label=_("Link text"), max_length=80)
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.CharBlock(
        label=_("Other address"),
        required=False,
        max_length=500,
        help_text=_("https://…, mailto:… or tel:… when no page is chosen."),
    )

    class Meta:
        icon = "pick"
        label = _("Call to action")
        template = "pages/blocks/call_to_action.html"
        description = _("A box that invites visitors to do one thing.")
        preview_value = {
            "text": "<p>Das Museum öffnet am <b>Sonntag</b> für alle kostenlos.</p>",
            "link_text": "Zum Museum",
            "url": "/",
        }

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        request = (parent_context or {}).get("request")
        page = value.get("page")
        context["link_url"] = page.get_url(request) if page else value.get("url", "")
        return context

    def clean(self, value):
        value = super().clean(value)
        url = value.get("url", "")
        if not value.get("page") and not url:
            raise blocks.StructBlockValidationError(
                block_errors={"page": ValidationError(_("Choose a page or enter an address."))}
            )
        if url and not url.startswith(("https://", "mailto:", "tel:", "/")):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "url": ValidationError(
                        _("Addresses must start with https://, mailto:, tel: or /.")
                    )
                }
            )
        return value


class FaqItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Question"), max_length=255)
    answer = blocks.RichTextBlock(label=_("Answer"), features=RICH_TEXT_FEATURES)


class FaqBlock(blocks.StructBlock):
    """Questions and answers that open one at a time (an accordion)."""

    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=120)
    items = blocks.ListBlock(FaqItemBlock(), label=_("Questions"))

    class Meta:
        icon = "list-ul"
        label = _("Questions and answers")
        template = "pages/blocks/faq.html"
        description = _("Frequently asked questions, each opening on click.")
        preview_value = {
            "heading": "Häufige Fragen",
            "items": [
                {
                    "question": "Wo kann ich parken?",
                    "answer": "<p>Am Marktplatz und am Bahnhof.</p>",
                },
                {"question": "Ist das Museum barrierefrei?", "answer": "<p>Ja, mit Aufzug.</p>"},
            ],
        }


class EmbeddedMediaBlock(blocks.StructBlock):
    """A video or post from another site, loaded only after the visitor agrees."""

    media = EmbedBlock(label=_("Address of the video or post"))
    title = blocks.CharBlock(
        label=_("Title"), max_length=255, help_text=_("Tells visitors what they will load.")
    )
    transcript = blocks.RichTextBlock(
        label=_("Transcript or description"), required=False, features=RICH_TEXT_FEATURES
    )

    class Meta:
        icon = "media"
        label = _("Video or embedded media")
        template = "pages/blocks/embed.html"
        description = _("Shown as a link until the visitor chooses to load it (privacy).")
        # Only the address is shown until the visitor agrees, so the preview loads nothing.
        preview_value = {
            "media": "https://www.youtube.com/watch?v=haldensleben",
            "title": "Rundgang durch die Altstadt",
        }


class VideoBlock(blocks.StructBlock):
    """A self-hosted video, e.g. the explanation in German Sign Language (DGS)."""

    video = DocumentChooserBlock(
        label=_("Video file"), help_text=_("An MP4 or WebM file from the document library.")
    )
    captions = DocumentChooserBlock(
        label=_("Captions (WebVTT)"), required=False, help_text=_("A .vtt file with subtitles.")
    )
    title = blocks.CharBlock(label=_("Title"), max_length=255)
    transcript = blocks.RichTextBlock(
        label=_("Transcript"), required=False, features=RICH_TEXT_FEATURES
    )

    class Meta:
        icon = "media"
        label = _("Video (self-hosted)")
        template = "pages/blocks/video.html"
        description = _("A video served from this site, with captions and a transcript.")

    def get_preview_value(self):
        return self.normalize({"video": newest_video(), "title": "Haldensleben in Gebärdensprache"})


class NonAccessiblePartBlock(blocks.StructBlock):
    part = blocks.CharBlock(label=_("Content or function"), max_length=255)
    reason = blocks.TextBlock(label=_("Why it is not accessible"))
    alternative = blocks.TextBlock(label=_("Accessible alternative"), required=False)


class AccessibilityStatementBlock(blocks.StructBlock):
    """The facts an accessibility statement (BITV 2.0, EU 2016/2102) must give, in order."""

    status = blocks.ChoiceBlock(
        label=_("Compliance status"),
        choices=[
            ("full", _("fully compliant")),
            ("partial", _("partially compliant")),
            ("none", _("not compliant")),
        ],
        default="partial",
    )
    non_accessible = blocks.ListBlock(
        NonAccessiblePartBlock(), label=_("Content that is not accessible"), default=[]
    )
    assessed_on = blocks.DateBlock(label=_("Date of the assessment"))
    method = blocks.ChoiceBlock(
        label=_("Method"),
        choices=[("self", _("self-assessment")), ("external", _("external test"))],
        default="self",
    )
    feedback_email = blocks.EmailBlock(label=_("Feedback e-mail"))
    feedback_phone = blocks.CharBlock(label=_("Feedback phone"), required=False, max_length=40)
    enforcement_body = blocks.CharBlock(label=_("Enforcement body"), max_length=255)
    enforcement_url = blocks.URLBlock(label=_("Address of the enforcement body"))

    class Meta:
        icon = "doc-full"
        label = _("Accessibility statement")
        template = "pages/blocks/accessibility_statement.html"
        description = _("Status, known barriers, assessment, feedback and enforcement.")
        preview_value = {
            "status": "partial",
            "non_accessible": [
                {
                    "part": "Stadtplan als PDF",
                    "reason": "Die Karte ist ein Bild ohne Textalternative.",
                    "alternative": "Die Orte stehen als Liste unter „Sehenswertes“.",
                }
            ],
            "assessed_on": "2026-01-15",
            "method": "self",
            "feedback_email": "barrierefrei@example.org",
            "enforcement_body": "Schlichtungsstelle BGG",
            "enforcement_url": "https://www.schlichtungsstelle-bgg.de/",
        }

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        for name in ("status", "method"):
            choices = dict(self.child_blocks[name].field.choices)
            context[f"{name}_label"] = choices.get(value[name], value[name])
        # Phones dial the number without the spaces people write for reading.
        context["feedback_phone_link"] = "tel:" + "".join(
            (value.get("feedback_phone") or "").split()
        )
        return context


class TableWithCaptionBlock(blocks.StructBlock):
    """A data table with a caption for screen readers."""

    caption = blocks.CharBlock(label=_("Caption"), max_length=255)
    table = TableBlock(label=_("Table"))

    class Meta:
        icon = "table"
        label = _("Table")
        template = "pages/blocks/table.html"
        description = _("A table, e.g. opening hours or fees, with a caption.")
        preview_value = {
            "caption": "Eintrittspreise",
            "table": {
                "data": [["", "Preis"], ["Erwachsene", "5 €"], ["Kinder", "2 €"]],
                "first_row_is_table_header": True,
                "first_col_is_header": True,
            },
        }

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        table = value["table"] or {}
        rows = [["" if cell is None else cell for cell in row] for row in table.get("data") or []]
        has_header_row = bool(table.get("first_row_is_table_header")) and bool(rows)
        context["header_row"] = rows[0] if has_header_row else None
        context["body_rows"] = rows[1:] if has_header_row else rows
        context["first_column_is_header"] = bool(table.get("first_col_is_header"))
        return context


class BodyBlock(blocks.StreamBlock):
    """The building blocks of a general page."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"),
        features=RICH_TEXT_FEATURES,
        icon="pilcrow",
        template="pages/blocks/paragraph.html",
        description=_("Text with links and lists."),
        preview_value="<p>Haldensleben liegt an der <b>Ohre</b> und am Mittellandkanal.</p>",
    )
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    embed = EmbeddedMediaBlock()
    video = VideoBlock()
    accessibility_statement = AccessibilityStatementBlock()
    table = TableWithCaptionBlock()
    faq = FaqBlock()

    class Meta:
        block_counts = {}
