export { BuildVsBuyPage } from './BuildVsBuyPage';
