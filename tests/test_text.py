"""Reading (encodings, BOM, line endings, dateline) and sentence spans."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.model import InputError
from auditor.read.decode import decode, document_from_text, parse_dateline, read_document
from auditor.read.lines import LineIndex, crosses_line, line_end, line_start
from auditor.read.segment import split_sentences

ARTICLE = "The talks began on Monday. Officials met in Geneva.\n\nA second paragraph follows."


def sentences_of(text: str) -> list[str]:
    """Return the sentence strings of `text`."""
    doc = document_from_text(text)
    return [doc.sentence_text(s.index) for s in doc.sentences]


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (ARTICLE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + ARTICLE.encode("utf-8"), "utf-8-sig"),
        (ARTICLE.encode("utf-16"), "utf-16"),
        (codecs.BOM_UTF16_BE + ARTICLE.encode("utf-16-be"), "utf-16"),
    ],
)
def test_unicode_encodings_decode_to_the_same_text(data: bytes, encoding: str) -> None:
    text, used = decode(data, "x.txt")
    assert text == ARTICLE
    assert used == encoding


def test_legacy_single_byte_encoding_is_detected(tmp_path: Path) -> None:
    original = "Le ministre a déclaré à Genève que les négociations étaient « très difficiles »."
    path = tmp_path / "latin.txt"
    path.write_bytes(((original + "\n") * 3).encode("cp1252"))
    doc = read_document(path, "a")
    assert doc.text.startswith(original)
    assert doc.encoding != "utf-8"


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"", "empty"),
        (b"   \n\t\n  ", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (b" date 2022-01-10\n\n\n", "no article text"),
    ],
)
def test_bad_files_raise_one_line_errors_naming_the_file(
    tmp_path: Path, content: bytes, problem: str
) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(InputError) as exc:
        read_document(path, "a")
    message = str(exc.value)
    assert str(path) in message and problem in message and "\n" not in message


def test_missing_file_and_directory_are_input_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_document(tmp_path / "missing.txt", "a")
    with pytest.raises(InputError, match="directory"):
        read_document(tmp_path, "a")


def test_dateline_becomes_the_date_and_is_not_a_sentence() -> None:
    text = " date 2022-01-10 \n\n\n\nGENEVA (AP) Talks began. They ended."
    doc = document_from_text(text)
    assert doc.date == "2022-01-10"
    assert doc.text == text
    assert [doc.sentence_text(s.index) for s in doc.sentences] == [
        "GENEVA (AP) Talks began.",
        "They ended.",
    ]


def test_no_dateline_means_no_date_and_body_from_start() -> None:
    assert parse_dateline("The date was set. Later.") == (None, 0)
    assert parse_dateline("\ufeff date 2021-06-16\r\nText.")[0] == "2021-06-16"


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_offsets_survive_every_line_ending(newline: str) -> None:
    text = f" date 2022-01-11{newline}{newline}First one.{newline}{newline}Second “quoted” one."
    doc = document_from_text(text)
    assert [doc.sentence_text(s.index) for s in doc.sentences] == [
        "First one.",
        "Second “quoted” one.",
    ]


def test_no_sentence_crosses_a_blank_line() -> None:
    text = "A headline without a stop\n\nThe body starts here. It goes on."
    assert sentences_of(text) == [
        "A headline without a stop",
        "The body starts here.",
        "It goes on.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Lt. Gen. James Mingus arrived. He spoke.",
        "The U.S. delegation met the U.N. envoy on Jan. 10 at 9 a.m. in Geneva. Talks followed.",
        "Sen. Smith and Rep. Jones voted for Resolution No. 5 on Sept. 3. Both spoke.",
        "Former President George W. Bush spoke. He left.",
    ],
)
def test_news_abbreviations_do_not_end_sentences(text: str) -> None:
    assert len(sentences_of(text)) == 2


def test_each_line_is_a_segment_in_one_segment_per_line_text() -> None:
    text = "A headline without a stop\nThe first segment. It has two sentences.\nThe last one.\n"
    assert sentences_of(text) == [
        "A headline without a stop",
        "The first segment.",
        "It has two sentences.",
        "The last one.",
    ]


def test_hard_wrapped_prose_is_not_split_at_line_ends() -> None:
    text = "Officials from the United\nStates met their Russian\ncounterparts in Geneva on\nMonday."
    assert sentences_of(text) == [text]


def test_mt_sentence_break_stays_visible() -> None:
    text = "They would act if Russia is willing to do so. backtrack on Ukraine."
    assert sentences_of(text) == [
        "They would act if Russia is willing to do so.",
        "backtrack on Ukraine.",
    ]


def test_stray_full_stop_joins_the_sentence_before_it() -> None:
    assert sentences_of("A meeting in Vienna. .\n\nNext.") == ["A meeting in Vienna. .", "Next."]


def test_seed_sentences_round_trip(seed_paths: list[Path]) -> None:
    for i, path in enumerate(seed_paths):
        doc = read_document(path, "ab"[i])
        assert doc.text == path.read_text(encoding="utf-8")
        assert doc.date is not None and doc.body_start > 0
        assert len(doc.sentences) > 15
        previous_end = doc.body_start
        for s in doc.sentences:
            piece = doc.text[s.start : s.end]
            assert piece == piece.strip() and piece
            assert s.start >= previous_end
            assert "\n\n" not in piece
            previous_end = s.end


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_line_helpers_know_every_line_ending(newline: str) -> None:
    text = f"first line{newline}second line{newline}third"
    second = text.index("second")
    assert crosses_line(text, 0, second) and not crosses_line(text, second, second + 6)
    assert line_start(text, second + 3) == second
    assert text[second : line_end(text, second + 3)] == "second line"
    assert line_end(text, text.index("third")) == len(text)


def test_line_index_counts_lines_and_columns_from_one() -> None:
    text = "ab\r\ncd\ref\ngh"
    index = LineIndex(text)
    assert index.position(0) == (1, 1)
    assert index.position(text.index("d")) == (2, 2)
    assert index.position(text.index("e")) == (3, 1)
    assert index.position(text.index("h")) == (4, 2)


TEXT_ALPHABET = st.sampled_from(
    [*list("abcdefXYZ .,;:!?\"'“”‘’()-\xa0\t"), "\n", "\r\n", "\r", "\n\n", "U.S.", "Dr. ", "é"]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(TEXT_ALPHABET, min_size=1, max_size=80).map("".join))
def test_generated_text_sentences_are_exact_non_overlapping_spans(text: str) -> None:
    sentences = split_sentences(text)
    end = 0
    for s in sentences:
        piece = text[s.start : s.end]
        assert piece and piece == piece.strip()
        assert s.start >= end
        end = s.end
    covered = "".join(text[s.start : s.end] for s in sentences)
    assert "".join(covered.split()) == "".join(text.split())
