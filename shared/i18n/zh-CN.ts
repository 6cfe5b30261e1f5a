import type { Messages } from './en.ts';

export const zhCN = {
  'app.title': 'Genvid',
  'app.tagline': '表格进，成片出。',
  'app.loading': '加载中…',
  'app.browserModeBadge': '浏览器模式',

  'nav.batches': '批次',

  'batches.title': '批次',
  'batches.empty.title': '把表格拖到这里开始',
  'batches.empty.body': 'CSV 或 Excel 文件中每行一个提示词，每行生成一个视频。支持中文和英文列名。',
  'batches.empty.formats': '支持：.csv、.tsv、.txt、.xlsx、.xls',
  'batches.column.name': '批次',
  'batches.column.rows': '行数',
  'batches.column.status': '状态',
  'batches.column.progress': '已完成',
  'batches.column.created': '创建时间',
  'batches.rowCount': '{count} 行',

  'batchStatus.draft': '草稿',
  'batchStatus.running': '运行中',
  'batchStatus.paused': '已暂停',
  'batchStatus.completed': '已完成',
  'batchStatus.cancelled': '已取消',

  'settings.language': '语言',
  'settings.theme': '主题',
  'settings.theme.system': '跟随系统',
  'settings.theme.light': '浅色',
  'settings.theme.dark': '深色',

  'language.en': 'English',
  'language.zh-CN': '简体中文',

  'error.invalid_input': '请求无效：{details}',
  'error.unknown_call': '应用无法识别此请求。更新后请重启应用。',
  'error.not_found': '该项目已不存在。',
  'error.forbidden': '此页面无权使用 Genvid。',
  'error.disconnected': '与 Genvid 引擎的连接已断开。请刷新页面重新连接。',
  'error.internal': 'Genvid 内部出错，详情见日志。',
  'error.bridgeMissing': '此页面无法连接 Genvid 引擎。请打开 `npm run web` 输出的地址（包括 #token 部分）。',
  'error.bridgeRefused': 'Genvid 引擎拒绝了此页面：令牌缺失或已过期。请打开最近一次 `npm run web` 输出的地址。',
  'error.retry': '重试',
} as const satisfies Messages;
