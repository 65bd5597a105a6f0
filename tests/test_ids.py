"""Ids from titles: a title in any script gives a readable ASCII id, the same on every
machine; a Latin title keeps the id it always had; a taken id gets a `-2` that fits."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from portfolio.content.ids import ID_LENGTH, SLUG_PATTERN, slug, unique_id


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("中文简历", "zhong-wen-jian-li"),  # Chinese: a pinyin syllable per character
        ("高级软件工程师 - 腾讯", "gao-ji-ruan-jian-gong-cheng-shi-teng-xun"),
        ("2023年度最佳员工", "2023-nian-du-zui-jia-yuan-gong"),
        ("日本語", "ri-ben-yu"),  # kanji, read in Mandarin
        ("ソフトウェアエンジニア", "sofutoueaenjinia"),  # kana, romanised
        ("エンジニア・リーダー", "enjinia-rida"),  # the middle dot parts words
        ("東京大学の研究", "dong-jing-da-xue-no-yan-jiu"),
        ("Руководитель группы разработки", "rukovoditel-gruppy-razrabotki"),
        ("Объявление", "obyavlenie"),  # the hard sign spells nothing, and parts nothing
        ("Ανάπτυξη λογισμικού", "anaptyxi-logismikoy"),
        ("مدير المشروع", "mdyr-almshrw"),  # Arabic: short vowels are not written
        ("مهندس نرم‌افزار ارشد", "mhnds-nrmafzar-arshd"),  # Persian, a joiner inside a word
        ("جایزه بهترین مهندس", "jayzh-bhtryn-mhnds"),
        ("מהנדס תוכנה בכיר", "mhnds-tvkhnh-vkhyr"),  # Hebrew
        ("소프트웨어 엔지니어", "sopeuteuweeo-enjinieo"),  # Korean
        ("Nguyễn Văn Đức", "nguyen-van-duc"),  # Vietnamese
        ("हिन्दी शिक्षक", "hindi-siksk"),
        ("🚀 Launch 🎉 v2", "launch-v2"),  # emoji are left out
        ("🇨🇳 🚀", ""),
        ("Senior 工程师 at Москва", "senior-gong-cheng-shi-at-moskva"),
    ],
)
def test_a_title_in_any_script_gives_a_readable_id(title: str, expected: str) -> None:
    assert slug(title) == expected
    assert slug(unicodedata.normalize("NFD", title)) == expected  # however it was typed


def test_a_long_transliteration_is_cut_after_a_word() -> None:
    title = "负责公司核心交易系统的架构设计与性能优化并带领十人团队完成迁移"
    # 57 characters: `-xing` would make 62
    assert slug(title) == "fu-ze-gong-si-he-xin-jiao-yi-xi-tong-de-jia-gou-she-ji-yu"
    assert slug("Руководитель " * 20) == "-".join(["rukovoditel"] * 5)


# The slug before titles in other scripts were transliterated, kept to prove that a
# Latin title keeps its id.
_OLD_LETTERS = str.maketrans({"ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE",
                              "ß": "ss", "đ": "d", "Đ": "D", "ł": "l", "Ł": "L", "þ": "th",
                              "ð": "d", "ı": "i"})  # fmt: skip


def _old_slug(title: str) -> str:
    spelled = title.translate(_OLD_LETTERS)
    ascii_title = unicodedata.normalize("NFKD", spelled).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_title.lower())
    kept: list[str] = []
    for word in words:
        if len("-".join([*kept, word])) > ID_LENGTH:
            if not kept:
                kept.append(word[:ID_LENGTH])
            break
        kept.append(word)
    return "-".join(kept)


def _spelled_before(char: str) -> bool:
    """Whether the old slug spelled this character, or it is no letter, mark or digit,
    or the new slug leaves it out too."""
    return (
        _old_slug(f"a{char}a") != "aa"
        or unicodedata.category(char)[0] not in "LMN"
        or slug(f"a{char}a") == "aa"
    )


# Latin, Latin-1, the Latin extensions, combining accents, Vietnamese, general
# punctuation and currency.
BLOCKS = ((0x20, 0x250), (0x300, 0x370), (0x1E00, 0x1F00), (0x2000, 0x2070), (0x20A0, 0x20C1))
LATIN = [
    chr(c)
    for block in BLOCKS
    for c in range(*block)
    if unicodedata.category(chr(c)) not in ("Cn", "Cs")
]


def test_every_latin_character_is_spelled_as_before() -> None:
    """Each character of the Latin blocks, punctuation and symbols among them, gives the
    id it gave before inside or between words, unless it is a letter the old slug left
    out (those are now spelled: the next test)."""
    changed = []
    for char in LATIN:
        if not _spelled_before(char):
            continue
        for title in (f"ab{char}cd", f"ab {char} cd", f"{char}x", f"O{char}Brien-2"):
            if slug(title) != _old_slug(title):
                changed.append((char, title, slug(title), _old_slug(title)))
    assert changed == []


def test_latin_letters_the_old_slug_dropped_are_now_spelled() -> None:
    dropped = [c for c in LATIN if not _spelled_before(c)]
    # Letters without a decomposition (`Þ`, `ə`, `ŋ`, `ħ`...) and combining letters (`ͣ`)
    assert len(dropped) == 142
    assert slug("Þórður Ðorðević") == "thordur-dordevic"  # was `ordur-ordevic`
    assert slug("Azərbaycan Ħamrun Ŋuolggá µm ẞ") == "azerbaycan-hamrun-nguolgga-um-ss"
    assert _old_slug("Azərbaycan Ħamrun Ŋuolggá µm ẞ") == "azrbaycan-amrun-uolgga-m"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from([c for c in LATIN if _spelled_before(c)]), max_size=80))
def test_latin_titles_keep_their_ids(title: str) -> None:
    assert slug(title) == _old_slug(title)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=120))
def test_any_title_gives_a_valid_id_or_none(title: str) -> None:
    found = slug(title)
    assert found == "" or re.fullmatch(SLUG_PATTERN, found)
    assert len(found) <= ID_LENGTH
    assert slug(title) == found


def test_a_taken_id_gets_the_next_number_and_stays_within_the_limit() -> None:
    assert unique_id("Reference from 王芳", set(), "evidence") == "reference-from-wang-fang"
    taken = {"wang-fang", "wang-fang-2"}
    assert unique_id("王芳", taken, "evidence") == "wang-fang-3"
    assert unique_id("🚀", set(), "evidence") == "evidence"
    assert unique_id("🎉", {"evidence"}, "evidence") == "evidence-2"
    long_title = "Руководитель " * 20
    first = unique_id(long_title, set(), "evidence")
    second = unique_id(long_title, {first}, "evidence")
    assert first == "-".join(["rukovoditel"] * 5) and len(first) == 59
    assert second == "-".join(["rukovoditel"] * 4) + "-2"  # cut after a word for `-2`
    word = unique_id("x" * 90, {"x" * 60}, "evidence")
    assert word == "x" * 58 + "-2"
