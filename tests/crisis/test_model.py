"""The exported model: its file format, its words, how it folds class probabilities."""

from __future__ import annotations

import json

import numpy as np
import pytest

from selfkind.analysis.crisis.model import (
    Folding,
    SignalModel,
    fold,
    load_model,
    model_from_dict,
    model_to_dict,
    terms,
)
from selfkind.core.analysis import CRISIS_SIGNALS


def test_terms_are_words_and_word_pairs() -> None:
    assert terms("i do not want to") == {
        "i": 1, "do": 1, "not": 1, "want": 1, "to": 1,
        "i do": 1, "do not": 1, "not want": 1, "want to": 1,
    }  # fmt: skip
    assert terms("tired . tired")["tired"] == 2


def test_the_file_format_round_trips(fake: SignalModel) -> None:
    model = fake
    again = model_from_dict(json.loads(json.dumps(model_to_dict(model))))
    assert again.classes == model.classes
    assert np.array_equal(again.embedding_weights, model.embedding_weights)
    assert (again.possible_at, again.likely_at) == (model.possible_at, model.likely_at)


def test_an_unknown_format_version_is_refused(fake: SignalModel) -> None:
    data = model_to_dict(fake)
    data["version"] = 99
    with pytest.raises(ValueError, match="format version"):
        model_from_dict(data)


def test_folding_adds_up_signs_and_keeps_mild_ones_out_of_direct() -> None:
    classes = ["none:negated", "plan", "burden_hopelessness", "burden_hopelessness:possible"]
    reading = fold(classes, [0.1, 0.2, 0.3, 0.4])
    assert reading.signal == "burden_hopelessness"
    assert reading.crisis == pytest.approx(0.9)
    assert reading.direct == pytest.approx(0.5)
    assert reading.signal_probability == pytest.approx(0.7 / 0.9)
    assert Folding.of(classes).signals == ("burden_hopelessness", "plan")


def test_the_packaged_model_knows_every_sign_and_has_sane_thresholds() -> None:
    model = load_model()
    assert model is not None
    assert Folding.of(model.classes).signals == tuple(sorted(CRISIS_SIGNALS))
    assert any(c.startswith("none:") for c in model.classes)
    assert 0.0 < model.possible_at <= model.likely_at <= 1.0
    assert model.dim == 384
    assert len(model.term_index) == model.term_weights.shape[1]


def test_words_move_the_packaged_model() -> None:
    # The same neutral vector, with and without crisis words: the words alone
    # must push the reading towards a sign.
    model = load_model()
    assert model is not None
    vector = np.zeros(model.dim, dtype=np.float32)
    calm = model.read(vector, terms("went to the shops and bought bread"))
    dark = model.read(vector, terms("i want to kill myself tonight i have the pills"))
    assert dark.crisis > calm.crisis
