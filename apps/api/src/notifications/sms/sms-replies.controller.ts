import { Body, Controller, Headers, HttpCode, Inject, Post, Query } from '@nestjs/common';
import { ApiBody, ApiQuery, ApiTags } from '@nestjs/swagger';
import { createHash, timingSafeEqual } from 'node:crypto';
import { Public } from '../../auth/access.decorator.js';
import { AppError, badRequest } from '../../common/app-error.js';
import { Responds } from '../../common/openapi.js';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { AliyunReplyAck, AliyunReplyBody, TencentReplyAck, TencentReplyBody } from './sms.schemas.js';
import { isOptOutReply, SmsRepliesService } from './sms-replies.service.js';
import { toLocalMobile } from './sms-templates.js';

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * Replies to our texts (上行短信), pushed by the provider to the callback URL configured in its
 * console: https://HOST/api/sms/replies/aliyun?token=SMS_REPLY_SECRET (or …/tencent). Neither
 * provider signs these pushes, so the URL carries a shared secret; it may also come as the
 * X-Sms-Reply-Token header from a proxy. A "stop" reply (TD, T, N, 退订) opts her out of SMS.
 */
@ApiTags('sms')
@Controller('sms/replies')
export class SmsRepliesController {
  constructor(
    private readonly replies: SmsRepliesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('aliyun')
  @HttpCode(200)
  @Public({ rateLimited: true })
  @ApiQuery({ name: 'token', required: true, description: 'SMS_REPLY_SECRET' })
  @ApiBody({ schema: AliyunReplyBody as never, description: 'Alibaba Cloud SmsUp push: replies, oldest first' })
  @Responds(200, AliyunReplyAck, 'Received (Alibaba Cloud stops pushing these replies)')
  async aliyun(@Query('token') token: unknown, @Headers('x-sms-reply-token') header: unknown, @Body() body: unknown) {
    this.authenticate(token, header);
    if (!Array.isArray(body) || body.length > 1000) throw badRequest('The body must be the SmsUp JSON array of replies (at most 1000)');
    for (const item of body as Record<string, unknown>[]) {
      if (typeof item !== 'object' || item === null || typeof item.phone_number !== 'string' || typeof item.content !== 'string') {
        throw badRequest('Each reply must have phone_number and content');
      }
    }
    for (const item of body as { phone_number: string; content: string }[]) {
      const phone = toLocalMobile(item.phone_number);
      if (phone && isOptOutReply(item.content)) await this.replies.optOut(phone, 'aliyun');
    }
    return { code: 0, msg: '接收成功' };
  }

  @Post('tencent')
  @HttpCode(200)
  @Public({ rateLimited: true })
  @ApiQuery({ name: 'token', required: true, description: 'SMS_REPLY_SECRET' })
  @ApiBody({ schema: TencentReplyBody as never, description: 'Tencent Cloud reply callback (回复短信)' })
  @Responds(200, TencentReplyAck, 'Received')
  async tencent(@Query('token') token: unknown, @Headers('x-sms-reply-token') header: unknown, @Body() body: unknown) {
    this.authenticate(token, header);
    const reply = body as Record<string, unknown> | null;
    if (typeof reply !== 'object' || reply === null || Array.isArray(reply) || typeof reply.mobile !== 'string' || typeof reply.text !== 'string') {
      throw badRequest('The body must be the reply callback object with mobile, nationcode and text');
    }
    const phone = toLocalMobile(reply.mobile, reply.nationcode ?? '86');
    if (phone && isOptOutReply(reply.text)) await this.replies.optOut(phone, 'tencent');
    return { result: 0, errmsg: 'OK' };
  }

  /** Constant-time comparison of the shared secret; no secret configured refuses every call. */
  private authenticate(token: unknown, header: unknown) {
    const secret = this.config.sms.replySecret;
    const given = typeof token === 'string' && token ? token : typeof header === 'string' ? header : '';
    if (!secret || !given || !timingSafeEqual(digest(given), digest(secret))) {
      throw new AppError(401, 'UNAUTHENTICATED', 'This callback needs the reply token configured at the SMS provider');
    }
  }
}
