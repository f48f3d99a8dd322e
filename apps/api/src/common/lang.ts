import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiQuery } from '@nestjs/swagger';
import { LOCALES, type Locale } from '@hearth/contracts';

/** The caller's language for bilingual content: `?lang=`, else Accept-Language, else zh-CN. */
export const Lang = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): Locale => {
    const req = ctx.switchToHttp().getRequest();
    const explicit = req.query?.lang;
    if (explicit === 'en' || explicit === 'zh-CN') return explicit;
    const header = String(req.headers?.['accept-language'] ?? '');
    return /^en\b/i.test(header.trim()) ? 'en' : 'zh-CN';
  },
  [
    // Publishes `?lang=` on every route that reads it, so the typed client may send it.
    (target, key) => {
      if (key === undefined) return;
      const descriptor = Object.getOwnPropertyDescriptor(target, key);
      if (descriptor) ApiQuery({ name: 'lang', required: false, enum: LOCALES })(target, key, descriptor);
    },
  ],
);

export const pick = (lang: Locale, zh: string, en: string) => (lang === 'en' ? en || zh : zh || en);
