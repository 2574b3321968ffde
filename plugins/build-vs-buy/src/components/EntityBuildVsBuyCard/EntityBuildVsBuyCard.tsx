import { EmptyState, InfoCard } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';

/** The decision of the entity on its overview page. */
export const EntityBuildVsBuyCard = () => {
  const { entity } = useEntity();
  return (
    <InfoCard title="Build vs Buy">
      <EmptyState
        missing="data"
        title="No decision yet"
        description={`No build-vs-buy evaluation has been recorded for ${entity.metadata.name}.`}
      />
    </InfoCard>
  );
};
