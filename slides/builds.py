"""PowerPoint builds: a shape's bullets appear one click at a time.

Written as the slide's ``p:timing``: the main sequence holds one click per group of
paragraphs (a bullet with its sub-bullets), each an "appear" entrance effect on that
paragraph range, and ``p:bldLst`` tells PowerPoint the shape is built by paragraph.
Only the slideshow animates: the slide as laid out (and its PDF copies) shows everything.
"""

from __future__ import annotations

from collections.abc import Sequence

from kit.layout.textfit import Text


def click_groups(text: Text) -> list[tuple[int, int]]:
    """First and last paragraph index of each click: a top-level paragraph and those
    indented under it."""
    groups: list[tuple[int, int]] = []
    for index, para in enumerate(text.paragraphs):
        if para.level == 0 or not groups:
            groups.append((index, index))
        else:
            groups[-1] = (groups[-1][0], index)
    return groups


def _click(ids: list[int], shape_id: int, first: int, last: int) -> str:
    """One click: a paragraph range appears. ``ids`` hands out the time node ids."""
    outer, inner, effect, setter = (ids.pop(0) for _ in range(4))
    target = (
        f'<p:tgtEl><p:spTgt spid="{shape_id}"><p:txEl><p:pRg st="{first}" end="{last}"/>'
        "</p:txEl></p:spTgt></p:tgtEl>"
    )
    return (
        f'<p:par><p:cTn id="{outer}" fill="hold"><p:stCondLst><p:cond delay="indefinite"/>'
        f'</p:stCondLst><p:childTnLst><p:par><p:cTn id="{inner}" fill="hold"><p:stCondLst>'
        f'<p:cond delay="0"/></p:stCondLst><p:childTnLst><p:par><p:cTn id="{effect}" '
        'presetID="1" presetClass="entr" presetSubtype="0" fill="hold" grpId="0" '
        'nodeType="clickEffect"><p:stCondLst><p:cond delay="0"/></p:stCondLst><p:childTnLst>'
        f'<p:set><p:cBhvr><p:cTn id="{setter}" dur="1" fill="hold"><p:stCondLst>'
        f'<p:cond delay="0"/></p:stCondLst></p:cTn>{target}<p:attrNameLst>'
        "<p:attrName>style.visibility</p:attrName></p:attrNameLst></p:cBhvr><p:to>"
        '<p:strVal val="visible"/></p:to></p:set></p:childTnLst></p:cTn></p:par>'
        "</p:childTnLst></p:cTn></p:par></p:childTnLst></p:cTn></p:par>"
    )


def timing_xml(built: Sequence[tuple[int, Text]]) -> str:
    """The ``p:timing`` for shapes built one click at a time (shape id, its text); empty
    when there are none."""
    clicks = [(shape_id, group) for shape_id, text in built for group in click_groups(text)]
    if not clicks:
        return ""
    ids = list(range(3, 3 + 4 * len(clicks)))
    pars = "".join(_click(ids, shape_id, first, last) for shape_id, (first, last) in clicks)
    builds = "".join(f'<p:bldP spid="{shape_id}" grpId="0" build="p"/>' for shape_id, _ in built)
    return (
        '<p:timing><p:tnLst><p:par><p:cTn id="1" dur="indefinite" restart="never" '
        'nodeType="tmRoot"><p:childTnLst><p:seq concurrent="1" nextAc="seek">'
        f'<p:cTn id="2" dur="indefinite" nodeType="mainSeq"><p:childTnLst>{pars}'
        '</p:childTnLst></p:cTn><p:prevCondLst><p:cond evt="onPrev" delay="0"><p:tgtEl>'
        '<p:sldTgt/></p:tgtEl></p:cond></p:prevCondLst><p:nextCondLst><p:cond evt="onNext" '
        'delay="0"><p:tgtEl><p:sldTgt/></p:tgtEl></p:cond></p:nextCondLst></p:seq>'
        f"</p:childTnLst></p:cTn></p:par></p:tnLst><p:bldLst>{builds}</p:bldLst></p:timing>"
    )
