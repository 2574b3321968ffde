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
  teamDecisionOf,
  verdictLabel,
  type EvaluationDraft,
  type TeamDecisionFacts,
  type Verdict,
} from '@build-vs-buy/plugin-build-vs-buy-common';
import { Box, Chip, Typography } from '@material-ui/core';

/** "Team's decision: Build in-house", in labels.ts words. */
export function teamDecisionLabel(team: TeamDecisionFacts): string {
  if (team.decision.kind === 'incomplete') {
    return "Team's decision: not decided yet";
  }
  return `Team's decision: ${verdictLabel(team.decision)}`;
}

/** "The tree recommends: Buy VectorCloud Managed". */
export function treeRecommendationLabel(verdict: Verdict): string {
  if (verdict.kind === 'incomplete') {
    return 'The tree recommends nothing yet: answers are missing';
  }
  return `The tree recommends: ${verdictLabel(verdict)}`;
}

/**
 * What the team decided and what the tree recommends, with the team's
 * reason; "It is not a formula", so the two may differ.
 */
export const TeamDecisionSummary = (props: {
  evaluation: EvaluationDraft;
  verdict: Verdict;
}) => {
  const team = teamDecisionOf(props.evaluation, props.verdict);
  if (!team.decidedAgainstTree && props.verdict.kind !== 'incomplete') {
    // The chip beside it names the decision: say only that the team and the
    // tree agree, rather than the same words twice more.
    return (
      <Box component="section" aria-label="The team's decision">
        <Typography variant="body2" color="textSecondary">
          The team's decision follows the tree's recommendation.
        </Typography>
        {team.rationale && (
          <Typography variant="body2">
            The team's rationale: {team.rationale}
          </Typography>
        )}
      </Box>
    );
  }
  return (
    <Box component="section" aria-label="The team's decision">
      <Box
        display="flex"
        alignItems="center"
        flexWrap="wrap"
        style={{ gap: 8 }}
      >
        <Typography variant="body1">{teamDecisionLabel(team)}</Typography>
        {team.decidedAgainstTree && (
          <Chip label="Against the tree" size="small" variant="outlined" />
        )}
      </Box>
      <Typography variant="body2" color="textSecondary">
        {treeRecommendationLabel(team.recommendation)}
      </Typography>
      {team.rationale && (
        <Typography variant="body2">
          The team's rationale: {team.rationale}
        </Typography>
      )}
    </Box>
  );
};
