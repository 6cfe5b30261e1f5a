// The fields a sheet's columns can map to, and the header names creators use for each, in English
// and Chinese (product §2.1). Matching is on a normalised form, so "Aspect Ratio", "aspect_ratio"
// and "ASPECT-RATIO" are one name, and "时长（秒）" is "时长".

export const sheetFields = ['rowId', 'prompt', 'model', 'resolution', 'duration', 'aspect', 'image', 'name', 'takes', 'priority'] as const;
export type SheetField = (typeof sheetFields)[number];

const synonyms: Record<SheetField, readonly string[]> = {
  // Only Genvid's own export writes this column: it matches a correction sheet back to its rows.
  rowId: ['genvid_row_id', 'genvid row id'],
  prompt: ['prompt', 'prompts', 'prompt text', 'text', 'description', 'desc', 'script', 'caption', '提示词', '提示语', '描述', '文案', '画面描述', '视频描述', '脚本', '文本', '内容', '指令'],
  model: ['model', 'model name', 'model id', 'engine', '模型', '模型名称', '模型名', '模型id'],
  resolution: ['resolution', 'quality', 'res', 'definition', '分辨率', '清晰度', '画质'],
  duration: ['duration', 'length', 'seconds', 'secs', 'duration s', 'video length', '时长', '秒数', '视频时长', '长度', '时间', '秒'],
  aspect: ['aspect', 'aspect ratio', 'ratio', 'orientation', 'format', '比例', '画幅', '横竖屏', '画面比例', '宽高比', '画面', '尺寸'],
  image: ['image', 'image url', 'image link', 'images', 'reference image', 'ref image', 'first frame', 'img', 'picture', '参考图', '图片链接', '图片', '图片地址', '首帧', '参考图片', '图像', '垫图'],
  name: ['name', 'file name', 'filename', 'output name', 'output', 'title', '文件名', '名称', '标题', '视频名称', '命名', '名字'],
  takes: ['takes', 'take', 'count', 'copies', 'variations', 'quantity', 'qty', 'number', 'versions', '数量', '次数', '生成数量', '条数', '份数', '个数'],
  priority: ['priority', 'prio', '优先级', '优先'],
};

/** Lower case, full-width folded, units in brackets dropped, separators removed. */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[([{（【][^)\]}）】]*[)\]}）】]/g, '')
    .replace(/[\s_\-./\\:：·*#]+/g, '')
    .trim();
}

const exact = new Map<string, SheetField>();
const partial: { name: string; field: SheetField }[] = [];
for (const field of sheetFields) {
  for (const synonym of synonyms[field]) {
    const name = normaliseHeader(synonym);
    exact.set(name, field);
    // One-character Chinese names ("秒") and short English ones match only exactly.
    if ([...name].length >= 2 && !(name.length <= 3 && /^[a-z]+$/.test(name))) partial.push({ name, field });
  }
}
// Longest first, so "画面描述" is tried before "画面".
partial.sort((a, b) => b.name.length - a.name.length);

export interface FieldGuess {
  field: SheetField;
  /** 1 for a known name, less for a name that only contains one ("视频提示词"). */
  confidence: number;
}

/** The field a header most likely names, if any. */
export function guessField(header: string): FieldGuess | undefined {
  const name = normaliseHeader(header);
  if (!name) return undefined;
  const known = exact.get(name);
  if (known) return { field: known, confidence: 1 };
  const contained = partial.find((candidate) => name.includes(candidate.name));
  return contained ? { field: contained.field, confidence: 0.7 } : undefined;
}
