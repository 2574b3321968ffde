export { BuildVsBuyDashboard, BuildVsBuyPage } from './BuildVsBuyPage';
