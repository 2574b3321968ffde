/**
 * The Build vs Buy frontend plugin.
 *
 * @packageDocumentation
 */

export {
  buildVsBuyPlugin,
  BuildVsBuyPage,
  EntityBuildVsBuyCard,
} from './plugin';
