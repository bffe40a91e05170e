import { createHash } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import { sendHtml } from '../../platform/http.ts';
import { type Lang, languages } from '../../platform/i18n.ts';
import { pageContext } from '../../platform/page-context.ts';
import { renderPdf } from '../../platform/pdf/render.ts';
import { type CertificateTemplate, certificateDocument, certificateTemplates, templateFileNames } from './templates.ts';
import { ChecklistsPage, checklistsPath, GuidancePage, guidancePath, TemplatesPage, templateHref, templatesPath } from './views.tsx';

/**
 * The templates change only with a release. Browsers and proxies may keep one for a day and then
 * ask again with its ETag; being rendered deterministically, it has the same bytes and ETag on
 * every instance.
 */
const TEMPLATE_CACHE_CONTROL = 'public, max-age=86400';

interface RenderedTemplate {
  pdf: Buffer;
  etag: string;
}

/** True when an If-None-Match header names this entity tag (weak or strong) or is `*`. */
function matchesEntityTag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((tag) => {
    const trimmed = tag.trim();
    return trimmed === '*' || trimmed.replace(/^W\//, '') === etag;
  });
}

export const guidanceRoutes: FastifyPluginAsync = async (app) => {
  app.get(guidancePath, { config: { pageCache: true } }, (request, reply) =>
    sendHtml(reply, GuidancePage({ ctx: pageContext(request, reply) })),
  );
  app.get(checklistsPath, { config: { pageCache: true } }, (request, reply) =>
    sendHtml(reply, ChecklistsPage({ ctx: pageContext(request, reply) })),
  );
  app.get(templatesPath, { config: { pageCache: true } }, (request, reply) =>
    sendHtml(reply, TemplatesPage({ ctx: pageContext(request, reply) })),
  );

  // The page cache keeps only HTML, so each template is rendered once, on its first request.
  const rendered = new Map<string, Promise<RenderedTemplate>>();
  function renderedTemplate(template: CertificateTemplate, lang: Lang): Promise<RenderedTemplate> {
    const key = `${template}|${lang}`;
    const kept = rendered.get(key);
    if (kept) return kept;
    const rendering = renderPdf(certificateDocument(template, lang)).then((pdf) => ({
      pdf,
      etag: `"${createHash('sha256').update(pdf).digest('base64url')}"`,
    }));
    // A failed rendering is not kept: the next request tries again.
    rendering.catch(() => rendered.delete(key));
    rendered.set(key, rendering);
    return rendering;
  }

  for (const template of certificateTemplates) {
    for (const lang of languages) {
      app.get(templateHref(template, lang), async (request, reply) => {
        const { pdf, etag } = await renderedTemplate(template, lang);
        reply.header('cache-control', TEMPLATE_CACHE_CONTROL).header('etag', etag);
        if (matchesEntityTag(request.headers['if-none-match'], etag)) return reply.code(304).send();
        return reply
          .type('application/pdf')
          .header('content-disposition', `attachment; filename="${templateFileNames[template][lang]}"`)
          .send(pdf);
      });
    }
  }
};
