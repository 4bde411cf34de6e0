"""Flat illustrations for the demo content, drawn locally with Pillow.

The demo never downloads photos: every picture is a generated scene (sky, ground and
a simple motif such as a castle or megaliths), deterministic for a motif and seed.
"""

import io
import math
import random

from PIL import Image, ImageColor, ImageDraw

# Render larger, then shrink: Pillow draws without anti-aliasing.
SUPERSAMPLE = 2

# sky top, sky bottom, hills, ground, accent, wall, roof
PALETTES = [
    [ImageColor.getrgb(f"#{c}") for c in colors.split()]
    for colors in (
        "5896d6 c7e2f5 78aa78 609654 de6048 ece0c8 aa463c",
        "f6a06e fde2b2 8c966e 6e8c50 3c6096 f0e6d2 783c46",
        "4678be aad2eb 5a8c6e 50825a f0b43c e2d8c4 505a78",
        "78a0c8 e2ecf0 96aa82 82a064 c83c5a f6f0e2 965a3c",
    )
]
STONE, DARK, WHITE, WATER = (150, 150, 156), (60, 62, 70), (250, 250, 248), (70, 130, 190)


class Scene:
    """A canvas with a palette and helpers that place shapes in relative coordinates."""

    def __init__(self, width, height, rng):
        self.w, self.h, self.rng = width, height, rng
        sky_top, sky_bottom, self.hills, self.ground, self.accent, self.wall, self.roof = (
            rng.choice(PALETTES)
        )
        self.image = Image.new("RGB", (width, height))
        self.draw = ImageDraw.Draw(self.image)
        self.base = rng.uniform(0.62, 0.70)  # horizon as a fraction of the height
        self.horizon = height * self.base
        for y in range(height):
            t = min(1.0, y / self.horizon)
            color = tuple(round(a + (b - a) * t) for a, b in zip(sky_top, sky_bottom, strict=True))
            self.draw.line([(0, y), (width, y)], fill=color)

    def xy(self, x, y):
        return self.w * x, self.h * y

    def rect(self, x0, y0, x1, y1, fill):
        self.draw.rectangle([*self.xy(x0, y0), *self.xy(x1, y1)], fill=fill)

    def poly(self, points, fill):
        self.draw.polygon([self.xy(px, py) for px, py in points], fill=fill)

    def ellipse(self, cx, cy, rx, ry, fill):
        (x, y), rx, ry = self.xy(cx, cy), rx * self.h, ry * self.h  # radii in heights: round
        self.draw.ellipse([x - rx, y - ry, x + rx, y + ry], fill=fill)

    def backdrop(self, hills=True):
        rng = self.rng
        self.ellipse(rng.uniform(0.7, 0.9), rng.uniform(0.12, 0.22), 0.06, 0.06, (255, 236, 170))
        for _ in range(rng.randint(2, 4)):
            cx, cy = rng.uniform(0.05, 0.7), rng.uniform(0.08, 0.3)
            for dx, r in ((-0.04, 0.035), (0, 0.05), (0.045, 0.038)):
                self.ellipse(cx + dx, cy, r * 1.4, r, WHITE)
        if hills:
            phase, base = rng.uniform(0, math.tau), self.base
            points = [(i / 40, base - 0.05 - 0.04 * math.sin(phase + i / 5)) for i in range(41)]
            self.poly([(0, base + 0.01), *points, (1, base + 0.01)], self.hills)
        self.rect(0, self.base, 1, 1, self.ground)

    def windows(self, x0, y0, x1, y1, cols, rows, fill=DARK, arched=False):
        cw, rh = (x1 - x0) / cols, (y1 - y0) / rows
        radius = cw * 0.2 * self.w / self.h
        for c in range(cols):
            for r in range(rows):
                wx, wy = x0 + c * cw + cw * 0.3, y0 + r * rh + rh * 0.25
                self.rect(wx, wy, wx + cw * 0.4, wy + rh * 0.5, fill)
                if arched:
                    self.ellipse(wx + cw * 0.2, wy, radius, radius, fill)

    def tree(self, cx, base, size, conifer=None):
        conifer = self.rng.random() < 0.5 if conifer is None else conifer
        self.rect(cx - 0.006, base - size * 0.35, cx + 0.006, base, (110, 80, 50))
        green = tuple(max(0, c - self.rng.randint(10, 40)) for c in self.hills)
        if conifer:
            low, half = base - size * 0.25, size * 0.35
            self.poly([(cx - half, low), (cx, base - size * 1.2), (cx + half, low)], green)
        else:
            self.ellipse(cx, base - size * 0.7, size * 0.45, size * 0.45, green)

    def gabled(self, x0, x1, top, base, fill, roof):
        self.rect(x0, top, x1, base, fill)
        ridge = ((x0 + x1) / 2, top - (x1 - x0) * 0.6)
        self.poly([(x0 - 0.01, top), ridge, (x1 + 0.01, top)], roof)

    def crenels(self, x0, x1, top, count, fill):
        step = (x1 - x0) / (count * 2 - 1)
        for i in range(count):
            self.rect(x0 + i * 2 * step, top - 0.03, x0 + (i * 2 + 1) * step, top, fill)


