/**
 * A reader's note, shown with its light Markdown (utils/notes/markdown.ts). Each node of the parsed
 * note becomes one Preact element from a fixed set, and every piece of the note's text goes in as a
 * text node, so nothing the reader (or a page they pasted from) typed is ever read as HTML.
 */
import type { ComponentChildren } from 'preact';
import { useMemo } from 'preact/hooks';
import { parseNote, type NoteBlock, type NoteInline } from '@/utils/notes/markdown';

export interface NoteTextProps {
  /** The note as the reader typed it. */
  text: string;
  class?: string;
}

export function NoteText({ text, class: className }: NoteTextProps) {
  const blocks = useMemo(() => parseNote(text), [text]);
  return <div class={className}>{blocks.map(renderBlock)}</div>;
}

function renderBlock(block: NoteBlock, key: number): ComponentChildren {
  switch (block.type) {
    case 'paragraph':
      return <p key={key}>{renderInline(block.children)}</p>;
    case 'quote':
      return <blockquote key={key}>{block.children.map(renderBlock)}</blockquote>;
    case 'list': {
      const items = block.items.map((item, i) => <li key={i}>{renderInline(item)}</li>);
      return block.ordered ? (
        <ol key={key} start={block.start === 1 ? undefined : block.start}>
          {items}
        </ol>
      ) : (
        <ul key={key}>{items}</ul>
      );
    }
  }
}

function renderInline(nodes: NoteInline[]): ComponentChildren[] {
  return nodes.map((node, key) => {
    switch (node.type) {
      case 'text':
        return node.text;
      case 'break':
        return <br key={key} />;
      case 'code':
        return <code key={key}>{node.text}</code>;
      case 'strong':
        return <strong key={key}>{renderInline(node.children)}</strong>;
      case 'em':
        return <em key={key}>{renderInline(node.children)}</em>;
      case 'link':
        // The page a note links to learns nothing of the extension: no opener, no referrer.
        return (
          <a key={key} href={node.href} target="_blank" rel="noopener noreferrer nofollow">
            {renderInline(node.children)}
          </a>
        );
    }
  });
}
