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
import { SelectAnswer, TextAnswer, useDraftContext } from './WizardFields';

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

const DependentsAnswer = () => {
  const { draft, errors, edit, disabled } = useDraftContext();
  const dependents = draft.prerequisites?.componentDescription?.dependents;
  const error = Object.entries(errors).find(([name]) =>
    name.startsWith('prerequisites.componentDescription.dependents'),
  )?.[1];
  return (
    <TextField
      id="build-vs-buy-dependents"
      label="What other components depend on it (one per line)"
      fullWidth
      multiline
      minRows={2}
      margin="normal"
      variant="outlined"
      disabled={disabled}
      value={(dependents ?? []).join('\n')}
      error={Boolean(error)}
      helperText={error}
      onChange={event =>
        edit({
          type: 'answer',
          path: ['prerequisites', 'componentDescription', 'dependents'],
          value: event.target.value
            .split('\n')
            .map(line => line.trim())
            .filter((line, index, lines) => line || index < lines.length - 1)
            .filter(Boolean),
        })
      }
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
