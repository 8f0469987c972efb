import { textValue, type Attribute } from '../../graph/model.js';

/** `true` in any spelling; a malformed value is attribute_type's to report, so it counts as false here. */
export function isTrue(attr: Attribute): boolean {
  return textValue(attr.value).trim().toLowerCase() === 'true';
}

/** Present and not blank. */
export function hasText(attr: Attribute | undefined): boolean {
  return attr !== undefined && textValue(attr.value).trim() !== '';
}
