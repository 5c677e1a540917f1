import { reactPage } from './react-page';

reactPage('textarea');
