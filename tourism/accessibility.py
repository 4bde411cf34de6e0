"""Accessibility facts a point of interest records, with their schema.org names."""

ACCESSIBILITY_FEATURES = [
    # (field, schema.org amenityFeature name)
    ("step_free_access", "Step-free access"),
    ("accessible_toilet", "Accessible toilet"),
    ("accessible_parking", "Accessible parking"),
    ("guide_dogs_welcome", "Guide dogs welcome"),
    ("hearing_loop", "Hearing loop"),
]
