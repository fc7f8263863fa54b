"""When a frame counts as rendered: the verdict from reported/predicted images (no disk, no clock)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from lrc_toolbox.core.verification import (
    MISSING,
    STALE_IMAGE_SLACK_S,
    FrameVerdict,
    ImageFacts,
    ImageNaming,
    image_problem,
    is_fresh,
    verify_frame,
)

LAUNCHED_WALL = 1_700_000_000.0


def _disk(**files: ImageFacts):
    """A file system as a table: ``name -> facts`` (any other path is missing)."""
    return lambda path: files.get(path, MISSING)


def _image(size: int = 10, mtime: float = LAUNCHED_WALL + 5) -> ImageFacts:
    return ImageFacts(exists=True, size=size, mtime=mtime)


def _verify(reported, predicted, disk, *, skip_existing=False) -> FrameVerdict:
    return verify_frame(
        reported,
        predicted,
        launched_wall=LAUNCHED_WALL,
        skip_existing=skip_existing,
        probe=disk,
    )


def test_every_reported_image_must_exist_and_be_non_empty() -> None:
    disk = _disk(beauty=_image(), depth=_image())
    assert _verify(["beauty", "depth"], [], disk) == FrameVerdict(True, path="beauty")
    missing = _verify(["beauty", "spec"], [], disk)
    assert not missing.ok and missing.why == "the renderer reported spec but it does not exist"
    empty = _verify(["beauty"], [], _disk(beauty=_image(size=0)))
    assert empty.why == "image is empty (0 bytes): beauty"


def test_an_unreadable_image_says_why() -> None:
    disk = _disk(beauty=ImageFacts(exists=False, read_error="Permission denied"))
    assert _verify(["beauty"], [], disk).why == "cannot read beauty: Permission denied"


def test_a_reported_image_is_never_judged_by_its_age() -> None:
    old = _disk(beauty=_image(mtime=LAUNCHED_WALL - 3600))
    assert _verify(["beauty"], [], old).ok


def test_reported_images_decide_even_when_a_prediction_exists() -> None:
    disk = _disk(predicted=_image())
    assert not _verify(["reported"], ["predicted"], disk).ok


def test_a_predicted_image_must_be_fresh() -> None:
    fresh = _disk(p=_image(mtime=LAUNCHED_WALL - STALE_IMAGE_SLACK_S))  # within the slack
    stale = _disk(p=_image(mtime=LAUNCHED_WALL - STALE_IMAGE_SLACK_S - 0.1))
    assert _verify([], ["p"], fresh) == FrameVerdict(True, path="p")
    assert _verify([], ["p"], stale) == FrameVerdict(False)
    assert _verify([], ["p"], stale, skip_existing=True).ok  # the user keeps old images


def test_any_predicted_template_may_verify_and_empty_ones_do_not() -> None:
    disk = _disk(a=_image(size=0), b=_image())
    assert _verify([], ["a", "b"], disk) == FrameVerdict(True, path="b")
    assert _verify([], ["a"], disk) == FrameVerdict(False)
    assert _verify([], [], disk) == FrameVerdict(False)


def test_image_problem_and_freshness_are_plain_functions() -> None:
    assert image_problem("x", _image()) is None
    assert is_fresh(MISSING, LAUNCHED_WALL, skip_existing=False) is False
    assert is_fresh(MISSING, LAUNCHED_WALL, skip_existing=True) is True


def test_naming_is_learned_once_and_predicts_every_frame() -> None:
    naming = ImageNaming({"FG": ["/o/FG/fg.{frame_signed:04d}.exr"]})
    assert naming.is_known("FG") and not naming.is_known("BG")
    assert naming.predict("BG", 3) == []
    naming.learn("BG", "/o/BG/shot.0005.exr", 5)
    naming.learn("BG", "/o/BG/shot.0006.exr", 6)  # the same template: kept once
    naming.learn("BG", "/o/BG/beauty.exr", 7)  # no frame number: teaches nothing
    assert naming.templates("BG") == ["/o/BG/shot.{frame_signed:04d}.exr"]
    assert naming.predict("BG", 12) == ["/o/BG/shot.0012.exr"]
    naming.learn("BG", "/o/BG/depth/shot_depth.0005.exr", 5)  # a second AOV
    assert naming.predict("BG", 1) == ["/o/BG/shot.0001.exr", "/o/BG/depth/shot_depth.0001.exr"]


@settings(max_examples=150, deadline=None)
@given(
    reported=st.lists(st.sampled_from(["a", "b", "c"]), max_size=3),
    predicted=st.lists(st.sampled_from(["p", "q"]), max_size=2),
    sizes=st.dictionaries(st.sampled_from(["a", "b", "c", "p", "q"]), st.integers(0, 3)),
    age=st.floats(-10, 10),
    skip_existing=st.booleans(),
)
def test_a_verified_frame_always_has_a_non_empty_image(
    reported, predicted, sizes, age, skip_existing
) -> None:
    disk = _disk(**{name: _image(size, LAUNCHED_WALL + age) for name, size in sizes.items()})
    verdict = _verify(reported, predicted, disk, skip_existing=skip_existing)
    if verdict.ok:
        assert verdict.path is not None and sizes.get(verdict.path, 0) > 0
        if reported:
            assert verdict.path == reported[0]
            assert all(sizes.get(path, 0) > 0 for path in reported)
    elif reported:
        assert verdict.why  # a bad reported image is always explained
