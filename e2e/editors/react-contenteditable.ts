import { reactPage } from './react-page';

reactPage('contenteditable');
