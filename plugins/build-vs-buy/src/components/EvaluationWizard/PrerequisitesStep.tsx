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

import { Entity, getCompoundEntityRef } from '@backstage/catalog-model';
import {
  EntityRefLinks,
  getEntityRelations,
} from '@backstage/plugin-catalog-react';
import { ORGANISATION_PROFILE_LABELS } from '@build-vs-buy/plugin-build-vs-buy-common';
import { Box, TextField, Typography } from '@material-ui/core';
import { useEffect, useState } from 'react';
import { fieldId } from './draftAnswers';
import {
  fieldHelp,
  SelectAnswer,
  TextAnswer,
  useDraftContext,
} from './WizardFields';

/** What the catalog says of the component, beside the prerequisites. */
export const CatalogContext = (props: { entity: Entity }) => {
  const { entity } = props;
  const dependsOn = getEntityRelations(entity, 'dependsOn');
  const dependencyOf = getEntityRelations(entity, 'dependencyOf');
  const owners = getEntityRelations(entity, 'ownedBy');
  const systems = getEntityRelations(entity, 'partOf', { kind: 'system' });
  return (
    <Box mb={2}>
      <Typography variant="subtitle2">From the catalog</Typography>
      <Typography variant="body2">
        {entity.metadata.description ?? 'No description in the catalog.'}
      </Typography>
      <Typography variant="body2" component="div">
        Owner: <EntityRefLinks entityRefs={owners} defaultKind="group" />
      </Typography>
      {systems.length > 0 && (
        <Typography variant="body2" component="div">
          System: <EntityRefLinks entityRefs={systems} />
        </Typography>
      )}
      <Typography variant="body2" component="div">
        Depends on:{' '}
        {dependsOn.length ? (
          <EntityRefLinks entityRefs={dependsOn} />
        ) : (
          'nothing recorded'
        )}
      </Typography>
      <Typography variant="body2" component="div">
        Depended on by:{' '}
        {dependencyOf.length ? (
          <EntityRefLinks entityRefs={dependencyOf} />
        ) : (
          'nothing recorded'
        )}
      </Typography>
      <Typography variant="caption">
        {`Evaluating ${getCompoundEntityRef(entity).name}.`}
      </Typography>
    </Box>
  );
};

const DEPENDENTS = ['prerequisites', 'componentDescription', 'dependents'];

/** One dependent a line; blank lines are not answers. */
function dependentsOf(text: string): string[] {
  return text
    .split('\n')
    .map(line => line.trim())
    .filter(Boolean);
}

const DependentsAnswer = () => {
  const { draft, errors, warnings, edit, disabled } = useDraftContext();
  const dependents = draft.prerequisites?.componentDescription?.dependents;
  const joined = (dependents ?? []).join('\n');
  // The text as typed, so a new line can be started; it follows the answer
  // when that changes elsewhere (a reload, someone else's version).
  const [text, setText] = useState(joined);
  useEffect(() => {
    setText(current =>
      dependentsOf(current).join('\n') === joined ? current : joined,
    );
  }, [joined]);
  const error = Object.entries(errors).find(([name]) =>
    name.startsWith(DEPENDENTS.join('.')),
  )?.[1];
  return (
    <TextField
      id={fieldId(DEPENDENTS)}
      label="What other components depend on it (one per line)"
      fullWidth
      multiline
      minRows={2}
      margin="normal"
      variant="outlined"
      disabled={disabled}
      value={text}
      error={Boolean(error)}
      helperText={fieldHelp(
        { error, warning: warnings?.[DEPENDENTS.join('.')] },
        'Entity references or names are checked against the catalog',
      )}
      onChange={event => {
        setText(event.target.value);
        edit({
          type: 'answer',
          path: DEPENDENTS,
          value: dependentsOf(event.target.value),
        });
      }}
    />
  );
};

export const PrerequisitesStep = (props: { entity: Entity }) => (
  <>
    <Typography variant="body2" paragraph>
      A written description of what the component actually does in your system,
      and an honest assessment of your team&apos;s capacity. Not headcount.
      Capacity.
    </Typography>
    <CatalogContext entity={props.entity} />
    <TextAnswer path={['question']} label="The question" multiline required />
    <TextAnswer
      path={['prerequisites', 'componentDescription', 'dataStored']}
      label="What data it stores"
      multiline
    />
    <TextAnswer
      path={['prerequisites', 'componentDescription', 'queriesHandled']}
      label="What queries it handles"
      multiline
    />
    <TextAnswer
      path={['prerequisites', 'componentDescription', 'latencyConstraints']}
      label="Latency constraints"
    />
    <TextAnswer
      path={[
        'prerequisites',
        'componentDescription',
        'availabilityConstraints',
      ]}
      label="Availability constraints"
    />
    <DependentsAnswer />
    <TextAnswer
      path={['prerequisites', 'teamCapacity', 'engineers']}
      label="Engineers on the team"
      type="number"
    />
    <TextAnswer
      path={['prerequisites', 'teamCapacity', 'productionSystemsMaintained']}
      label="Production systems the team already maintains"
      type="number"
    />
    <TextAnswer
      path={['prerequisites', 'teamCapacity', 'availableCapacity']}
      label="What the team can realistically take on"
      multiline
    />
    <SelectAnswer
      path={['organisationProfile']}
      label="Organisation"
      options={ORGANISATION_PROFILE_LABELS}
    />
  </>
);
