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
  gap,
  REQUIREMENTS,
} from './__fixtures__/evaluations';
import { escapeMarkdown, MarkdownAdrOptions, toMarkdownAdr } from './adr';
import { evaluate, Outcome } from './evaluate';
import {
  EXAMPLE_EVALUATIONS,
  ecommerceVectorDatabase,
  ragHybridSearch,
} from './examples';
import type { EvaluationDraft } from './schema';
import { vendorEventMessage } from './vendorEvents';

const DECIDED_AT = new Date('2026-03-01T12:00:00Z');

/** The lines of one section, from its heading to the next heading. */
function sectionOf(adr: string, heading: string): string[] {
  const lines = adr.split('\n');
  const start = lines.indexOf(heading);
  expect(start).toBeGreaterThanOrEqual(0);
  const end = lines.findIndex(
    (line, index) => index > start && line.startsWith('#'),
  );
  return lines
    .slice(start + 1, end === -1 ? undefined : end)
    .filter(line => line !== '');
}

function adrOf(evaluation: EvaluationDraft, options: MarkdownAdrOptions = {}) {
  return toMarkdownAdr(
    evaluation,
    evaluate(evaluation, { now: DECIDED_AT }),
    options,
  );
}

describe('toMarkdownAdr', () => {
  it('records the news of a vendor that made the decision due under Revisit, escaped', () => {
    const event = {
      id: 'event-1',
      product: 'Vector<b>Cloud</b>',
      kind: 'price-or-terms-change' as const,
      occurredOn: '2026-11-30',
    };
    const revisit = (review?: MarkdownAdrOptions['review']) =>
      sectionOf(adrOf(ecommerceVectorDatabase, { review }), '## Revisit');
    const due = revisit({
      status: 'due-soon',
      reasons: [{ code: 'vendor-event', message: vendorEventMessage(event) }],
    });
    expect(due).toContain('Revisit due soon when this record was made:');
    const reason = due.find(line => line.startsWith('- New information'));
    expect(reason).toMatch(/had a price or terms change on 2026-11-30/);
    expect(reason).not.toContain('<b>');
    // A current decision, or one without a review, says only its date.
    expect(revisit({ status: 'current', reasons: [] })).toEqual(revisit());
    expect(revisit()).toHaveLength(1);
  });

  it('renders the MADR sections in order', () => {
    const adr = adrOf(ecommerceVectorDatabase, {
      decidedAt: DECIDED_AT,
      decidedBy: ['user:default/ada', 'user:default/grace'],
      displayNames: { 'user:default/ada': 'Ada Lovelace' },
    });
    const headings = adr.split('\n').filter(line => line.startsWith('#'));
    expect(headings).toEqual([
      '# Build vs buy: product-similarity-store',
      '## Context and Problem Statement',
      '### What the component does',
      '### Team capacity',
      '## Decision Drivers',
      '## Considered Options',
      '## Decision Outcome',
      '### Path through the decision tree',
      '### Consequences',
      '## More Information',
      '### Migration plan',
      '### Maintenance plan',
      '### Twelve-month roadmap',
      '### Integration and learning-curve budgets',
      '## Revisit',
    ]);
    expect(adr).toContain('- Status: accepted');
    expect(adr).toContain('- Date: 2026-03-01');
    expect(adr).toContain('- Deciders: Ada Lovelace, grace');
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
      '- PureVector: mature, 1/2 must-haves met, 100% of should-haves covered; ruled out at Node 4: a broad core gap\n',
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
    expect(adr).toContain('- Deciders: ada');
    expect(adr).toContain(
      '- Bad: Every system you build becomes a system you maintain. Name the group that will own it.',
    );
    expect(adr).toContain('at least 20% of one engineer, permanently');
    expect(adr).toContain(
      'the team can allocate 20% of one engineer permanently',
    );
    expect(adrOf(aBuildEvaluation())).toContain(
      '- Build in-house, owned by platform\n',
    );
    expect(
      adrOf(aBuildEvaluation(), {
        displayNames: { 'group:default/platform': 'Platform team' },
      }),
    ).toContain('- Build in-house, owned by Platform team\n');
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
  it.each<[string, EvaluationDraft, string[]]>([
    [
      '### Migration plan',
      anEvaluation(),
      [
        '- Data extraction: Nightly export',
        '- Alternative to switch to: Open-source vector database',
      ],
    ],
    [
      '### Migration plan',
      anEvaluation({ failureModes: { integrationCostWeeks: 3 } }),
      [
        '- Data extraction: _Not answered_',
        '- Alternative to switch to: _Not answered_',
      ],
    ],
    [
      '### Maintenance plan',
      anEvaluation(),
      ['- Owner: Platform team', '- Plan: Monitoring, upgrades, on-call.'],
    ],
    [
      '### Maintenance plan',
      anEvaluation({
        maintenance: { canAllocateTwentyPercentPermanently: true },
      }),
      ['- Owner: _No group named_', '- Plan: _Not answered_'],
    ],
    [
      '### Twelve-month roadmap',
      anEvaluation(),
      ['- Roadmap: Image embeddings', '- Requirements: Stable'],
    ],
    [
      '### Twelve-month roadmap',
      anEvaluation({ failureModes: {} }),
      ['- Roadmap: _Not answered_', '- Requirements: _Not answered_'],
    ],
    [
      '### Integration and learning-curve budgets',
      anEvaluation({
        failureModes: {
          integrationCostWeeks: 1,
          engineersOperating: 2,
          learningCurveWeeksPerEngineer: 2,
        },
      }),
      [
        '- Integration, budgeted separately from evaluation: 1 week',
        '- Engineers who will operate it: 2',
        '- Ramp-up per engineer: 2 weeks',
        '- Ramp-up in total: 4 weeks',
      ],
    ],
    [
      '### Integration and learning-curve budgets',
      anEvaluation({ failureModes: { engineersOperating: 3 } }),
      [
        '- Integration, budgeted separately from evaluation: _Not answered_',
        '- Engineers who will operate it: 3',
        '- Ramp-up per engineer: _Not answered_, 1.5 weeks assumed',
        '- Ramp-up in total: 4.5 weeks',
      ],
    ],
    [
      '### Integration and learning-curve budgets',
      { entityRef: 'component:default/x' },
      [
        '- Integration, budgeted separately from evaluation: _Not answered_',
        '- Engineers who will operate it: _Not answered_',
        '- Ramp-up per engineer: _Not answered_',
        '- Ramp-up in total: _Not answered_',
      ],
    ],
    [
      '## Considered Options',
      anEvaluation({
        candidates: [
          candidate('acme', {}, { integrationWeeks: 2, notes: 'SLA held.' }),
          candidate(
            'beta',
            { m1: 'missing' },
            { notes: 'Lost data in a failover.' },
          ),
        ],
      }),
      [
        '- Build in-house, owned by Platform team',
        '- Vendor acme: mature, 1/1 must-haves met, 100% of should-haves covered; chosen',
        '  - Integration estimate: 2 weeks',
        '  - Reference notes: SLA held.',
        '- Vendor beta: mature, 0/1 must-haves met, 100% of should-haves covered; ruled out at Node 3: misses a must-have',
        '  - Reference notes: Lost data in a failover.',
      ],
    ],
  ])('writes the section %s', (heading, evaluation, expected) => {
    const adr = adrOf(evaluation, {
      displayNames: { 'group:default/platform': 'Platform team' },
    });
    expect(sectionOf(adr, heading)).toEqual(expected);
  });

  it('names the component, the deciders, the owners and the dependents, never by reference', () => {
    const evaluation = anEvaluation({
      maintenance: {
        canAllocateTwentyPercentPermanently: true,
        ownerGroupRef: 'group:default/ml-platform',
      },
    });
    const named = adrOf(evaluation, {
      decidedBy: 'user:default/guest',
      componentOwnerRef: 'group:default/search',
      displayNames: {
        'component:default/vector-store': 'Vector store',
        'component:default/product-page': 'Product page',
        'user:default/guest': 'Grace Hopper',
        'group:default/ml-platform': 'ML Platform',
        'group:default/search': 'Search team',
      },
    });
    expect(named).toContain('# Build vs buy: Vector store\n');
    expect(named).toContain('- Component: Vector store\n');
    expect(named).toContain('- Deciders: Grace Hopper\n');
    expect(named).toContain('- Component owner: Search team\n');
    expect(named).toContain('- Dependents: Product page\n');
    expect(named).toContain('- Build in-house, owned by ML Platform\n');
    expect(named).toContain('- Owner: ML Platform\n');

    // Without names from the catalog, references read as their names.
    const unnamed = adrOf(evaluation, {
      decidedBy: 'user:default/guest',
      componentOwnerRef: 'group:finance/search',
    });
    expect(unnamed).toContain('- Component: vector-store\n');
    expect(unnamed).toContain('- Deciders: guest\n');
    expect(unnamed).toContain('- Component owner: finance/search\n');
    expect(unnamed).toContain('- Owner: ml-platform\n');
    expect(unnamed).not.toMatch(/(component|user|group):[a-z]+\//);
  });

  it.each(EXAMPLE_EVALUATIONS.map(example => [example.key, example]))(
    'writes requirements by title and standings in words: %s',
    (_key, example) => {
      const adr = adrOf(example.evaluation);
      // Ids with a hyphen never occur in the words of the examples.
      const ids = example.evaluation.requirements
        .map(({ id }) => id)
        .filter(id => id.includes('-'));
      expect(ids.filter(id => adr.includes(id))).toEqual([]);
      expect(adr).not.toMatch(
        /\((not-mature|missing-must-have|below-threshold|broad-core-gap|runner-up|chosen|not-assessed)\)/,
      );
      expect(adr).not.toMatch(/(component|user|group):default\//);
    },
  );

  it('escapes Markdown and HTML in the plans, the notes and the names', () => {
    const adr = adrOf(
      anEvaluation({
        candidates: [candidate('acme', {}, { notes: '<img src=x> | *bold*' })],
        maintenance: {
          canAllocateTwentyPercentPermanently: true,
          ownerGroupRef: 'group:default/platform',
          plan: '# On-call <script>',
        },
        failureModes: {
          migrationPlan: {
            dataExtraction: '[export](javascript:x)',
            alternative: '`other`',
          },
          twelveMonthRoadmap: '- <b>images</b>',
        },
      }),
      { displayNames: { 'group:default/platform': '<i>Platform</i> _team_' } },
    );
    expect(adr).not.toMatch(/<img|<script|<b>|<i>/);
    expect(adr).toContain(
      '- Reference notes: &lt;img src=x&gt; \\| \\*bold\\*',
    );
    expect(adr).toContain('- Plan: \\# On-call &lt;script&gt;');
    expect(adr).toContain('- Data extraction: \\[export\\](javascript:x)');
    expect(adr).toContain('- Alternative to switch to: \\`other\\`');
    expect(adr).toContain('- Roadmap: \\- &lt;b&gt;images&lt;/b&gt;');
    expect(adr).toContain('- Owner: &lt;i&gt;Platform&lt;/i&gt; \\_team\\_');
  });

  it('never doubles punctuation when the team ends its answers with one', () => {
    const adr = adrOf(
      anEvaluation({
        question: 'Build or buy?',
        candidates: [
          candidate(
            'acme',
            { s1: 'partial' },
            { name: 'Acme Inc.', notes: 'References checked.' },
          ),
        ],
        requirements: [
          { id: 'm1', title: 'Vector search.', bucket: 'must' },
          { id: 's1', title: 'Filter by date!', bucket: 'should' },
          ...REQUIREMENTS.slice(2),
        ],
        gaps: [gap('acme', 's1', 'core', 'narrow')],
        maintenance: {
          canAllocateTwentyPercentPermanently: true,
          ownerGroupRef: 'group:default/platform',
          plan: 'On-call.',
        },
        failureModes: {
          migrationPlan: {
            dataExtraction: 'Nightly export.',
            alternative: 'Switch to another gateway.',
          },
          twelveMonthRoadmap: 'Images?',
        },
      }),
    );
    expect(adr).toContain('The wrapper fills: Filter by date!\n');
    expect(adr).toContain('(Filter by date!) If the gap is narrow');
    expect(adr).toContain(
      '- Alternative to switch to: Switch to another gateway.\n',
    );
    expect(adr).not.toMatch(/[.!?]\./);
  });

  it('never writes a unit after a number nobody answered', () => {
    for (const evaluation of [
      { entityRef: 'component:default/x' },
      anEvaluation({ failureModes: {} }),
      aBuildEvaluation({ failureModes: {} }),
    ]) {
      const adr = adrOf(evaluation);
      expect(adr).not.toMatch(/Not answered_?,? (weeks?|days?|engineers?)\b/);
      expect(adr).not.toMatch(/undefined|NaN/);
    }
  });

  it.each<[string, string, EvaluationDraft, MarkdownAdrOptions]>([
    ['a complete decision', 'accepted', anEvaluation(), { status: 'complete' }],
    ['a decision of unknown status', 'accepted', anEvaluation(), {}],
    ['a draft with a verdict', 'proposed', anEvaluation(), { status: 'draft' }],
    [
      'an incomplete draft',
      'proposed',
      { entityRef: 'component:default/x' },
      { status: 'draft' },
    ],
  ])('records %s as %s', (_name, status, evaluation, options) => {
    expect(adrOf(evaluation, options)).toContain(`- Status: ${status}\n`);
  });
});
