"""Training is deterministic, and the shipped model files are small and readable."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from selfkind.analysis.model_files import model_dir, read_arrays, write_arrays
from selfkind.analysis.stance_head import load_stance_head
from selfkind.analysis.train import default_corpus, train
from selfkind.core.pillars import Stance


def test_npz_bytes_do_not_depend_on_the_clock(tmp_path: Path) -> None:
    arrays = {"b": np.arange(5, dtype=np.float32), "a": np.eye(3)}
    write_arrays(tmp_path / "one.npz", arrays)
    write_arrays(tmp_path / "two.npz", dict(reversed(list(arrays.items()))))
    assert (tmp_path / "one.npz").read_bytes() == (tmp_path / "two.npz").read_bytes()
    back = read_arrays(tmp_path / "one.npz")
    np.testing.assert_array_equal(back["a"], arrays["a"])


def test_shipped_model_is_small() -> None:
    files = sorted(model_dir().iterdir())
    names = {f.name for f in files}
    assert {"stance.npz", "stance.json", "patterns.npz", "patterns.json"} <= names
    assert sum(f.stat().st_size for f in files) < 5 * 1024 * 1024


def test_shipped_stance_head_covers_all_stances() -> None:
    head = load_stance_head()
    assert set(head.classes) == set(Stance)
    assert head.coef_embedding.shape == (384, 7)
    assert head.coef_word.shape == (head.word.size, 7)
    assert head.coef_char.shape == (head.char.size, 7)


@pytest.mark.model
@pytest.mark.slow
def test_retraining_a_slice_twice_writes_the_same_bytes(tmp_path: Path) -> None:
    corpus = default_corpus()
    if not (corpus / "stance").is_dir():
        pytest.skip("the training corpus is not beside this checkout")
    first, second = tmp_path / "first", tmp_path / "second"
    train(corpus, first, per_class=12)
    train(corpus, second, per_class=12)
    names = sorted(p.name for p in first.iterdir())
    assert names == ["patterns.json", "patterns.npz", "stance.json", "stance.npz"]
    for name in names:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name
    head = load_stance_head(first)
    assert head.coef_embedding.shape == (384, 7)
