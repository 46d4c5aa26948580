/** What the built-in recognizer marks in an English text, as the words it covers, their type and key. */
import { createRecognizer } from '@/utils/entities/recognizer';

const recognizer = createRecognizer();

export const found = (text: string) => recognizer.recognize(text).map((s) => ({ text: text.slice(s.start, s.end), type: s.type, key: s.key }));
