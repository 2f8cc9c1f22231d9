"""`make manual`: docs/handleiding.md as one self-contained HTML file.

    python docs/make_manual.py [OUT.html]      (default dist/handleiding.html)

The screenshots are embedded, so the file can be copied to a laptop or mailed on its own
and opened in any browser. Headings get the ids GitHub gives them, so the manual's own
links (the table of contents) work in the HTML too.
"""

from __future__ import annotations

import base64
import html
import re
import sys
from pathlib import Path

from markdown_it import MarkdownIt

DOCS = Path(__file__).resolve().parent
SOURCE = DOCS / "handleiding.md"
STYLE = """
body { font-family: "Segoe UI", "DejaVu Sans", sans-serif; max-width: 60em; margin: 2em auto;
       padding: 0 1em; line-height: 1.45; color: #222; }
h1, h2, h3 { color: #1f3a5f; } h2 { border-bottom: 1px solid #ccd; padding-bottom: .2em; }
table { border-collapse: collapse; margin: 1em 0; } th, td { border: 1px solid #ccd;
       padding: .3em .5em; vertical-align: top; text-align: left; } th { background: #eef; }
img { max-width: 100%; border: 1px solid #ccd; margin: .5em 0; }
code, pre { background: #f4f4f8; } pre { padding: .6em; overflow-x: auto; }
blockquote { border-left: 4px solid #ccd; margin-left: 0; padding-left: 1em; color: #444; }
"""


def slug(text: str) -> str:
    """GitHub's heading id: lower case, punctuation dropped, spaces to hyphens."""
    return re.sub(r"[^\w\- ]", "", text.strip().lower()).replace(" ", "-")


def render(markdown: str, base: Path) -> str:
    md = MarkdownIt("commonmark").enable("table")
    tokens = md.parse(markdown)
    title = "Handleiding Stuurploeg"
    for i, token in enumerate(tokens):
        if token.type == "heading_open":
            text = tokens[i + 1].content
            token.attrSet("id", slug(text))
            if token.tag == "h1":
                title = text
        for child in token.children or ():
            if child.type == "image":
                child.attrSet("src", _embedded(base, str(child.attrGet("src"))))
    body = md.renderer.render(tokens, md.options, {})
    return (f'<!DOCTYPE html>\n<html lang="nl">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{html.escape(title)}</title>\n<style>{STYLE}</style>\n</head>\n"
            f"<body>\n{body}</body>\n</html>\n")


def _embedded(base: Path, src: str) -> str:
    path = base / src
    if src.startswith(("data:", "http:", "https:")) or not path.is_file():
        return src
    kind = "png" if path.suffix.lower() == ".png" else path.suffix.lower().lstrip(".")
    return f"data:image/{kind};base64,{base64.b64encode(path.read_bytes()).decode('ascii')}"


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else DOCS.parent / "dist" / "handleiding.html"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render(SOURCE.read_text(encoding="utf-8"), SOURCE.parent), encoding="utf-8")
    missing = sorted(set(re.findall(r"\]\((screenshots/[^)]+)\)", SOURCE.read_text("utf-8")))
                     - {str(p.relative_to(DOCS)) for p in (DOCS / "screenshots").glob("*")})
    print(f"{out} ({out.stat().st_size / 1e6:.1f} MB)")
    for name in missing:
        print(f"  ontbreekt: docs/{name} (draai make screenshots)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
