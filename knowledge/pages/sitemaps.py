from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from knowledge.pages import selectors


class KnowledgePageSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return selectors.sitemap_pages()

    def lastmod(self, page):
        return page.published_at


class KnowledgeStaticSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return ["front_page", "knowledge:landing", "knowledge:self_assessment"]

    def location(self, name):
        return reverse(name)


SITEMAPS = {"pages": KnowledgePageSitemap, "static": KnowledgeStaticSitemap}
