import MarkdownIt from 'markdown-it';

/**
 * Lesson text is Markdown written by course authors. `html: false` makes raw HTML in it plain
 * text (no script or style injection), and markdown-it already refuses javascript:/data: links.
 * Rendered on the server so the phone downloads HTML, not a Markdown parser.
 */
const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });

/** A lesson sits under the page's h1, the section's h2 and its own summary: its headings start at h4. */
const HEADING_SHIFT = 3;
for (const rule of ['heading_open', 'heading_close'] as const) {
  markdown.renderer.rules[rule] = (tokens, idx, options, _env, self) => {
    const token = tokens[idx];
    const level = Math.min(6, Number(token.tag.slice(1)) + HEADING_SHIFT);
    token.tag = `h${level}`;
    return self.renderToken(tokens, idx, options);
  };
}

const defaultLinkOpen = markdown.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
markdown.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  // Outside links must not get a handle on this page (window.opener) nor our referrer.
  tokens[idx].attrSet('rel', 'noopener noreferrer nofollow');
  return defaultLinkOpen(tokens, idx, options, env, self);
};

export function renderMarkdown(source: string): string {
  return markdown.render(source);
}