def _castle(s):
    s.rect(0.25, 0.38, 0.75, 0.72, s.wall)
    s.windows(0.27, 0.42, 0.73, 0.68, 8, 2, arched=True)
    s.rect(0.46, 0.56, 0.54, 0.72, DARK)
    for tx in (0.2, 0.8):
        s.rect(tx - 0.06, 0.28, tx + 0.06, 0.72, s.wall)
        s.ellipse(tx, 0.24, 0.05, 0.05, s.roof)
        s.poly([(tx - 0.015, 0.24), (tx, 0.12), (tx + 0.015, 0.24)], s.roof)
    s.poly([(0.23, 0.38), (0.5, 0.28), (0.77, 0.38)], s.roof)


def _church(s):
    s.rect(0.3, 0.42, 0.72, 0.72, s.wall)
    s.poly([(0.28, 0.42), (0.51, 0.3), (0.74, 0.42)], s.roof)
    s.windows(0.42, 0.48, 0.72, 0.66, 4, 1, arched=True)
    s.rect(0.22, 0.26, 0.36, 0.72, s.wall)
    s.poly([(0.21, 0.26), (0.29, 0.06), (0.37, 0.26)], s.roof)
    s.rect(0.26, 0.58, 0.32, 0.72, DARK)
    s.ellipse(0.29, 0.34, 0.025, 0.025, DARK)


def _gate(s):
    s.rect(0, 0.45, 1, 0.72, STONE)
    s.crenels(0, 1, 0.45, 14, STONE)
    s.rect(0.38, 0.2, 0.62, 0.72, s.wall)
    s.poly([(0.36, 0.2), (0.5, 0.08), (0.64, 0.2)], s.roof)
    s.rect(0.44, 0.5, 0.56, 0.72, DARK)
    s.ellipse(0.5, 0.5, 0.06 * s.w / s.h, 0.06 * s.w / s.h, DARK)
    s.windows(0.4, 0.24, 0.6, 0.4, 2, 1)


def _museum(s):
    s.rect(0.2, 0.4, 0.8, 0.7, s.wall)
    s.poly([(0.18, 0.4), (0.5, 0.26), (0.82, 0.4)], s.wall)
    s.poly([(0.24, 0.39), (0.5, 0.29), (0.76, 0.39)], s.roof)
    for i in range(6):
        s.rect(0.25 + i * 0.1, 0.42, 0.28 + i * 0.1, 0.66, WHITE)
    s.rect(0.16, 0.7, 0.84, 0.74, STONE)


def _nature(s):
    for i in range(14):
        x = 0.03 + i * 0.072 + s.rng.uniform(-0.01, 0.01)
        s.tree(x, s.base + 0.02, s.rng.uniform(0.12, 0.2))
    s.poly([(0.45, 1), (0.49, 0.72), (0.52, 0.72), (0.62, 1)], (200, 180, 140))
    for i in range(5):
        s.tree(0.08 + i * 0.2, 0.95, s.rng.uniform(0.22, 0.3))


