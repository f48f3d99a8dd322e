/**
 * The offline app (installing it, pages from the phone’s store, updates). The service worker (apps/web/sw/sw.ts) reads the banner’s words from here too.
 * Keys start with "offline.". The English in ./offline.en.ts is typed against this object, so a
 * missing translation fails the type-check; both are spread into zh-CN.ts / en.ts.
 */
export const offlineZhCN = {
  'offline.banner': '离线 · 数据更新于 {time}',
  'offline.page.title': '这一页需要网络',
  'offline.page.body': '手机现在没有信号。这一页（例如报名、推荐、数据看板）要联网才能打开，没有存在手机上。',
  'offline.page.stored': '已经存在手机上、没有网络也能打开的：上课点名和名单、我的学堂、证书核验。',
  'offline.page.retry': '再试一次',
  'offline.page.home': '回到我的学堂',
  'offline.verify.heading': '证书核验（离线）',
  'offline.verify.intro': '手机没有网络：这里只能核对证书二维码上的签名。证书是否已被撤销，要联网后再查一次。',
  'offline.verify.noToken': '这个链接没有带二维码签名，离线无法核对。请联网后再打开。',
  'offline.install.heading': '添加到主屏幕',
  'offline.install.body': '把巾帼学堂放到手机桌面上，没有信号时也能打开上课点名和证书核验。',
  'offline.install.add': '添加到主屏幕',
  'offline.install.howto': '在浏览器菜单（⋮ 或 分享）里选择“添加到主屏幕”或“添加到桌面”。',
  'offline.install.dismiss': '不用了',
  'offline.update.body': '有新版本了。',
  'offline.update.reload': '新版本 · 重新载入',
} as const;
