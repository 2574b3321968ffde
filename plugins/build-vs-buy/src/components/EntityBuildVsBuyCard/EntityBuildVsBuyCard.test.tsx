import { renderInTestApp } from '@backstage/test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { screen } from '@testing-library/react';
import { EntityBuildVsBuyCard } from './EntityBuildVsBuyCard';

describe('EntityBuildVsBuyCard', () => {
  it('says the entity has no decision yet', async () => {
    await renderInTestApp(
      <EntityProvider
        entity={{
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Component',
          metadata: { name: 'vector-database' },
          spec: { type: 'service', owner: 'group:default/ml-platform' },
        }}
      >
        <EntityBuildVsBuyCard />
      </EntityProvider>,
    );

    expect(screen.getByText('No decision yet')).toBeInTheDocument();
    expect(screen.getByText(/vector-database/)).toBeInTheDocument();
  });
});
