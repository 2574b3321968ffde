export { EntityBuildVsBuyCard } from './EntityBuildVsBuyCard';
