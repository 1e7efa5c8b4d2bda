"""hooks/nav_labels.py: every section's sidebar <nav> is named after the section."""

from __future__ import annotations

from types import SimpleNamespace as Item

from hooks.nav_labels import label_sections, section_titles


def _nav():
    page = Item(title="Home", children=None)
    docker = Item(
        title="Docker & Compose",
        children=[Item(title="Index", children=None), Item(title="Compose", children=None)],
    )
    chapter = Item(title="Chapter 1", children=[Item(title="Topic", children=None)])
    part = Item(title="Concepts", children=[Item(title="Index", children=None), chapter])
    return Item(items=[page, docker, part])


def test_sections_are_numbered_as_material_numbers_them():
    assert section_titles(_nav().items) == {
        "__nav_2": "Docker &amp; Compose",
        "__nav_3": "Concepts",
        "__nav_3_2": "Chapter 1",
    }


def test_each_labelledby_becomes_a_label_and_others_stay():
    html = (
        '<nav aria-labelledby="__nav_2_label"></nav><nav aria-labelledby="__nav_3_2_label"></nav>'
        '<nav aria-labelledby="__nav_9_label"></nav><nav aria-labelledby="__toc_label"></nav>'
    )
    assert label_sections(html, _nav()) == (
        '<nav aria-label="Docker &amp; Compose pages"></nav><nav aria-label="Chapter 1 pages"></nav>'
        '<nav aria-labelledby="__nav_9_label"></nav><nav aria-labelledby="__toc_label"></nav>'
    )


def test_no_nav_leaves_the_html_alone():
    assert label_sections('<nav aria-labelledby="__nav_1_label">', None) == (
        '<nav aria-labelledby="__nav_1_label">'
    )
