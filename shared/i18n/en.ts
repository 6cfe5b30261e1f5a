// English is the reference catalogue: every other language must have exactly these keys.
export const en = {
  'app.title': 'Genvid',
  'app.tagline': 'Spreadsheet in, finished videos out.',
  'app.loading': 'Loading…',
  'app.browserModeBadge': 'Browser mode',

  'nav.batches': 'Batches',

  'batches.title': 'Batches',
  'batches.empty.title': 'Drop a spreadsheet here to start',
  'batches.empty.body':
    'A CSV or Excel file with one prompt per row becomes one video per row. Column names in English or Chinese are recognised.',
  'batches.empty.formats': 'Accepted: .csv, .tsv, .txt, .xlsx, .xls',
  'batches.column.name': 'Batch',
  'batches.column.rows': 'Rows',
  'batches.column.status': 'Status',
  'batches.column.progress': 'Done',
  'batches.column.created': 'Created',
  'batches.rowCount': '{count} rows',

  'batchStatus.draft': 'Draft',
  'batchStatus.running': 'Running',
  'batchStatus.paused': 'Paused',
  'batchStatus.completed': 'Completed',
  'batchStatus.cancelled': 'Cancelled',

  'settings.language': 'Language',
  'settings.theme': 'Theme',
  'settings.theme.system': 'System',
  'settings.theme.light': 'Light',
  'settings.theme.dark': 'Dark',

  'language.en': 'English',
  'language.zh-CN': '简体中文',

  'error.invalid_input': 'The request was not valid: {details}',
  'error.unknown_call': 'The app does not know this request. Restart the app after an update.',
  'error.not_found': 'That item no longer exists.',
  'error.forbidden': 'This page is not allowed to use Genvid.',
  'error.missing_key': 'No API key for this provider yet: {details}',
  'error.disconnected': 'Lost the connection to the Genvid engine. Reload the page to reconnect.',
  'error.internal': 'Something went wrong inside Genvid. The details are in the log.',
  'error.bridgeMissing':
    'This page cannot reach the Genvid engine. Open the address printed by `npm run web`, including its #token part.',
  'error.bridgeRefused':
    'The Genvid engine refused this page: its token is missing or out of date. Open the address printed by the latest `npm run web`.',
  'providerError.auth': 'The provider refused the API key. Check the key in Settings. ({detail})',
  'providerError.insufficient_funds': 'Not enough credits with the provider. Top up, then resume. ({detail})',
  'providerError.validation': 'The provider rejected this row\'s settings: {detail}',
  'providerError.moderation': 'The provider\'s content policy blocked this prompt or image. Edit the row and run it again. ({detail})',
  'providerError.rate_limited': 'The provider is limiting requests; Genvid will wait and try again. ({detail})',
  'providerError.transient': 'A temporary problem at the provider; a retry may help. ({detail})',
  'providerError.provider_failed': 'The provider could not generate this video. ({detail})',
  'providerError.model_unavailable': 'This model is not available at the provider any more. Move the row to another model. ({detail})',
  'providerError.expired': 'The video\'s download link has expired. ({detail})',
  'providerError.unknown_outcome': 'The request may or may not have reached the provider, so Genvid will not send it again by itself. Check the provider\'s log before re-running. ({detail})',
  'provider.sandbox': 'Sandbox (simulated)',
  'provider.kie': 'KIE',
  'provider.fal': 'fal',
  'provider.openai': 'OpenAI-compatible gateway',
  'error.retry': 'Try again',
} as const;

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;
