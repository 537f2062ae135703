import { writeFileSync } from 'node:fs';
import { renderWorkflowDocument } from '../src/modules/cases/core/case-workflow-doc.ts';

writeFileSync(new URL('../docs/case-workflow.md', import.meta.url), renderWorkflowDocument());
console.log('wrote docs/case-workflow.md');
