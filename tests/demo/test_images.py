import io

import pytest
from PIL import Image

from demo.images import MOTIFS, generate_image


@pytest.mark.parametrize("motif", MOTIFS)
def test_every_motif_is_a_small_jpeg_of_the_requested_size(motif):
    data = generate_image(motif, seed=1, width=640, height=427)

    image = Image.open(io.BytesIO(data))
    assert image.format == "JPEG"
    assert image.size == (640, 427)
    assert len(data) < 150_000


def test_the_default_size_fits_a_hero_image():
    image = Image.open(io.BytesIO(generate_image("castle", seed=3)))

    assert image.size == (1600, 1067)


@pytest.mark.parametrize("motif", MOTIFS)
def test_the_same_seed_gives_the_same_image(motif):
    assert generate_image(motif, seed=7, width=320, height=213) == generate_image(
        motif, seed=7, width=320, height=213
    )


def test_different_seeds_give_different_images():
    images = {generate_image("town", seed=seed, width=320, height=213) for seed in range(5)}

    assert len(images) > 1


def test_an_unknown_motif_is_refused():
    with pytest.raises(ValueError, match="submarine"):
        generate_image("submarine", seed=1)