def _water(s):
    s.rect(0, 0.72, 1, 1, WATER)
    for row in range(6):
        y = 0.76 + row * 0.04
        wave = [s.xy(i / 30, y + 0.008 * math.sin(i + row)) for i in range(31)]
        s.draw.line(wave, fill=(170, 210, 240), width=max(2, s.h // 200))
    for i in range(12):
        x = 0.02 + i * 0.015
        s.rect(x, 0.62, x + 0.004, 0.76, (110, 140, 70))
    s.poly([(0.5, 0.8), (0.54, 0.84), (0.74, 0.84), (0.78, 0.8)], (214, 120, 60))  # canoe
    for i in range(4):
        s.tree(0.55 + i * 0.1, s.base + 0.02, 0.12)


def _statue(s):
    _town(s, 0.5)
    s.rect(0.36, 0.6, 0.64, 0.84, STONE)

    def at(x, y, k=1.3):  # the rider is drawn small around (0.5, 0.6) and scaled up
        return 0.5 + (x - 0.5) * k, 0.6 + (y - 0.6) * k

    def part(points):
        s.poly([at(x, y) for x, y in points], DARK)

    part([(0.41, 0.44), (0.59, 0.44), (0.6, 0.5), (0.4, 0.5)])  # horse body
    for lx in (0.42, 0.45, 0.54, 0.57):
        part([(lx, 0.49), (lx + 0.014, 0.49), (lx + 0.014, 0.6), (lx, 0.6)])
    part([(0.56, 0.45), (0.6, 0.35), (0.64, 0.37), (0.6, 0.47)])  # neck and head
    part([(0.485, 0.32), (0.515, 0.32), (0.52, 0.45), (0.48, 0.45)])  # rider
    part([(0.49, 0.27), (0.51, 0.27), (0.515, 0.31), (0.485, 0.31)])  # head
    part([(0.515, 0.35), (0.56, 0.22), (0.567, 0.225), (0.522, 0.37)])  # raised sword


def _town(s, scale=0.72):
    x, colors = 0.0, (s.wall, (220, 190, 150), (200, 210, 220), (230, 200, 200))
    while x < 1:
        width = s.rng.uniform(0.09, 0.14)
        top = scale - s.rng.uniform(0.14, 0.24)
        s.gabled(x + 0.005, x + width - 0.005, top, 0.74, s.rng.choice(colors), s.roof)
        s.windows(x + 0.01, top + 0.02, x + width - 0.01, 0.7, 2, 2)
        x += width


def _food(s):
    s.rect(0, 0, 1, 0.6, s.wall)
    s.rect(0.1, 0.1, 0.36, 0.45, (170, 210, 235))  # window
    s.rect(0.22, 0.1, 0.24, 0.45, WHITE)
    s.rect(0, 0.6, 1, 1, (170, 120, 80))
    s.ellipse(0.4, 0.75, 0.2, 0.07, WHITE)
    s.ellipse(0.4, 0.73, 0.09, 0.05, s.accent)  # cake
    s.rect(0.62, 0.62, 0.7, 0.74, WHITE)  # cup
    s.ellipse(0.71, 0.67, 0.02, 0.025, WHITE)
    for i in range(3):  # steam
        box = [*s.xy(0.63 + i * 0.025, 0.5), *s.xy(0.65 + i * 0.025, 0.6)]
        s.draw.arc(box, 200, 340, fill=STONE, width=4)


def _bed(s):
    s.rect(0, 0, 1, 0.7, s.wall)
    s.rect(0.62, 0.12, 0.86, 0.42, (170, 210, 235))
    s.rect(0.73, 0.12, 0.75, 0.42, WHITE)
    s.rect(0, 0.7, 1, 1, (180, 140, 100))
    s.rect(0.12, 0.4, 0.16, 0.82, s.roof)  # headboard
    s.rect(0.14, 0.58, 0.7, 0.72, WHITE)
    s.ellipse(0.24, 0.56, 0.07, 0.035, WHITE)
    s.rect(0.32, 0.55, 0.7, 0.72, s.accent)  # blanket
    s.rect(0.66, 0.58, 0.7, 0.82, s.roof)


def _shop(s):
    s.rect(0.15, 0.25, 0.85, 0.74, s.wall)
    for i in range(10):  # striped awning
        s.rect(0.13 + i * 0.074, 0.36, 0.2 + i * 0.074, 0.44, s.accent if i % 2 else WHITE)
    s.rect(0.2, 0.48, 0.58, 0.7, (170, 210, 235))
    s.rect(0.64, 0.48, 0.78, 0.74, DARK)
    s.rect(0.3, 0.28, 0.7, 0.34, s.roof)


def _stones(s):
    for i in range(6):
        s.tree(0.05 + i * 0.18, s.base + 0.01, s.rng.uniform(0.14, 0.2), conifer=True)
    for i, x in enumerate((0.25, 0.37, 0.5, 0.63, 0.75)):
        s.ellipse(x, 0.7, 0.055, 0.07 + 0.01 * (i % 2), STONE)
    s.ellipse(0.42, 0.6, 0.16, 0.045, (130, 130, 138))
    s.ellipse(0.64, 0.61, 0.12, 0.04, (140, 140, 146))


def _garden(s):
    base = s.base
    s.rect(0.3, base - 0.14, 0.7, base, s.wall)  # palace at the top of the terraces
    s.windows(0.31, base - 0.12, 0.69, base - 0.02, 8, 1)
    s.poly([(0.28, base - 0.14), (0.5, base - 0.21), (0.72, base - 0.14)], s.roof)
    hedge = tuple(max(0, c - 45) for c in s.hills)
    for row, y in enumerate((base + 0.06, base + 0.15, base + 0.25)):
        for i in range(4):
            s.ellipse(0.14 + i * 0.24, y, 0.1 + row * 0.02, 0.025 + row * 0.008, hedge)
    s.ellipse(0.5, base + 0.15, 0.06, 0.025, WATER)
    for x in (0.04, 0.26, 0.74, 0.96):
        s.poly([(x - 0.025, base + 0.08), (x, base - 0.1), (x + 0.025, base + 0.08)], hedge)


def _tower(s):
    s.rect(0.42, 0.2, 0.58, 0.74, STONE)
    s.crenels(0.41, 0.59, 0.2, 4, STONE)
    s.windows(0.44, 0.3, 0.56, 0.66, 1, 3)
    s.ellipse(0.5, 0.27, 0.03, 0.03, WHITE)
    for i in range(5):
        s.tree(0.1 + i * 0.07, s.base + 0.02, 0.16)
        s.tree(0.66 + i * 0.07, s.base + 0.02, 0.16)


def _bridge(s):
    s.rect(0, 0.74, 1, 1, WATER)
    s.rect(0, 0.52, 1, 0.56, DARK)
    for i in range(9):
        x = 0.05 + i * 0.11
        s.poly([(x, 0.52), (x + 0.055, 0.44), (x + 0.11, 0.52)], STONE)
    s.rect(0.1, 0.56, 0.13, 0.74, STONE)
    s.rect(0.87, 0.56, 0.9, 0.74, STONE)
    s.rect(0.35, 0.8, 0.75, 0.86, s.roof)  # barge
    s.rect(0.66, 0.75, 0.73, 0.8, WHITE)


def _office(s):
    s.rect(0.18, 0.3, 0.82, 0.74, s.wall)
    s.poly([(0.16, 0.3), (0.5, 0.2), (0.84, 0.3)], s.roof)
    s.windows(0.2, 0.34, 0.8, 0.62, 7, 2)
    s.rect(0.46, 0.62, 0.54, 0.74, DARK)
    s.rect(0.79, 0.08, 0.8, 0.3, DARK)
    s.rect(0.8, 0.08, 0.87, 0.13, s.accent)


DRAWERS = {
    "castle": _castle, "church": _church, "gate": _gate, "museum": _museum, "nature": _nature,
    "water": _water, "statue": _statue, "town": _town, "food": _food, "bed": _bed, "shop": _shop,
    "stones": _stones, "garden": _garden, "tower": _tower, "bridge": _bridge, "office": _office,
}  # fmt: skip
MOTIFS = tuple(DRAWERS)
INDOOR = {"food", "bed"}


def generate_image(motif: str, seed: int, width: int = 1600, height: int = 1067) -> bytes:
    """Return a JPEG of a flat illustration for ``motif``; the same seed gives the same bytes."""
    if motif not in DRAWERS:
        raise ValueError(f"Unknown motif {motif!r}; expected one of {', '.join(MOTIFS)}")
    rng = random.Random(f"{motif}:{seed}")
    scene = Scene(width * SUPERSAMPLE, height * SUPERSAMPLE, rng)
    if motif not in INDOOR:
        scene.backdrop(hills=motif not in {"town", "statue"})
    DRAWERS[motif](scene)
    image = scene.image.resize((width, height), Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=80, optimize=True)
    return buffer.getvalue()
