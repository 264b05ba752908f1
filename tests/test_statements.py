"""Who said what, and which regions each passage names (briefsite.site.statements)."""

import datetime as dt

from briefsite.content.model import Bulletin, SourceRef, Speaker
from briefsite.site.body import render_body
from briefsite.site.statements import statements


def bulletin(body: str, speakers: list[str]) -> Bulletin:
    return Bulletin(
        path="x.md",
        slug="x",
        title="X",
        date=dt.date(2024, 1, 1),
        publisher="P",
        source=SourceRef("x.txt"),
        summary="",
        speakers=tuple(Speaker(s) for s in speakers),
        regions=(),
        themes=(),
        body=body,
        body_line=1,
    )


def said(body: str, speakers: list[str], registry):
    rendered = render_body(body, registry)
    return statements(bulletin(body, speakers), rendered.paragraphs)


def test_a_lone_speaker_gets_only_the_sentences_attributed_to_them(registry):
    body = (
        "Urban agglomerations are growing across China.\n\n"
        "According to WU Zhiqiang, the Yangtze River Delta leads. He added that it must"
        " cooperate.\n\n"
        "The Pearl River Delta is another case, the reporter noted.\n"
    )
    found = said(body, ["wu-zhiqiang"], registry)
    assert [(s.anchor, s.quote) for s in found] == [
        (
            "p2",
            "According to WU Zhiqiang, the Yangtze River Delta leads. He added that it must"
            " cooperate.",
        )
    ]
    assert found[0].regions == ("yangtze-river-delta",)


def test_a_credit_line_giving_the_text_as_their_views_makes_every_paragraph_theirs(registry):
    body = (
        "Urban agglomerations in the Pearl River Delta are growing.\n\n"
        "Cooperation must deepen.\n\n"
        "(Translated excerpts from the views of WEN Yuyuan, during an interview.)\n"
    )
    found = said(body, ["wen-yuyuan"], registry)
    assert [s.anchor for s in found] == ["p1", "p2"], "not the credit line"
    assert found[0].regions == ("pearl-river-delta",) and found[1].regions == ()


def test_a_passage_names_only_the_regions_in_its_own_sentences(registry):
    body = (
        "The Beijing-Tianjin-Hebei Region is large. According to FANG Chuanglin, the"
        " Yangtze River Delta is diverse. As pointed out by TU Qiyu, the Pearl River Delta"
        " is dense.\n"
    )
    found = said(body, ["fang-chuanglin", "tu-qiyu"], registry)
    assert [(s.expert_id, s.regions) for s in found] == [
        ("fang-chuanglin", ("yangtze-river-delta",)),
        ("tu-qiyu", ("pearl-river-delta",)),
    ]
