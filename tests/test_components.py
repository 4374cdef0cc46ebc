import cv2
import numpy as np

from pipeline.components import most_components, with_stats


def _same_as_opencv(mask: np.ndarray, connectivity: int = 8) -> bool:
    mine = with_stats(mask, connectivity)
    stock = cv2.connectedComponentsWithStats(mask, connectivity=connectivity)
    return mine[0] == stock[0] and all(np.array_equal(a, b) for a, b in zip(mine[1:], stock[1:], strict=True))


def test_labels_stats_and_centroids_are_opencvs_own():
    rng = np.random.default_rng(7)
    specks = (rng.random((300, 420)) < 0.3).astype(np.uint8) * 255  # many small pieces, some touching
    assert _same_as_opencv(specks)
    assert _same_as_opencv(specks, connectivity=4)


def test_a_ruled_page_mask_keeps_its_boxes():
    mask = np.zeros((1200, 900), np.uint8)
    cv2.rectangle(mask, (50, 60), (850, 1100), 255, 1)  # a table frame
    cv2.rectangle(mask, (600, 100), (800, 220), 255, 1)  # a stamp box inside it
    count, _, stats, _ = with_stats(mask)
    assert count == 3
    assert [tuple(int(v) for v in s[:4]) for s in stats[1:]] == [(50, 60, 801, 1041), (600, 100, 201, 121)]
    assert _same_as_opencv(mask)


def test_more_components_than_16_bit_labels_count():
    dots = np.zeros((600, 600), np.uint8)
    dots[::2, ::2] = 1  # 90,000 lone pixels: labels past 65,535
    count, labels, _, _ = with_stats(dots)
    assert count == 90_001
    assert int(labels.max()) == 90_000


def test_the_bound_counts_runs_of_ink_and_holds_for_a_page_of_rules():
    rules = np.zeros((3500, 2480), np.uint8)
    rules[100:3400:40, 50:2430] = 255  # long rules: some 200,000 inked pixels in a few thousand runs
    rules[100:3400, 50:2430:300] = 255
    assert cv2.countNonZero(rules) > 65535
    assert most_components(rules) < 65535
    assert _same_as_opencv(rules)
    runs = np.array([[1, 1, 0, 2, 0, 1]], np.uint8)
    assert most_components(np.repeat(runs, 20_000, axis=0)) == 60_000  # 80,000 pixels in 60,000 runs
    assert most_components(np.repeat(runs, 30_000, axis=0)) == 90_000  # runs past 16 bits: 32-bit labels
