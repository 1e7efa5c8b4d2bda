"""The data the progress scripts need at read time, generated from the front matter.

``assets/javascripts/curriculum/items.json`` lists every part and topic (in nav order)
with its checklist ids, levels and ``replaces``, so the home page can count progress per
topic and part, and renamed items carry their ticks over on every page. Plain Python; the
bytes depend only on the content (no timestamps), so two builds give the same file.
"""

from __future__ import annotations

import json
from typing import Any

from hooks.model import Curriculum

ITEMS_PATH = "assets/javascripts/curriculum/items.json"
FORMAT_VERSION = 1


def items_data(curriculum: Curriculum) -> dict[str, Any]:
    parts = []
    topics = []
    for part, title, part_topics in curriculum.by_part():
        parts.append({"id": part, "title": title, "topics": [t.slug for t in part_topics]})
        for topic in part_topics:
            topics.append(
                {
                    "id": topic.slug,
                    "part": part,
                    "title": topic.title,
                    "url": topic.url,
                    "reviewed": str(topic.meta.get("reviewed", "")),
                    "items": [
                        {
                            "id": item["id"],
                            "level": item["level"],
                            "replaces": list(item.get("replaces") or []),
                        }
                        for item in topic.checklist
                    ],
                }
            )
    return {"version": FORMAT_VERSION, "parts": parts, "topics": topics}


def items_json(curriculum: Curriculum) -> str:
    return json.dumps(items_data(curriculum), ensure_ascii=False, separators=(",", ":")) + "\n"
