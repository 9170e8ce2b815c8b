import { defineRule } from '../../engine/rule';

export default defineRule({
  meta: {
    id: 'front-matter/missing',
    description: 'The post starts with a YAML front matter block between `---` lines.',
    defaultSeverity: 'error',
    defaultOptions: {},
    fixable: false,
  },
  check({ doc, report }) {
    if (doc.frontMatter) return;
    const start = doc.src.bomLength;
    const end = doc.src.lineCount > 0 ? doc.src.lineEnd(0) : start;
    report({
      span: [start, end],
      message: 'This post has no front matter: start it with a `---` line, the YAML fields (title, date, …), and another `---` line.',
    });
  },
});
