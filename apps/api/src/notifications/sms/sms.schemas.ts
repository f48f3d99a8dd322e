import { Type } from 'typebox';

/** Alibaba Cloud's SmsUp push (上行短信, HTTP batch push): a JSON array of replies. */
export const AliyunReplyBody = Type.Array(
  Type.Object({
    phone_number: Type.String({ description: 'The number that replied, 11 digits or with +86' }),
    content: Type.String({ description: 'What she replied, e.g. TD' }),
    send_time: Type.Optional(Type.String()),
    sign_name: Type.Optional(Type.String()),
    dest_code: Type.Optional(Type.String()),
    sequence_id: Type.Optional(Type.Union([Type.Integer(), Type.String()])),
  }),
  { maxItems: 1000 },
);

/** Tencent Cloud's reply callback (回复短信): one reply. */
export const TencentReplyBody = Type.Object({
  mobile: Type.String(),
  nationcode: Type.String({ description: '86 for the mainland' }),
  text: Type.String({ description: 'What she replied, e.g. TD' }),
  sign: Type.Optional(Type.String()),
  time: Type.Optional(Type.Integer()),
  extend: Type.Optional(Type.String()),
});

/** The acknowledgement Alibaba Cloud expects; anything else makes it push again. */
export const AliyunReplyAck = Type.Object({ code: Type.Integer(), msg: Type.String() });
/** The acknowledgement Tencent Cloud expects. */
export const TencentReplyAck = Type.Object({ result: Type.Integer(), errmsg: Type.String() });
