"""The numpy TF-IDF transform must equal scikit-learn's, feature for feature."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.feature_extraction.text import TfidfVectorizer

from selfkind.analysis.stance_head import load_stance_head
from selfkind.analysis.tfidf import TfidfSpec, TfidfTransform

TRAIN = [
    "I'm SUCH an idiot!!  I missed the deadline again.",
    "Everyone makes mistakes; it's okay 😊 to be human.",
    "Ünïcödé wörds: naïve café — façade",
    "x",
    "I noticed   a tight chest\tand named it: worry.",
    "I'm such an idiot, everyone makes mistakes",
]
SAMPLES = [
    *TRAIN,
    "new words idiot mistakes 😊 a",
    "",
    "   \n ",
    "I I I idiot idiot idiot idiot",
    "Ich bin so ein Idiot",
    "日本語のテキスト、そして emoji 🙃🙃",
    "tab\tand\x0bvertical\x0cfeeds",
]


def _spec(vectorizer: TfidfVectorizer, analyzer: str, ngram_range: tuple[int, int],
          sublinear: bool) -> TfidfSpec:
    terms = [""] * len(vectorizer.vocabulary_)
    for term, index in vectorizer.vocabulary_.items():
        terms[index] = term
    return TfidfSpec(analyzer=analyzer, ngram_range=ngram_range,  # type: ignore[arg-type]
                     terms=tuple(terms), idf=vectorizer.idf_, sublinear_tf=sublinear)


@pytest.mark.parametrize(
    ("analyzer", "ngram_range", "sublinear"),
    [("word", (1, 2), True), ("word", (1, 1), False), ("char_wb", (2, 5), True),
     ("char_wb", (1, 3), False), ("word", (2, 3), True)],
)
def test_transform_matches_sklearn(analyzer: str, ngram_range: tuple[int, int],
                                   sublinear: bool) -> None:
    vectorizer = TfidfVectorizer(analyzer=analyzer, ngram_range=ngram_range,
                                 sublinear_tf=sublinear).fit(TRAIN)
    ours = TfidfTransform(_spec(vectorizer, analyzer, ngram_range, sublinear))
    expected = vectorizer.transform(SAMPLES).toarray()
    np.testing.assert_allclose(ours.transform_dense(SAMPLES), expected, atol=1e-12)
    assert np.abs(expected).sum() > 0  # the comparison is not between two zero matrices


def test_committed_vocabularies_transform_like_sklearn() -> None:
    """The shipped stance model's word and char vocabularies, re-read by sklearn."""
    head = load_stance_head()
    for transform in (head.word, head.char):
        spec = transform.spec
        vectorizer = TfidfVectorizer(analyzer=spec.analyzer, ngram_range=spec.ngram_range,
                                     vocabulary=list(spec.terms), sublinear_tf=spec.sublinear_tf)
        vectorizer.fit(["placeholder"])
        vectorizer.idf_ = spec.idf
        expected = vectorizer.transform(SAMPLES).toarray()
        np.testing.assert_allclose(transform.transform_dense(SAMPLES), expected, atol=1e-12)
        assert (expected != 0).any()


def test_unnormalised_values_are_tf_times_idf() -> None:
    vectorizer = TfidfVectorizer(analyzer="word", sublinear_tf=False).fit(TRAIN)
    ours = TfidfTransform(_spec(vectorizer, "word", (1, 1), False))
    idx, values = ours.transform_one("idiot idiot everyone", normalize=False)
    by_term = {ours.spec.terms[i]: v for i, v in zip(idx, values, strict=True)}
    assert by_term["idiot"] == pytest.approx(2 * vectorizer.idf_[vectorizer.vocabulary_["idiot"]])
