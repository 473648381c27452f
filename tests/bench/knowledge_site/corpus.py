"""Part 2's data: published pages of Danish text recombined from
knowledge/initial_content.py (sentences shuffled, words swapped, a rare word
planted in one page in 2,000), and their search vectors filled in one UPDATE."""

import html
import random
import re

RARE_WORD = "trivselsbarometer"  # planted in one generated page in RARE_EVERY
RARE_EVERY = 2000  # 5 pages of 10,000, 50 of 100,000
RARE_SENTENCE = "Virksomheden fulgte trivslen med et trivselsbarometer hvert kvartal."
BENCH_SLUG_PREFIX = "bench-side-"


def _strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list | tuple):
        return [s for item in value for s in _strings(item)]
    return []


def source_text() -> tuple[list[str], list[str], list[str]]:
    """Sentences, titles and a vocabulary from the initial Danish content."""
    from knowledge import initial_content as initial

    skip = {"slug", "number", "principles", "phase", "challenges"}
    items = [
        *initial.SECTIONS, *initial.PRINCIPLES, *initial.ADVISOR_ROLES, *initial.PHASES,
        *initial.CHALLENGES, *initial.CASES,
    ]  # fmt: skip
    titles = [item["title"] for item in items]
    sentences: list[str] = []
    for item in items:
        for key, value in item.items():
            if key in skip:
                continue
            for text in _strings(value):
                for line in text.splitlines():
                    line = line.strip()
                    if not line or line.startswith("#"):
                        continue
                    line = re.sub(r"^[-*]\s+|\*\*", "", line)
                    sentences += [
                        s for s in re.split(r"(?<=[.!?])\s+", line) if len(s.split()) >= 5
                    ]
    vocabulary = sorted(
        {w.lower() for s in sentences for w in re.findall(r"[A-Za-zÆØÅæøå]{5,}", s)}
    )
    return sentences, titles, vocabulary


def _vary(sentence: str, rng: random.Random, vocabulary: list[str]) -> str:
    words = sentence.split()
    for _ in range(rng.randint(1, 3)):
        i = rng.randrange(len(words))
        if words[i].isalpha() and words[i].islower():
            words[i] = rng.choice(vocabulary)
    return " ".join(words)


def _paragraphs_html(paragraphs: list[str]) -> tuple[str, str]:
    """The HTML and plain text `render_markdown` + `plain_text` would give for
    these paragraphs ("## " headings and plain sentences only), made directly:
    Markdown rendering was most of the time of a 100,000-page load."""
    parts, texts = [], []
    for paragraph in paragraphs:
        if paragraph.startswith("## "):
            heading = paragraph[3:]
            parts.append(f"<h2>{html.escape(heading, quote=False)}</h2>")
            texts.append(heading)
        else:
            parts.append(f"<p>{html.escape(paragraph, quote=False)}</p>")
            texts.append(paragraph)
    return "\n".join(parts), " ".join(" ".join(texts).split())


def generate_pages(count: int, seed: int, *, start: int = 0) -> list:
    """Pages number `start` .. `start + count - 1` (slugs and order follow the
    number, so a larger corpus is the smaller one plus more pages)."""
    from django.utils import timezone

    from knowledge.models import SECTION_ORDER, Kind, Page

    rng = random.Random(f"{seed}-{start}")
    sentences, titles, vocabulary = source_text()
    now = timezone.now()
    pages = []
    for i in range(start, start + count):
        if rng.random() < 0.5:
            title = f"{rng.choice(titles)}: {rng.choice(vocabulary)} og {rng.choice(vocabulary)}"
        else:
            title = " ".join(_vary(rng.choice(sentences), rng, vocabulary).split()[:7])
        title = title.rstrip(".,:;")[:200]
        paragraphs = []
        for _ in range(rng.randint(3, 6)):
            if rng.random() < 0.4:
                paragraphs.append("## " + " ".join(rng.choice(titles).split()[:5]))
            chosen = rng.sample(sentences, rng.randint(2, 5))
            paragraphs.append(
                " ".join(_vary(s, rng, vocabulary) if rng.random() < 0.6 else s for s in chosen)
            )
        if i % RARE_EVERY == 7:
            paragraphs.append(RARE_SENTENCE)
        body_html, body_text = _paragraphs_html(paragraphs)
        pages.append(
            Page(
                section=rng.choice(SECTION_ORDER).value,
                kind=Kind.ARTICLE,
                slug=f"{BENCH_SLUG_PREFIX}{i:06d}",
                order=1000 + i,
                status=Page.Status.PUBLISHED,
                title=title,
                summary=_vary(rng.choice(sentences), rng, vocabulary)[:300],
                body="\n\n".join(paragraphs),
                body_html=body_html,
                body_text=body_text,
                fields={},
                first_published_at=now,
                published_at=now,
            )
        )
    return pages


def fill_search_vectors() -> int:
    """One UPDATE with the expression of knowledge.search.index.update_search_vector,
    for the generated pages that have no vector yet."""
    from django.contrib.postgres.search import SearchVector

    from knowledge.models import Page

    return (
        Page.objects.filter(slug__startswith=BENCH_SLUG_PREFIX, search_vector__isnull=True)
        .update(
            search_vector=SearchVector("title", weight="A", config="danish")
            + SearchVector("summary", weight="B", config="danish")
            + SearchVector("body_text", weight="C", config="danish")
        )
    )  # fmt: skip
