/*
 * Copyright 2026 The Build vs Buy Authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

import {
  aBuildEvaluation,
  anEvaluation,
  candidate,
} from './__fixtures__/evaluations';
import { escapeMarkdown, toMarkdownAdr } from './adr';
import { evaluate, Outcome } from './evaluate';
import { ecommerceVectorDatabase, ragHybridSearch } from './examples';
import type { EvaluationDraft } from './schema';

const DECIDED_AT = new Date('2026-03-01T12:00:00Z');

function adrOf(evaluation: EvaluationDraft, options = {}) {
  return toMarkdownAdr(
    evaluation,
    evaluate(evaluation, { now: DECIDED_AT }),
    options,
  );
}

describe('toMarkdownAdr', () => {
  it('renders the MADR sections in order', () => {
    const adr = adrOf(ecommerceVectorDatabase, {
      decidedAt: DECIDED_AT,
      decidedBy: ['user:default/ada', 'user:default/grace'],
    });
    const headings = adr.split('\n').filter(line => line.startsWith('#'));
    expect(headings).toEqual([
      '# Build vs buy: component:default/product-similarity-store',
      '## Context and Problem Statement',
      '### What the component does',
      '### Team capacity',
      '## Decision Drivers',
      '## Considered Options',
      '## Decision Outcome',
      '### Path through the decision tree',
      '### Consequences',
      '## Revisit',
    ]);
    expect(adr).toContain('- Status: accepted');
    expect(adr).toContain('- Date: 2026-03-01');
    expect(adr).toContain('- Deciders: user:default/ada, user:default/grace');
    expect(adr).toContain(
      'Chosen option: "Buy VectorCloud Managed", because edge cases affect unusual scenarios',
    );
    expect(adr).toContain('Revisit by 2026-12-01');
    expect(adr).toContain(
      '- Nice-to-haves, not factored into the decision: Built-in usage dashboards',
    );
  });

  it('lists every candidate and "Build in-house" among the considered options', () => {
    const adr = adrOf(ragHybridSearch);
    const options = adr
      .split('## Considered Options')[1]
      .split('## Decision Outcome')[0];
    expect(options).toContain('- Build in-house\n');
    expect(options).toContain(
      '- PureVector: mature, 1/2 must-haves met, 100% of should-haves covered (broad-core-gap)',
    );
    expect(options).toContain('- HybridSearch Cloud: mature');
    expect(adr).toContain('The wrapper fills: Filter by article date range.');
    expect(adr).toContain(
      '- Bad: The team builds and maintains a thin wrapper',
    );
  });

  it('escapes Markdown and HTML in user text', () => {
    const evaluation = anEvaluation({
      question:
        '# <script>alert(1)</script> [click](javascript:alert(1)) *now*',
      candidates: [
        candidate(
          'acme',
          {},
          { name: '<img src=x onerror=alert(1)> | `Acme`' },
        ),
      ],
    });
    const adr = adrOf(evaluation, { title: '1. <b>Bold</b> title' });
    expect(adr).not.toMatch(/<script|<img|<b>/);
    expect(adr).toContain(
      '\\# &lt;script&gt;alert(1)&lt;/script&gt; \\[click\\](javascript:alert(1)) \\*now\\*',
    );
    expect(adr).toContain('# 1\\. &lt;b&gt;Bold&lt;/b&gt; title');
    expect(adr).toContain('&lt;img src=x onerror=alert(1)&gt; \\| \\`Acme\\`');
  });

  it('escapes only what Markdown would read', () => {
    expect(escapeMarkdown('  p99 under 80 ms,\n\n99.9% - ok ')).toBe(
      'p99 under 80 ms, 99.9% - ok',
    );
    expect(escapeMarkdown('- item')).toBe('\\- item');
    expect(escapeMarkdown('3) step')).toBe('3\\) step');
    expect(escapeMarkdown('a_b & c\\d ~e~')).toBe('a\\_b &amp; c\\\\d \\~e\\~');
  });

  it('marks an incomplete evaluation as proposed and lists what is missing', () => {
    const draft = { entityRef: 'component:default/x' };
    const adr = toMarkdownAdr(draft, evaluate(draft));
    expect(adr).toContain('- Status: proposed');
    expect(adr).toContain('No option chosen yet');
    expect(adr).toContain('- Node 1: Is it a core differentiator?');
    expect(adr).toContain('- Data stored: _Not answered_');
    expect(adr).toContain('- Engineers: _Not answered_');
    expect(adr).toContain('- Maintenance: _Not answered_');
    expect(adr).toContain('- Core differentiator: _Not answered_.');
    expect(adr).toContain('- Must-haves: _none_');
    expect(adr).toContain('- _None recorded yet_');
    expect(adr).toContain('no date was set');
    expect(adr).not.toContain('- Date:');
  });

  it('records the maintenance burden of a build and its warnings as bad consequences', () => {
    const adr = adrOf(
      aBuildEvaluation({
        maintenance: { canAllocateTwentyPercentPermanently: true },
      }),
      { decidedBy: 'user:default/ada' },
    );
    expect(adr).toContain('Chosen option: "Build in-house"');
    expect(adr).toContain('- Deciders: user:default/ada');
    expect(adr).toContain(
      '- Bad: Every system you build becomes a system you maintain. Name the group that will own it.',
    );
    expect(adr).toContain('at least 20% of one engineer, permanently');
    expect(adr).toContain(
      'the team can allocate 20% of one engineer permanently',
    );
    expect(adrOf(aBuildEvaluation())).toContain(
      '- Build in-house, owned by group:default/platform',
    );
  });

  it('leaves out integration and ramp-up figures nobody estimated', () => {
    const adr = adrOf(
      anEvaluation({
        failureModes: { requirementsStability: 'stable' },
      }),
    );
    expect(adr).toContain('Chosen option: "Buy Vendor acme"');
    expect(adr).not.toContain('Integration is budgeted');
    expect(adr).not.toContain('Ramp-up of the operating engineers');
    expect(adr).toContain('- Bad: Budget integration time separately');
  });

  it('records a missing qualifying candidate', () => {
    const adr = adrOf(
      aBuildEvaluation({
        maintenance: { canAllocateTwentyPercentPermanently: false },
      }),
    );
    expect(adr).toContain(
      'Chosen option: "No qualifying candidate: find another vendor", because if the answer is no',
    );
    expect(adr).toContain('- Good: No dependency');
    expect(adr).toContain('the team cannot allocate 20%');
  });

  it('"It is not a formula": states the team\'s decision, and the tree\'s recommendation and the reason when they differ', () => {
    const adr = adrOf({
      ...ecommerceVectorDatabase,
      teamDecision: {
        kind: 'build',
        rationale: 'The ranking team needs to own the <index> format.',
      },
    });
    const outcome = adr
      .split('## Decision Outcome')[1]
      .split('### Path through the decision tree')[0];
    expect(outcome.trim().split('\n\n')).toEqual([
      'Chosen option: "Build in-house", the team\'s decision against the tree\'s recommendation.',
      'The tree recommends: "Buy VectorCloud Managed", because edge cases affect unusual scenarios; the remaining gaps are cheaper to work around than building the whole thing.',
      "The team's rationale: The ranking team needs to own the &lt;index&gt; format.",
    ]);
  });

  it('names the wrapper of the option the team chose, and keeps a reason given for following the tree', () => {
    const followed = adrOf({
      ...ragHybridSearch,
      teamDecision: { rationale: 'The wrapper is one filter.' },
    });
    expect(followed).toContain(
      'Chosen option: "Buy HybridSearch Cloud with a thin wrapper over 1 gap", because',
    );
    expect(followed).not.toContain('The tree recommends');
    expect(followed).toContain(
      "The team's rationale: The wrapper is one filter.",
    );
    expect(followed).toContain(
      'The wrapper fills: Filter by article date range.',
    );

    // PureVector's core gap is broad: no gap a thin wrapper fills is named.
    const against = adrOf({
      ...ragHybridSearch,
      teamDecision: {
        kind: 'buy-with-wrapper',
        candidateId: 'purevector',
        rationale: 'We add keyword search ourselves.',
      },
    });
    expect(against).toContain(
      'Chosen option: "Buy PureVector with a thin wrapper", the team\'s decision against the tree\'s recommendation.',
    );
    expect(against).toContain(
      'The tree recommends: "Buy HybridSearch Cloud with a thin wrapper over 1 gap"',
    );
    expect(against).not.toContain('The wrapper fills');
  });

  it('falls back when the outcome carries no path', () => {
    const outcome: Outcome = {
      ...evaluate(anEvaluation()),
      path: [],
    };
    expect(toMarkdownAdr(anEvaluation(), outcome)).toContain(
      'because of the path below.',
    );
  });
});
