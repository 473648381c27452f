"""Reading the knowledge site: the front page, sections, pages, the sitemap and a
section as a PDF. Published content is cached until the next publish (`cache`)."""
